import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { WeatherStrip } from '../../src/index.js';
import { REFERENCE_TEXTS, partText, referenceFeed, stationTexts } from '../support/strip.js';

describe('<weather-strip>', () => {
  describe('defaults', () => {
    it('renders the reference page exactly', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip .data=${referenceFeed()}></weather-strip>`);
      expect(partText(el, 'date')).to.equal('2025.08.01 (금)');
      expect(stationTexts(el)).to.deep.equal(REFERENCE_TEXTS);
      expect(partText(el, 'attribution')).to.equal('기상청 제공');
    });

    it('uses roll mode, Korean, °C and the Korean region name', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip .data=${referenceFeed()}></weather-strip>`);
      expect(el.mode).to.equal('roll');
      expect(el.interval).to.equal(3);
      expect(el.speed).to.equal(40);
      expect(el.refresh).to.equal(600);
      expect(el.paused).to.be.false;
      const base = el.shadowRoot!.querySelector('[part="base"]')!;
      expect(base.localName).to.equal('section');
      expect(base.getAttribute('aria-label')).to.equal('전국 날씨');
      expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2025-08-01');
    });

    it('shows a sky icon beside every label, hidden from assistive technology', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip .data=${referenceFeed()}></weather-strip>`);
      const stations = el.shadowRoot!.querySelectorAll('ul.list > li');
      for (const station of stations) {
        const icon = station.querySelector('svg[part="icon"]')!;
        expect(icon.getAttribute('aria-hidden')).to.equal('true');
        expect(station.querySelector('[part="sky"]')!.textContent).to.not.equal('');
      }
    });

    it('shows the date and the attribution with no data at all', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip date="2025-08-01"></weather-strip>`);
      expect(stationTexts(el)).to.deep.equal([]);
      expect(partText(el, 'date')).to.equal('2025.08.01 (금)');
      expect(partText(el, 'attribution')).to.equal('기상청 제공');
    });
  });

  describe('start-up', () => {
    it('renders in a task after it connects, showing its stations\' own text in its box meanwhile', async () => {
      const el = document.createElement('weather-strip');
      el.innerHTML = '<weather-station station="108" sky="흐림" temp="32.3">흐림 서울 32.3℃</weather-station>';
      document.body.append(el);
      try {
        for (let i = 0; i < 20; i++) await Promise.resolve();
        expect(el.hasUpdated, 'rendered in the task that connected it').to.be.false;
        const slot = el.shadowRoot!.querySelector('slot')!;
        expect(slot.assignedElements().map((station) => station.textContent)).to.deep.equal(['흐림 서울 32.3℃']);
        const row = 2.25 * parseFloat(getComputedStyle(document.documentElement).fontSize);
        expect(el.getBoundingClientRect().height).to.equal(row);
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
        expect(stationTexts(el)).to.deep.equal(['흐림 서울 32.3℃']);
        expect(el.getBoundingClientRect().height).to.equal(row);
      } finally {
        el.remove();
      }
    });
  });

  describe('attributes', () => {
    it('speaks English with lang="en"', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip lang="en" .data=${referenceFeed()}></weather-strip>`);
      expect(partText(el, 'date')).to.equal('Fri, Aug 1, 2025');
      expect(stationTexts(el).slice(0, 4)).to.deep.equal([
        'Overcast Dongducheon 29.3℃',
        'Overcast Gangneung 30.6℃',
        'Overcast Seoul 32.3℃',
        'Mostly cloudy Daejeon 30.7℃',
      ]);
      expect(stationTexts(el)[4]).to.equal('Partly cloudy Daegu 32.7℃');
      expect(stationTexts(el)[7]).to.equal('Clear Busan 32.0℃');
      expect(partText(el, 'attribution')).to.equal('Source: KMA');
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label')).to.equal('Weather');
    });

    it('shows Fahrenheit with unit="f"', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip unit="f" .data=${referenceFeed()}></weather-strip>`);
      expect(stationTexts(el)[2]).to.equal('흐림 서울 90.1℉');
    });

    it('picks and orders stations by id or name', async () => {
      const el = await fixture<WeatherStrip>(
        html`<weather-strip stations="159, 서울,Jeju, 999" .data=${referenceFeed()}></weather-strip>`,
      );
      expect(stationTexts(el)).to.deep.equal(['맑음 부산 32.0℃', '흐림 서울 32.3℃', '구름조금 제주 31.6℃']);
      el.stations = '';
      await el.updateComplete;
      expect(stationTexts(el)).to.have.length(16);
    });

    it('computes the date in time-zone, not in the reader\'s zone', async () => {
      const feed = { ...referenceFeed(), observedAt: '2025-08-01T01:00:00+09:00' };
      const el = await fixture<WeatherStrip>(html`<weather-strip .data=${feed}></weather-strip>`);
      expect(partText(el, 'date')).to.equal('2025.08.01 (금)');
      el.timeZone = 'America/Los_Angeles';
      await el.updateComplete;
      expect(partText(el, 'date')).to.equal('2025.07.31 (목)');
      el.timeZone = 'Not/AZone';
      await el.updateComplete;
      expect(partText(el, 'date')).to.equal('2025.08.01 (금)');
    });

    it('takes the date header from date="YYYY-MM-DD" and ignores an invalid one', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip date="2024-02-29" .data=${referenceFeed()}></weather-strip>`);
      expect(partText(el, 'date')).to.equal('2024.02.29 (목)');
      el.date = '2025-02-30';
      await el.updateComplete;
      expect(partText(el, 'date')).to.equal('2025.08.01 (금)');
    });

    it('overrides the attribution and the label, but never hides the attribution', async () => {
      const el = await fixture<WeatherStrip>(
        html`<weather-strip attribution="자료: 기상청" label="오늘의 날씨" .data=${referenceFeed()}></weather-strip>`,
      );
      expect(partText(el, 'attribution')).to.equal('자료: 기상청');
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label')).to.equal('오늘의 날씨');
      el.attribution = '   ';
      await el.updateComplete;
      expect(partText(el, 'attribution')).to.equal('기상청 제공');
    });

    it('reflects mode and falls back to roll for an unknown one', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip mode="sideways" .data=${referenceFeed()}></weather-strip>`);
      expect(el.motion).to.equal('roll');
      el.mode = 'static';
      await el.updateComplete;
      expect(el.getAttribute('mode')).to.equal('static');
    });
  });

  describe('data', () => {
    it('shows missing temperatures as "-" and keeps the feed\'s own sky text', async () => {
      const feed = referenceFeed();
      feed.stations = [
        { id: 108, sky: '약한비단속', temp: null },
        { id: 159, sky: 'clear', temp: -3.54 },
        { name: '울릉도', sky: '눈', temp: 0.7 },
      ];
      const el = await fixture<WeatherStrip>(html`<weather-strip .data=${feed}></weather-strip>`);
      expect(stationTexts(el)).to.deep.equal(['약한비단속 서울 -', '맑음 부산 -3.5℃', '눈 울릉도 0.7℃']);
    });

    it('leaves out invalid stations and keeps the rest', async () => {
      const feed = referenceFeed();
      feed.stations = [{ id: 108, temp: 'hot' }, { id: 159, sky: '맑음', temp: 32 }] as unknown as typeof feed.stations;
      const el = await fixture<WeatherStrip>(html`<weather-strip .data=${feed}></weather-strip>`);
      expect(stationTexts(el)).to.deep.equal(['맑음 부산 32.0℃']);
    });

    it('renders markup in feed text as text', async () => {
      const feed = referenceFeed();
      feed.stations = [{ name: '<img src=x onerror=alert(1)>', sky: '<b>맑음</b>', temp: 1 }];
      const el = await fixture<WeatherStrip>(html`<weather-strip .data=${feed}></weather-strip>`);
      expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
      expect(partText(el, 'name')).to.equal('<img src=x onerror=alert(1)>');
    });

    it('prefers the data property to src and to child elements', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip .data=${referenceFeed()}>
        <weather-station station="90" name="속초" sky="맑음" temp="25.1"></weather-station>
      </weather-strip>`);
      expect(stationTexts(el)).to.have.length(16);
      el.data = undefined;
      await el.updateComplete;
      expect(stationTexts(el)).to.deep.equal(['맑음 속초 25.1℃']);
    });

    it('gives way to child elements when src is removed, as the card gives way to its attributes', async () => {
      const el = document.createElement('weather-strip');
      el.innerHTML = '<weather-station station="90" name="속초" sky="맑음" temp="25.1"></weather-station>';
      el.setAttribute('src', '/feeds/weather.json');
      const loaded = oneEvent(el, 'weather-strip-load');
      await fixture(el);
      await loaded;
      await el.updateComplete;
      expect(stationTexts(el)).to.deep.equal(REFERENCE_TEXTS);
      el.removeAttribute('src');
      await el.updateComplete;
      expect(stationTexts(el)).to.deep.equal(['맑음 속초 25.1℃']);
    });
  });

  describe('events', () => {
    it('loads src and fires weather-strip-load with the validated feed', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip></weather-strip>`);
      const loaded = oneEvent(el, 'weather-strip-load');
      el.src = '/feeds/weather.json';
      const event = await loaded;
      expect(event.detail.stations).to.have.length(16);
      expect(event.bubbles && event.composed).to.be.true;
      await el.updateComplete;
      expect(stationTexts(el)).to.deep.equal(REFERENCE_TEXTS);
    });

    it('fires weather-strip-error for a missing feed and keeps the last good data', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip src="/feeds/weather.json"></weather-strip>`);
      await oneEvent(el, 'weather-strip-load');
      const failed = oneEvent(el, 'weather-strip-error');
      el.src = '/feeds/missing.json';
      const { detail } = await failed;
      expect(detail.kind).to.equal('http');
      expect(detail.status).to.equal(404);
      await el.updateComplete;
      expect(stationTexts(el)).to.deep.equal(REFERENCE_TEXTS);
    });

    it('reports a malformed feed as a parse error', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip></weather-strip>`);
      const failed = oneEvent(el, 'weather-strip-error');
      el.src = '/feeds/malformed.json';
      expect((await failed).detail.kind).to.equal('parse');
    });
  });
});
