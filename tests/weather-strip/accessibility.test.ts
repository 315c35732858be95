import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { WeatherStrip } from '../../src/index.js';
import { frames, pauseButton, referenceFeed, stationTexts, track } from '../support/strip.js';

/** A `prefers-reduced-motion` query the test can flip, like the OS setting. */
class FakeMediaQuery extends EventTarget {
  constructor(
    readonly media: string,
    public matches: boolean,
  ) {
    super();
  }
  change(matches: boolean): void {
    this.matches = matches;
    this.dispatchEvent(Object.assign(new Event('change'), { matches }));
  }
}

describe('<weather-strip> accessibility', function () {
  // axe takes a few seconds per run in Firefox and WebKit.
  this.timeout(30_000);

  describe('axe', () => {
    for (const mode of ['roll', 'marquee', 'static'] as const) {
      it(`finds nothing in ${mode} mode`, async () => {
        const el = await fixture<WeatherStrip>(html`<weather-strip mode=${mode} .data=${referenceFeed()}></weather-strip>`);
        await expect(el).to.be.accessible();
      });
    }

    it('finds nothing when paused', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip paused .data=${referenceFeed()}></weather-strip>`);
      await expect(el).to.be.accessible();
    });

    it('finds nothing when empty', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip></weather-strip>`);
      await expect(el).to.be.accessible();
    });

    it('finds nothing in English', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip lang="en" .data=${referenceFeed()}></weather-strip>`);
      await expect(el).to.be.accessible();
    });

    it('finds nothing in dark mode', async () => {
      // A page in dark mode gets light system colours: the strip takes its text colour.
      const el = await fixture<HTMLElement>(html`<div style="color-scheme: dark; background: Canvas; color: CanvasText">
        <weather-strip .data=${referenceFeed()}></weather-strip>
      </div>`);
      await el.querySelector<WeatherStrip>('weather-strip')!.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('structure', () => {
    it('is a named region whose list holds every station once, in order', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip mode="marquee" .data=${referenceFeed()}></weather-strip>`);
      const region = el.shadowRoot!.querySelector('section')!;
      expect(region.getAttribute('aria-label')).to.equal('전국 날씨');
      // Everything outside the hidden copies, as assistive technology meets it.
      const exposed = [...el.shadowRoot!.querySelectorAll('.station')].filter((node) => !node.closest('[aria-hidden="true"]'));
      expect(exposed).to.have.length(16);
      expect(stationTexts(el)[0]).to.equal('흐림 동두천 29.3℃');
      expect(el.shadowRoot!.querySelector('[aria-live], [role="marquee"], [role="timer"]')).to.equal(null);
    });

    it('keeps the pause button reachable by keyboard, with a visible focus ring', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip .data=${referenceFeed()}></weather-strip>`);
      const button = pauseButton(el)!;
      expect(button.localName).to.equal('button');
      expect(button.tabIndex).to.equal(0);
      expect(button.getBoundingClientRect().width).to.be.greaterThan(16);
    });

    it('shows one row in roll mode and reserves its height before data arrives', async () => {
      const empty = await fixture<WeatherStrip>(html`<weather-strip></weather-strip>`);
      const emptyHeight = empty.getBoundingClientRect().height;
      const el = await fixture<WeatherStrip>(html`<weather-strip .data=${referenceFeed()}></weather-strip>`);
      expect(emptyHeight).to.be.greaterThan(20);
      expect(el.getBoundingClientRect().height).to.equal(emptyHeight);
    });
  });

  describe('reduced motion', () => {
    let media: FakeMediaQuery;
    let clock: sinon.SinonFakeTimers;

    beforeEach(() => {
      media = new FakeMediaQuery('(prefers-reduced-motion: reduce)', true);
      const realMatchMedia = window.matchMedia.bind(window);
      sinon
        .stub(window, 'matchMedia')
        .callsFake((query: string) => (query === media.media ? (media as unknown as MediaQueryList) : realMatchMedia(query)));
      clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    });

    afterEach(() => {
      clock.restore();
      sinon.restore();
    });

    it('shows every station, static, with nothing moving', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip mode="marquee" .data=${referenceFeed()}></weather-strip>`);
      await frames();
      expect(el.motion).to.equal('static');
      expect(pauseButton(el)).to.equal(null);
      expect(clock.countTimers()).to.equal(0);
      expect(getComputedStyle(track(el)).animationName).to.equal('none');
      const box = el.getBoundingClientRect();
      for (const station of el.shadowRoot!.querySelectorAll('ul > li')) {
        const rect = station.getBoundingClientRect();
        expect(rect.top).to.be.at.least(box.top - 0.5);
        expect(rect.bottom).to.be.at.most(box.bottom + 0.5);
        expect(rect.right).to.be.at.most(box.right + 0.5);
      }
      clock.restore(); // axe waits on real timers
      await expect(el).to.be.accessible();
    });

    it('follows the setting when it changes', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip .data=${referenceFeed()}></weather-strip>`);
      expect(el.motion).to.equal('static');
      media.change(false);
      await el.updateComplete;
      expect(el.motion).to.equal('roll');
      clock.tick(3000);
      expect(track(el).style.transform).to.equal('translateY(-100%)');
      media.change(true);
      await el.updateComplete;
      expect(el.motion).to.equal('static');
      expect(track(el).style.transform).to.equal('');
      expect(clock.countTimers()).to.equal(0);
    });
  });
});
