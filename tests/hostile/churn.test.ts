import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { ArticleCard, WeatherStrip } from '../../src/index.js';
import { frames, referenceFeed } from '../support/strip.js';
import { installCounter, type Counter } from './census.js';

const CYCLES = 1000;
const run = `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** One page view of a single-page app: what it mounts. */
function mount(cycle: number): HTMLElement[] {
  const roll = document.createElement('weather-strip');
  roll.data = referenceFeed();
  roll.interval = 1;
  const marquee = document.createElement('weather-strip');
  marquee.mode = 'marquee';
  marquee.data = referenceFeed();
  // Feeds shared with every earlier view, refreshed every second while mounted.
  const fed = document.createElement('weather-strip');
  fed.src = `/feeds/seq/churn-strip-${run}?steps=good`;
  fed.refresh = 1;
  const declarative = document.createElement('weather-strip');
  declarative.innerHTML = `<weather-station station="108" sky="흐림" temp="${cycle % 40}"></weather-station>
    <weather-station station="159" sky="맑음" temp="32"></weather-station>`;
  const card = document.createElement('article-card');
  card.src = `/feeds/seq/churn-card-${run}?steps=article`;
  card.structuredData = true;
  return [roll, marquee, fed, declarative, card];
}

describe('1 000 mount/unmount cycles', () => {
  let counter: Counter;

  let warnings: sinon.SinonStub;

  beforeEach(() => {
    counter = installCounter();
    warnings = sinon.stub(console, 'warn');
  });
  afterEach(() => {
    warnings.restore();
    counter.restore();
  });

  it('leave no timers, listeners, observers, media-query listeners or animations behind', async function () {
    this.timeout(60_000);
    const page = await fixture<HTMLElement>(html`<main></main>`);
    await frames();
    const before = counter.census();
    // The first view waits for its feeds, so that later views find them cached.
    let views = mount(0);
    page.append(...views);
    await Promise.all([
      new Promise((resolve) => views[2]!.addEventListener('weather-strip-load', resolve, { once: true })),
      new Promise((resolve) => views[4]!.addEventListener('article-card-load', resolve, { once: true })),
    ]);
    const during = counter.census();
    // Sanity: the counter sees what a mounted view holds.
    expect(during.timers).to.be.greaterThan(before.timers);
    expect(during.observers.IntersectionObserver).to.be.greaterThan(before.observers.IntersectionObserver);
    expect(during.observers.MutationObserver).to.be.greaterThan(before.observers.MutationObserver);
    expect(during.listeners).to.not.deep.equal(before.listeners);
    expect(during.mediaListeners).to.be.greaterThan(before.mediaListeners);
    expect(during.animations).to.be.greaterThan(0);
    views.forEach((el) => el.remove());

    for (let cycle = 1; cycle < CYCLES; cycle++) {
      views = mount(cycle);
      page.append(...views);
      // Most views render before they go; some are gone before their first render, and every
      // 100th lives for a frame, long enough for observers to report.
      if (cycle % 7 !== 0)
        await Promise.all(views.map((el) => (el as WeatherStrip | ArticleCard).updateComplete));
      if (cycle % 100 === 0) await frames();
      views.forEach((el) => el.remove());
    }
    await frames();
    // A moved element is disconnected and connected again: it must not hold twice.
    const moved = mount(0);
    page.append(...moved);
    await frames();
    page.prepend(...moved.reverse());
    await frames();
    moved.forEach((el) => el.remove());
    await frames();

    const after = counter.census();
    expect(after).to.deep.equal(before);
    expect(after.animations).to.equal(0);
    expect(warnings.callCount, 'no element found its data unreadable').to.equal(0);
  });
});
