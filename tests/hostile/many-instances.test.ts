import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { ArticleCard, WeatherStrip } from '../../src/index.js';
import { frames, pauseButton, stationTexts, track } from '../support/strip.js';
import { until } from '../support/until.js';

const COUNT = 50;
const run = `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** What the test server was asked for `/feeds/seq/<id>`. */
async function requests(id: string): Promise<number> {
  const response = await fetch(`/feeds/log/${id}`, { cache: 'no-store' });
  return ((await response.json()) as unknown[]).length;
}

describe('a page with 50 strips and 50 cards', () => {
  let clock: sinon.SinonFakeTimers;

  beforeEach(() => {
    // Only the strips' step timers: requests, observers and frames stay real.
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });

  afterEach(() => clock.restore());

  it('asks once per URL, renders all, and ticks and pauses each strip on its own', async () => {
    const sharedStrip = `many-strip-${run}`;
    const sharedCard = `many-card-${run}`;
    // Small strips in a grid, so that all of them are on screen and allowed to move.
    const page = await fixture<HTMLElement>(
      html`<div
        style="display: grid; grid-template-columns: repeat(5, 1fr); font-size: 8px; --weather-strip-row-height: 10px"
      ></div>`,
    );
    let loads = 0;
    page.addEventListener('weather-strip-load', () => loads++);
    page.addEventListener('article-card-load', () => loads++);
    const strips: WeatherStrip[] = [];
    const cards: ArticleCard[] = [];
    for (let i = 0; i < COUNT; i++) {
      const strip = document.createElement('weather-strip');
      // Half share one URL; the others each have their own.
      strip.src = `/feeds/seq/${i % 2 ? sharedStrip : `${sharedStrip}-${i}`}?steps=good`;
      strips.push(strip);
    }
    for (let i = 0; i < COUNT; i++) {
      const card = document.createElement('article-card');
      card.variant = 'teaser';
      card.src = `/feeds/seq/${i % 2 ? sharedCard : `${sharedCard}-${i}`}?steps=article`;
      cards.push(card);
    }
    page.append(...strips, ...cards);
    await until(
      () => loads === 2 * COUNT,
      () => `${loads} loads`,
    );
    await frames();

    expect(await requests(sharedStrip)).to.equal(1);
    expect(await requests(sharedCard)).to.equal(1);
    const own = await Promise.all(
      Array.from({ length: COUNT }, (_, i) => i)
        .filter((i) => i % 2 === 0)
        .flatMap((i) => [requests(`${sharedStrip}-${i}`), requests(`${sharedCard}-${i}`)]),
    );
    expect(own).to.deep.equal(own.map(() => 1));

    for (const strip of strips) expect(stationTexts(strip)).to.have.length(16);
    for (const card of cards)
      expect(card.shadowRoot!.querySelector('[part="headline"]')?.textContent?.trim()).to.equal(
        '점자 안내판이 늘었다',
      );

    // One paused by its button, one by the author.
    pauseButton(strips[0]!)!.click();
    strips[31]!.paused = true;
    await Promise.all(strips.map((strip) => strip.updateComplete));
    clock.tick(3000);
    const at = (n: number) => (n === 0 ? '' : `translateY(-${n * 100}%)`);
    const positions = () => strips.map((strip) => track(strip).style.transform);
    expect(positions()).to.deep.equal(strips.map((_, i) => at(i === 0 || i === 31 ? 0 : 1)));

    pauseButton(strips[0]!)!.click();
    await strips[0]!.updateComplete;
    clock.tick(3000);
    expect(positions()).to.deep.equal(strips.map((_, i) => at(i === 31 ? 0 : i === 0 ? 1 : 2)));
  });
});

