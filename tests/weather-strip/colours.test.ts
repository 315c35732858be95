import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { ArticleCard, WeatherStrip } from '../../src/index.js';
import { contrastOf, parseColor } from '../support/contrast.js';
import { pauseButton, referenceFeed } from '../support/strip.js';
import { sampleArticle } from '../article-card/support.js';

/** Where a news site puts the elements, with no theming of ours (and no color-scheme). */
const THEMES = {
  'a navy header bar': 'background: #0b1d33; color: #fff',
  'a red header bar': 'background: #c8102e; color: #fff',
  'a white page': 'background: #fff',
} as const;

const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];

/** Each element's contrast, named, for the assertion message. */
function contrasts(elements: Element[], name: string): Array<[string, number]> {
  return elements.map((element, i) => [
    `${name}[${i}] "${element.textContent?.trim()}"`,
    contrastOf(element),
  ]);
}

/** The lowest contrast seen per theme and per kind of text, saved to test-results/<engine>/. */
const lowest: Record<string, Record<string, number>> = {};

function record(theme: string, found: Array<[string, number]>): void {
  for (const [name, seen] of found) {
    const kind = name.replace(/\[[^]*$/, '');
    const byKind = (lowest[theme] ??= {});
    byKind[kind] = Math.min(byKind[kind] ?? Infinity, Math.round(seen * 100) / 100);
  }
}

function expectAtLeast(found: Array<[string, number]>, ratio: number, theme?: string): void {
  if (theme) record(theme, found);
  expect(found.length).to.be.greaterThan(0);
  const low = found.filter(([, seen]) => seen < ratio).map(([name, seen]) => `${name}: ${seen.toFixed(2)}`);
  expect(low, `below ${ratio}:1`).to.deep.equal([]);
}

describe("colours on the page's own background", function () {
  // axe takes a few seconds per run in Firefox and WebKit.
  this.timeout(30_000);

  after(() => executeServerCommand('save-result', { name: 'contrast', data: lowest }));

  for (const [theme, style] of Object.entries(THEMES)) {
    describe(`in ${theme}`, () => {
      it('<weather-strip>: names, temperatures and the date at 4.5:1, sky labels and the attribution at 3:1', async () => {
        const bar = await fixture<HTMLElement>(
          html`<div style=${style}>
            <weather-strip .data=${referenceFeed()}></weather-strip>
            <weather-strip mode="static" label="전국 날씨 한눈에" .data=${referenceFeed()}></weather-strip>
          </div>`,
        );
        const [roll, still] = [...bar.querySelectorAll<WeatherStrip>('weather-strip')];
        await Promise.all([roll!.updateComplete, still!.updateComplete]);
        for (const strip of [roll!, still!]) {
          expectAtLeast(
            [
              ...contrasts(all(strip, '[part="date"]'), 'date'),
              ...contrasts(all(strip, 'ul.list .name'), 'name'),
              ...contrasts(all(strip, 'ul.list .temp'), 'temp'),
            ],
            4.5,
            theme,
          );
          expectAtLeast(
            [
              ...contrasts(all(strip, 'ul.list .sky'), 'sky'),
              ...contrasts(all(strip, '[part="attribution"]'), 'attribution'),
            ],
            3,
            theme,
          );
        }
        await expect(bar).to.be.accessible();
      });

      it('<weather-strip>: the pause button has a visible border, and a visible focus ring from the keyboard', async () => {
        const bar = await fixture<HTMLElement>(
          html`<div style=${style}>
            <weather-strip .data=${referenceFeed()}></weather-strip>
          </div>`,
        );
        await bar.querySelector<WeatherStrip>('weather-strip')!.updateComplete;
        const button = pauseButton(bar.querySelector<WeatherStrip>('weather-strip')!)!;
        const border = getComputedStyle(button);
        expect(border.borderTopStyle).to.equal('solid');
        expect(parseFloat(border.borderTopWidth)).to.be.at.least(1);
        expect(contrastOf(button, 'borderTopColor'), 'border').to.be.at.least(3);
        record(theme, [['pause-button border', contrastOf(button, 'borderTopColor')]]);
        await sendKeys({ press: 'Tab' });
        expect(bar.querySelector('weather-strip')!.shadowRoot!.activeElement).to.equal(button);
        const ring = getComputedStyle(button);
        expect(ring.outlineStyle).to.not.equal('none');
        expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
        expect(contrastOf(button, 'outlineColor'), 'focus ring').to.be.at.least(3);
        record(theme, [['focus ring', contrastOf(button, 'outlineColor')]]);
        button.blur();
      });

      it('<article-card>: every text at 4.5:1', async () => {
        const bar = await fixture<HTMLElement>(
          html`<div style=${style}>
            <article-card .data=${sampleArticle()}></article-card>
            <article-card variant="teaser" .data=${sampleArticle()}></article-card>
          </div>`,
        );
        const cards = [...bar.querySelectorAll<ArticleCard>('article-card')];
        await Promise.all(cards.map((card) => card.updateComplete));
        for (const card of cards) {
          const parts = ['category', 'headline', 'deck', 'byline'].flatMap((name) =>
            contrasts(all(card, `[part~="${name}"]`), name),
          );
          const texts = [...parts, ...contrasts(all(card, '[part="body"] > *'), 'body')];
          expectAtLeast(
            texts.map(([name, seen]) => [`card ${name}`, seen]),
            4.5,
            theme,
          );
        }
        await expect(bar).to.be.accessible();
      });
    });
  }

  describe('custom properties', () => {
    it('override the colours taken from the page, muted ones shown as given, without fading', async () => {
      const bar = await fixture<HTMLElement>(
        html`<div
          style="background: #fff; --weather-strip-color: rgb(10, 20, 30); --weather-strip-muted-color: rgb(90, 20, 30);
          --weather-strip-accent-color: rgb(0, 60, 120); --article-card-muted-color: rgb(70, 0, 0)"
        >
          <weather-strip .data=${referenceFeed()}></weather-strip>
          <article-card .data=${sampleArticle()}></article-card>
        </div>`,
      );
      const strip = bar.querySelector<WeatherStrip>('weather-strip')!;
      const card = bar.querySelector<ArticleCard>('article-card')!;
      await Promise.all([strip.updateComplete, card.updateComplete]);
      const style = (el: Element, selector: string) =>
        getComputedStyle(el.shadowRoot!.querySelector(selector)!);
      expect(style(strip, '.name').color).to.equal('rgb(10, 20, 30)');
      expect(style(strip, '[part="date"]').color).to.equal('rgb(0, 60, 120)');
      for (const selector of ['.sky', '[part="attribution"]']) {
        expect(style(strip, selector).color, selector).to.equal('rgb(90, 20, 30)');
        expect(style(strip, selector).opacity, selector).to.equal('1');
      }
      expect(style(strip, '[part="pause-button"]').borderTopColor).to.equal('rgb(90, 20, 30)');
      expect(style(card, '[part="deck"]').color).to.equal('rgb(70, 0, 0)');
      expect(style(card, '[part="deck"]').opacity).to.equal('1');
      expect(parseColor(style(card, '[part="headline"]').color)).to.deep.equal([0, 0, 0, 1]);
    });
  });
});
