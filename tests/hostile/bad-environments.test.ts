import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { ArticleCard, WeatherStrip } from '../../src/index.js';
import {
  frames,
  partText,
  pauseButton,
  referenceFeed,
  REFERENCE_TEXTS,
  stationTexts,
  track,
} from '../support/strip.js';
import { until } from '../support/until.js';

/** A fetch answer made of promises only (no stream), so that it settles in microtasks. */
function answer(body: string): Response {
  return {
    ok: true,
    status: 200,
    statusText: 'OK',
    headers: new Headers({ 'content-type': 'application/json' }),
    body: null,
    text: () => Promise.resolve(body),
  } as unknown as Response;
}

/** Lets settled promises and a macrotask run, whatever the fake clock fakes. */
function settle(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => (port1.close(), resolve());
    port2.postMessage(0);
  });
}

const strip = (template = html`<weather-strip .data=${referenceFeed()}></weather-strip>`) =>
  fixture<WeatherStrip>(template);

/** Rolls `el` on by one interval and tells whether it moved. */
function moves(el: WeatherStrip, clock: sinon.SinonFakeTimers, ms = 3000): boolean {
  const before = track(el).style.transform;
  clock.tick(ms);
  return track(el).style.transform !== before;
}

describe('bad environments', () => {
  let clock: sinon.SinonFakeTimers;

  afterEach(() => {
    clock?.restore();
    sinon.restore();
  });

  describe('missing APIs', () => {
    beforeEach(() => {
      clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    });

    it('rolls and pauses without IntersectionObserver or ResizeObserver', async () => {
      sinon.stub(window, 'IntersectionObserver').value(undefined);
      sinon.stub(window, 'ResizeObserver').value(undefined);
      const el = await strip();
      expect(stationTexts(el)).to.deep.equal(REFERENCE_TEXTS);
      expect(moves(el, clock)).to.be.true;
      pauseButton(el)!.click();
      await el.updateComplete;
      expect(moves(el, clock)).to.be.false;
      const marquee = await strip(
        html`<weather-strip mode="marquee" .data=${referenceFeed()}></weather-strip>`,
      );
      await frames();
      // The marquee still scrolls, at the stylesheet's default duration.
      expect(track(marquee).getAnimations()).to.have.length(1);
      el.remove();
      marquee.remove();
    });

    it('rolls without matchMedia (no preference known: motion, with its pause button)', async () => {
      sinon.stub(window, 'matchMedia').value(undefined);
      const el = await strip();
      expect(el.motion).to.equal('roll');
      expect(pauseButton(el)).to.exist;
      expect(moves(el, clock)).to.be.true;
      el.remove();
    });
  });

  describe('fetch blocked by an ad blocker', () => {
    const blockers = {
      'rejects, as a blocked request does': () => Promise.reject(new TypeError('Failed to fetch')),
      'throws at once, as a replaced fetch may': () => {
        throw new Error('blocked');
      },
    };
    for (const [how, blocked] of Object.entries(blockers)) {
      it(`${how}: the strip shows its own stations and the card its attributes`, async () => {
        sinon.stub(window, 'fetch').callsFake(blocked);
        const errors: string[] = [];
        const onError = (event: Event) => errors.push((event as CustomEvent<{ kind: string }>).detail.kind);
        document.addEventListener('weather-strip-error', onError);
        document.addEventListener('article-card-error', onError);
        try {
          const el = await strip(
            html`<weather-strip src="/ads/weather-${how.length}.json">
              <weather-station station="108" sky="흐림" temp="32.3">흐림 서울 32.3℃</weather-station>
            </weather-strip>`,
          );
          const card = await fixture<ArticleCard>(
            html`<article-card src="/ads/article-${how.length}.json" headline="점자 안내판이 늘었다">
              <p>본문</p>
            </article-card>`,
          );
          // Each element's first request starts a task after it connects; its error follows.
          await until(() => errors.length >= 2, 'both errors');
          await el.updateComplete;
          await card.updateComplete;
          expect(errors).to.deep.equal(['network', 'network']);
          expect(stationTexts(el)).to.deep.equal(['흐림 서울 32.3℃']);
          expect(partText(el, 'status')).to.equal('업데이트 실패');
          expect(card.shadowRoot!.querySelector('[part="headline"]')!.textContent!.trim()).to.equal(
            '점자 안내판이 늘었다',
          );
          await expect(el).to.be.accessible();
          await expect(card).to.be.accessible();
        } finally {
          document.removeEventListener('weather-strip-error', onError);
          document.removeEventListener('article-card-error', onError);
        }
      });
    }
  });

  describe('time', () => {
    let hidden: boolean;
    let requests: number;

    beforeEach(() => {
      hidden = false;
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => (hidden ? 'hidden' : 'visible'),
      });
      clock = sinon.useFakeTimers({
        now: Date.parse('2025-08-01T15:05:00+09:00'),
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
      });
      requests = 0;
      sinon.stub(window, 'fetch').callsFake(() => {
        requests++;
        return Promise.resolve(answer(JSON.stringify(referenceFeed())));
      });
    });

    afterEach(() => {
      delete (document as { hidden?: boolean }).hidden;
      delete (document as { visibilityState?: string }).visibilityState;
    });

    function setHidden(value: boolean, lifecycle?: 'freeze' | 'resume'): void {
      // A frozen page was hidden first, and is resumed before it shows again.
      if (value) {
        hidden = true;
        document.dispatchEvent(new Event('visibilitychange'));
        if (lifecycle) document.dispatchEvent(new Event(lifecycle));
      } else {
        if (lifecycle) document.dispatchEvent(new Event(lifecycle));
        hidden = false;
        document.dispatchEvent(new Event('visibilitychange'));
      }
    }

    async function loaded(): Promise<WeatherStrip> {
      // A URL of its own: feeds are shared and cached across the page.
      const src = `/feeds/clock-${Math.random().toString(36).slice(2)}.json`;
      const el = await strip(html`<weather-strip src=${src} refresh="60"></weather-strip>`);
      // The first request starts a task after the strip connects; the stations follow its answer.
      await until(() => stationTexts(el).length > 0, 'the feed on screen');
      await el.updateComplete;
      expect(stationTexts(el)).to.deep.equal(REFERENCE_TEXTS);
      expect(requests).to.equal(1);
      return el;
    }

    it('stands still while frozen and carries on after resume, checking the overdue feed at once', async () => {
      const el = await loaded();
      setHidden(true, 'freeze');
      const frozenAt = track(el).style.transform;
      clock.tick(3_600_000);
      expect(track(el).style.transform).to.equal(frozenAt);
      expect(requests).to.equal(1);
      setHidden(false, 'resume');
      clock.tick(0);
      await settle();
      expect(requests).to.equal(2);
      expect(moves(el, clock)).to.be.true;
      expect(stationTexts(el)).to.deep.equal(REFERENCE_TEXTS);
      el.remove();
    });

    it('keeps rolling and refreshing when the clock jumps a day backwards', async () => {
      const el = await loaded();
      const date = partText(el, 'date');
      clock.setSystemTime(Date.now() - 86_400_000);
      // Anything that plans the next check again (here the tab hidden and shown).
      setHidden(true);
      setHidden(false);
      expect(moves(el, clock)).to.be.true;
      clock.tick(60_000);
      await settle();
      expect(requests, 'refreshed within one refresh interval').to.equal(2);
      expect(partText(el, 'date')).to.equal(date);
      expect(el.shadowRoot!.querySelector('[part="status"]')).to.equal(null);
      expect(moves(el, clock)).to.be.true;
      el.remove();
    });
  });
});
