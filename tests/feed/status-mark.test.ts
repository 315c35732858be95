import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { WeatherStrip } from '../../src/index.js';
import type { FeedErrorDetail } from '../../src/feed/feed-events.js';
import { REFERENCE_TEXTS, partText, referenceFeed, stationTexts } from '../support/strip.js';
import { until } from '../support/until.js';

// The reference feed was observed at 2025-08-01T15:00:00+09:00.
const OBSERVED = Date.parse('2025-08-01T15:00:00+09:00');
const HOUR = 3600_000;
const realTimeout = window.setTimeout.bind(window);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => realTimeout(resolve, ms));

let counter = 0;
function scenario(steps: string): string {
  return `/feeds/seq/status-${Date.now().toString(36)}-${counter++}?steps=${steps}`;
}

function mark(el: WeatherStrip): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>('[part="status"]');
}

describe('<weather-strip> status mark', () => {
  let clock: sinon.SinonFakeTimers;
  let hidden = false;

  beforeEach(() => {
    hidden = false;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    clock = sinon.useFakeTimers({ now: OBSERVED + HOUR, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });

  afterEach(() => {
    sinon.restore();
    delete (document as { hidden?: boolean }).hidden;
  });

  /** A static strip on `src`, loaded. */
  async function loaded(src: string, attributes: Record<string, string> = {}): Promise<WeatherStrip> {
    const el = await fixture<WeatherStrip>(html`<weather-strip mode="static"></weather-strip>`);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    let loads = 0;
    el.addEventListener('weather-strip-load', () => loads++);
    el.src = src;
    await until(() => loads > 0, 'the first load');
    await el.updateComplete;
    return el;
  }

  /** Moves the fake clock on, then lets a check that starts finish and the strip render. */
  async function after(el: WeatherStrip, ms: number, settle = 0): Promise<void> {
    await clock.tickAsync(ms);
    if (settle) await sleep(settle);
    await el.updateComplete;
  }

  it('shows nothing while the weather is fresh, and marks it stale after 3 hours', async () => {
    const el = await loaded(scenario('good'), { refresh: '0' });
    expect(mark(el)).to.equal(null);
    await after(el, 2 * HOUR - 1000);
    expect(mark(el)).to.equal(null);
    await after(el, 1000);
    expect(mark(el)).to.not.equal(null);
    expect(partText(el, 'status')).to.equal('오래된 정보');
    expect(mark(el)!.title).to.equal('오래된 정보');
    expect(stationTexts(el)).to.deep.equal(REFERENCE_TEXTS);
  });

  it('follows stale-after, in minutes; 0 never marks', async () => {
    const early = await loaded(scenario('good'), { 'stale-after': '30', refresh: '0' });
    expect(partText(early, 'status')).to.equal('오래된 정보');
    early.staleAfter = 0;
    await early.updateComplete;
    expect(mark(early)).to.equal(null);
    await after(early, 1000 * HOUR);
    expect(mark(early)).to.equal(null);
  });

  it('marks a failed refresh, keeps the last good strip, and clears on the next good answer', async () => {
    sinon.stub(Math, 'random').returns(0.999999);
    const el = await loaded(scenario('good,500,good2'), { refresh: '60', lang: 'en' });
    const errors: FeedErrorDetail[] = [];
    el.addEventListener('weather-strip-error', (event) => errors.push(event.detail));
    expect(mark(el)).to.equal(null);
    await after(el, 60_000);
    await until(() => errors.length > 0, 'the failed refresh');
    await el.updateComplete;
    expect(errors[0]).to.include({ kind: 'http', status: 500 });
    expect(partText(el, 'status')).to.equal('Update failed');
    expect(stationTexts(el)).to.have.length(16);
    expect(stationTexts(el)[0]).to.contain('29.3');
    // The retry comes about 5 s later and brings a new feed.
    let loads = 0;
    el.addEventListener('weather-strip-load', () => loads++);
    await after(el, 5_000);
    await until(() => loads > 0, 'the recovery');
    await el.updateComplete;
    expect(mark(el)).to.equal(null);
    expect(stationTexts(el)[0]).to.contain('12.5');
  });

  it('keeps showing the last good strip when the feed goes bad in every way', async () => {
    sinon.stub(Math, 'random').returns(0.999999);
    const el = await loaded(scenario('good,malformed,truncated,invalid,404,empty,html'), { refresh: '10' });
    const kinds: string[] = [];
    el.addEventListener('weather-strip-error', (event) => kinds.push(event.detail.kind));
    // Refresh after 10 s, retries after 5 s and 10 s; an unusable feed is an answer, so the
    // rhythm returns to 10 s after it.
    for (const wait of [10_000, 5_000, 10_000, 10_000, 5_000, 10_000]) {
      const before = kinds.length;
      await after(el, wait);
      await until(() => kinds.length > before, `failure ${before + 1}`);
      await el.updateComplete;
      expect(stationTexts(el)).to.deep.equal(REFERENCE_TEXTS);
      expect(partText(el, 'status')).to.equal('업데이트 실패');
    }
    expect(kinds).to.deep.equal(['parse', 'parse', 'schema', 'http', 'parse', 'parse']);
  });

  it('does not mark data given as a property, however old', async () => {
    const el = await fixture<WeatherStrip>(
      html`<weather-strip mode="static" .data=${referenceFeed()}></weather-strip>`,
    );
    await after(el, 100 * HOUR);
    expect(mark(el)).to.equal(null);
  });

  it('is read once, in order, and passes axe when stale', async () => {
    const el = await loaded(scenario('good'), { 'stale-after': '1', refresh: '0' });
    const status = mark(el)!;
    expect(status.getAttribute('aria-live')).to.equal(null);
    expect(status.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    // Right after the date, before the stations.
    expect(status.previousElementSibling!.getAttribute('part')).to.equal('date');
    clock.restore(); // axe waits on real timers
    await expect(el).to.be.accessible();
  });

  it('passes axe when failed', async () => {
    clock.restore();
    const el = await fixture<WeatherStrip>(html`<weather-strip lang="en"></weather-strip>`);
    let failed = false;
    el.addEventListener('weather-strip-error', () => (failed = true));
    el.src = scenario('500');
    await until(() => failed, 'the failure');
    await el.updateComplete;
    expect(partText(el, 'status')).to.equal('Update failed');
    await expect(el).to.be.accessible();
  });
});
