import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { WeatherStrip } from '../../src/index.js';
import { frames, pauseButton, referenceFeed, stationTexts, track } from '../support/strip.js';

/** The pointer entering or leaving the strip's box. */
function hover(el: WeatherStrip, type: 'pointerenter' | 'pointerleave'): void {
  el.shadowRoot!.querySelector('section')!.dispatchEvent(new PointerEvent(type));
}

describe('<weather-strip> motion', () => {
  let clock: sinon.SinonFakeTimers;

  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });

  afterEach(() => {
    clock.restore();
  });

  const strip = (template = html`<weather-strip .data=${referenceFeed()}></weather-strip>`) =>
    fixture<WeatherStrip>(template);

  describe('roll', () => {
    it('moves one station every interval', async () => {
      const el = await strip();
      clock.tick(2999);
      expect(track(el).style.transform).to.equal('');
      clock.tick(1);
      expect(track(el).style.transform).to.equal('translateY(-100%)');
      clock.tick(3000);
      expect(track(el).style.transform).to.equal('translateY(-200%)');
    });

    it('honours interval', async () => {
      const el = await strip(html`<weather-strip interval="5" .data=${referenceFeed()}></weather-strip>`);
      clock.tick(4999);
      expect(track(el).style.transform).to.equal('');
      clock.tick(1);
      expect(track(el).style.transform).to.equal('translateY(-100%)');
    });

    it('loops seamlessly through an inert, hidden copy of the first station', async () => {
      const el = await strip();
      const clone = el.shadowRoot!.querySelector('.clone')!;
      expect(clone.getAttribute('aria-hidden')).to.equal('true');
      expect(clone.hasAttribute('inert')).to.be.true;
      expect(clone.textContent!.replace(/\s+/g, ' ').trim()).to.equal(stationTexts(el)[0]);

      clock.tick(16 * 3000);
      expect(track(el).style.transform).to.equal('translateY(-1600%)');
      track(el).dispatchEvent(new TransitionEvent('transitionend', { propertyName: 'transform' }));
      expect(track(el).style.transform).to.equal('');
      expect(track(el).style.transition).to.equal('none');
      clock.tick(3000);
      expect(track(el).style.transform).to.equal('translateY(-100%)');
      expect(track(el).style.transition).to.equal('');
    });

    it('returns to the first station when the end of the slide was missed', async () => {
      const el = await strip();
      clock.tick(16 * 3000);
      clock.tick(3000);
      expect(track(el).style.transform).to.equal('');
      clock.tick(3000);
      expect(track(el).style.transform).to.equal('translateY(-100%)');
    });

    it('does not move a single station and offers no usable button', async () => {
      const feed = referenceFeed();
      feed.stations = feed.stations.slice(0, 1);
      const el = await strip(html`<weather-strip .data=${feed}></weather-strip>`);
      clock.tick(10_000);
      expect(track(el).style.transform).to.equal('');
      // The button keeps its place, out of sight and out of reach, so that nothing shifts later.
      expect(pauseButton(el)!.disabled).to.be.true;
      expect(getComputedStyle(pauseButton(el)!).visibility).to.equal('hidden');
      expect(clock.countTimers()).to.equal(0);
    });

    it('leaves no timer behind when removed', async () => {
      const el = await strip();
      expect(clock.countTimers()).to.equal(1);
      el.remove();
      expect(clock.countTimers()).to.equal(0);
    });
  });

  describe('pause', () => {
    it('pauses and resumes with the button, which says what it will do', async () => {
      const el = await strip();
      const button = pauseButton(el)!;
      expect(button.textContent!.trim()).to.equal('일시정지');
      button.click();
      await el.updateComplete;
      expect(el.paused).to.be.true;
      expect(el.hasAttribute('paused')).to.be.true;
      expect(pauseButton(el)!.textContent!.trim()).to.equal('재생');
      clock.tick(10_000);
      expect(track(el).style.transform).to.equal('');
      pauseButton(el)!.click();
      // The click focused the button, and focus also pauses: move focus away.
      pauseButton(el)!.blur();
      await el.updateComplete;
      expect(el.paused).to.be.false;
      clock.tick(3000);
      expect(track(el).style.transform).to.equal('translateY(-100%)');
    });

    it('names the button in English', async () => {
      const el = await strip(html`<weather-strip lang="en" .data=${referenceFeed()}></weather-strip>`);
      expect(pauseButton(el)!.textContent!.trim()).to.equal('Pause');
      el.paused = true;
      await el.updateComplete;
      expect(pauseButton(el)!.textContent!.trim()).to.equal('Play');
    });

    it('pauses while hovered', async () => {
      const el = await strip();
      hover(el, 'pointerenter');
      await el.updateComplete;
      expect(el.hasAttribute('paused')).to.be.true;
      clock.tick(6000);
      expect(track(el).style.transform).to.equal('');
      hover(el, 'pointerleave');
      await el.updateComplete;
      expect(el.hasAttribute('paused')).to.be.false;
      clock.tick(3000);
      expect(track(el).style.transform).to.equal('translateY(-100%)');
    });

    it('pauses while anything inside has keyboard focus', async () => {
      const el = await strip();
      pauseButton(el)!.focus();
      await el.updateComplete;
      expect(el.paused).to.be.true;
      clock.tick(6000);
      expect(track(el).style.transform).to.equal('');
      pauseButton(el)!.blur();
      await el.updateComplete;
      expect(el.paused).to.be.false;
    });

    it('stays paused by the author after hover ends', async () => {
      const el = await strip(html`<weather-strip paused .data=${referenceFeed()}></weather-strip>`);
      hover(el, 'pointerenter');
      hover(el, 'pointerleave');
      await el.updateComplete;
      expect(el.paused).to.be.true;
      clock.tick(6000);
      expect(track(el).style.transform).to.equal('');
      el.removeAttribute('paused');
      await el.updateComplete;
      clock.tick(3000);
      expect(track(el).style.transform).to.equal('translateY(-100%)');
    });
  });

  describe('when nobody can see it', () => {
    it('runs no timer while the strip is off screen', async () => {
      const container = await fixture<HTMLElement>(html`<div style="padding-top: 300vh">
        <weather-strip .data=${referenceFeed()}></weather-strip>
      </div>`);
      const el = container.querySelector('weather-strip')!;
      await frames();
      await frames();
      expect(clock.countTimers()).to.equal(0);
      clock.tick(10_000);
      expect(track(el).style.transform).to.equal('');
      el.scrollIntoView();
      await frames();
      await frames();
      clock.tick(3000);
      expect(track(el).style.transform).to.equal('translateY(-100%)');
      window.scrollTo(0, 0);
    });

    it('runs no timer while the tab is hidden', async () => {
      const el = await strip();
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      try {
        document.dispatchEvent(new Event('visibilitychange'));
        expect(clock.countTimers()).to.equal(0);
        clock.tick(10_000);
        expect(track(el).style.transform).to.equal('');
      } finally {
        delete (document as { visibilityState?: string }).visibilityState;
      }
      document.dispatchEvent(new Event('visibilitychange'));
      clock.tick(3000);
      expect(track(el).style.transform).to.equal('translateY(-100%)');
    });
  });

  describe('marquee', () => {
    it('scrolls two copies, the second inert and hidden, at speed px/s', async () => {
      const el = await strip(html`<weather-strip mode="marquee" speed="80" .data=${referenceFeed()}></weather-strip>`);
      await frames();
      const copies = track(el).children;
      expect(copies).to.have.length(2);
      expect(copies[1]!.getAttribute('aria-hidden')).to.equal('true');
      expect(copies[1]!.hasAttribute('inert')).to.be.true;
      expect(copies[1]!.querySelectorAll('.station')).to.have.length(16);
      expect(getComputedStyle(track(el)).animationName).to.equal('weather-strip-marquee');
      const width = copies[0]!.getBoundingClientRect().width;
      const seconds = parseFloat(track(el).style.getPropertyValue('--_marquee-duration'));
      expect(seconds * 80).to.be.closeTo(width, 2);
      expect(clock.countTimers()).to.equal(0);
    });

    it('stops scrolling when paused', async () => {
      const el = await strip(html`<weather-strip mode="marquee" .data=${referenceFeed()}></weather-strip>`);
      expect(getComputedStyle(track(el)).animationPlayState).to.equal('running');
      el.paused = true;
      await el.updateComplete;
      expect(getComputedStyle(track(el)).animationPlayState).to.equal('paused');
    });
  });

  describe('switching mode at run time', () => {
    it('goes from roll to marquee to static and back', async () => {
      const el = await strip();
      clock.tick(3000);
      el.mode = 'marquee';
      await el.updateComplete;
      expect(track(el).style.transform).to.equal('');
      expect(clock.countTimers()).to.equal(0);
      el.mode = 'static';
      await el.updateComplete;
      expect(pauseButton(el)).to.equal(null);
      expect(el.shadowRoot!.querySelector('.clone')).to.equal(null);
      expect(getComputedStyle(el.shadowRoot!.querySelector('ul')!).flexWrap).to.equal('wrap');
      el.mode = 'roll';
      await el.updateComplete;
      clock.tick(3000);
      expect(track(el).style.transform).to.equal('translateY(-100%)');
    });
  });
});
