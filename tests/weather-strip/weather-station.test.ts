import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import { WeatherStation, type WeatherStrip } from '../../src/index.js';
import { stationTexts } from '../support/strip.js';

/** Waits for the strip to see a change to its children. */
async function settled(el: WeatherStrip): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

describe('<weather-station>', () => {
  it('gives the strip its data from attributes', async () => {
    const el = await fixture<WeatherStrip>(html`<weather-strip date="2025-08-01">
      <weather-station station="98" name="동두천" sky="흐림" temp="29.3">흐림 동두천 29.3℃</weather-station>
      <weather-station station="105" sky="흐림" temp="30.6">흐림 강릉 30.6℃</weather-station>
    </weather-strip>`);
    expect(stationTexts(el)).to.deep.equal(['흐림 동두천 29.3℃', '흐림 강릉 30.6℃']);
  });

  it('fills in the English name from the station table', async () => {
    const el = await fixture<WeatherStrip>(html`<weather-strip lang="en">
      <weather-station station="108" name="서울" sky="맑음" temp="30"></weather-station>
    </weather-strip>`);
    expect(stationTexts(el)).to.deep.equal(['Clear Seoul 30.0℃']);
  });

  it('updates the strip when a child is added, edited or removed', async () => {
    const el = await fixture<WeatherStrip>(html`<weather-strip>
      <weather-station station="98" sky="흐림" temp="29.3"></weather-station>
    </weather-strip>`);
    const added = document.createElement('weather-station');
    added.setAttribute('station', '159');
    added.setAttribute('sky', '맑음');
    added.setAttribute('temp', '32');
    el.append(added);
    await settled(el);
    expect(stationTexts(el)).to.deep.equal(['흐림 동두천 29.3℃', '맑음 부산 32.0℃']);

    added.temp = '-1.25';
    await settled(el);
    expect(stationTexts(el)[1]).to.equal('맑음 부산 -1.3℃');

    el.querySelector('weather-station')!.remove();
    await settled(el);
    expect(stationTexts(el)).to.deep.equal(['맑음 부산 -1.3℃']);
  });

  it('leaves out a child with an unusable temperature and shows an empty one as missing', async () => {
    const el = await fixture<WeatherStrip>(html`<weather-strip>
      <weather-station station="98" sky="흐림" temp="hot"></weather-station>
      <weather-station station="105" sky="흐림" temp=""></weather-station>
    </weather-strip>`);
    expect(stationTexts(el)).to.deep.equal(['흐림 강릉 -']);
  });

  it("reads its children again only when they change, not on the strip's own attributes", async () => {
    // Each reading of the children warns about the one it leaves out: the warnings count the readings.
    const warn = sinon.stub(console, 'warn');
    try {
      const el = await fixture<WeatherStrip>(html`<weather-strip>
        <weather-station station="98" sky="흐림" temp="hot"></weather-station>
        <weather-station station="105" sky="흐림" temp="30.6"></weather-station>
      </weather-strip>`);
      expect(warn.callCount).to.equal(1);
      // Hover and focus pause the strip: `paused` is reflected on every one.
      for (const paused of [true, false, true, false]) {
        el.paused = paused;
        await settled(el);
      }
      el.setAttribute('mode', 'static');
      el.setAttribute('name', 'ticker');
      await settled(el);
      expect(el.hasAttribute('paused')).to.be.false;
      expect(warn.callCount).to.equal(1);
      // A grandchild is not a station, and neither is the fallback text of one.
      el.querySelector('weather-station')!.append(document.createElement('b'));
      await settled(el);
      expect(warn.callCount).to.equal(1);
      el.querySelector('weather-station')!.setAttribute('temp', 'cold');
      await settled(el);
      expect(warn.callCount).to.equal(2);
      expect(stationTexts(el)).to.deep.equal(['흐림 강릉 30.6℃']);
    } finally {
      warn.restore();
    }
  });

  it('reflects its properties to attributes', () => {
    const station = new WeatherStation();
    station.station = '108';
    station.name = '서울';
    station.sky = '흐림';
    station.temp = '32.3';
    expect(station.getAttribute('station')).to.equal('108');
    expect(station.getAttribute('name')).to.equal('서울');
    expect(station.getAttribute('sky')).to.equal('흐림');
    expect(station.getAttribute('temp')).to.equal('32.3');
    station.temp = null;
    expect(station.hasAttribute('temp')).to.be.false;
  });

  it('is readable before the strip is defined', async () => {
    const container = await fixture<HTMLElement>(html`<div>
      <undefined-strip><weather-station station="108">흐림 서울 32.3℃</weather-station></undefined-strip>
    </div>`);
    expect(container.textContent!.trim()).to.equal('흐림 서울 32.3℃');
  });
});
