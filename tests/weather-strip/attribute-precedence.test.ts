import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { WeatherStrip } from '../../src/index.js';
import { partText, referenceFeed } from '../support/strip.js';

// The attributes that name a feed field (`date` for `observedAt`'s day, `attribution`) win over
// the same field of `data` and of the `src` feed, and give it back when removed.

const FEED_ATTRIBUTION = '자료: 기상청 방재기상관측';
let served = 0;

async function strip(source: 'data' | 'src', attributes: Record<string, string>): Promise<WeatherStrip> {
  const el = document.createElement('weather-strip');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (source === 'data') {
    el.data = { ...referenceFeed(), attribution: FEED_ATTRIBUTION };
    return fixture<WeatherStrip>(el);
  }
  served += 1;
  el.src = `/feeds/seq/strip-precedence-${Date.now()}-${served}?steps=attributed`;
  const loaded = oneEvent(el, 'weather-strip-load');
  await fixture(el);
  await loaded;
  await el.updateComplete;
  return el;
}

describe('<weather-strip> attributes the author writes', () => {
  for (const source of ['data', 'src'] as const) {
    describe(`over the ${source === 'data' ? '`data` property' : '`src` feed'}`, () => {
      it("date: the attribute wins, and removing it shows the feed's day again", async () => {
        const el = await strip(source, { date: '2024-02-29' });
        expect(partText(el, 'date')).to.equal('2024.02.29 (목)');
        el.removeAttribute('date');
        await el.updateComplete;
        expect(partText(el, 'date')).to.equal('2025.08.01 (금)');
        el.setAttribute('date', '2025-12-25');
        await el.updateComplete;
        expect(partText(el, 'date')).to.equal('2025.12.25 (목)');
      });

      it("attribution: the attribute wins, and removing it shows the feed's again", async () => {
        const el = await strip(source, { attribution: '자료: 기상청' });
        expect(partText(el, 'attribution')).to.equal('자료: 기상청');
        el.removeAttribute('attribution');
        await el.updateComplete;
        expect(partText(el, 'attribution')).to.equal(FEED_ATTRIBUTION);
        el.setAttribute('attribution', '기상청 자료');
        await el.updateComplete;
        expect(partText(el, 'attribution')).to.equal('기상청 자료');
      });
    });
  }
});
