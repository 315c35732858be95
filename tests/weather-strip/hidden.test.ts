import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { ArticleCard, WeatherStrip } from '../../src/index.js';
import { frames, referenceFeed, track } from '../support/strip.js';
import { sampleArticle } from '../article-card/support.js';

let feeds = 0;
/** A feed URL of its own, whose requests the test server counts. */
function countedFeed(): { url: string; requests: () => Promise<number> } {
  const id = `hidden-${Date.now()}-${feeds++}`;
  return {
    url: `/feeds/seq/${id}?steps=good`,
    requests: async () =>
      ((await (await fetch(`/feeds/log/${id}`, { cache: 'no-store' })).json()) as unknown[]).length,
  };
}

describe('hidden', () => {
  it('<weather-strip hidden> and <article-card hidden> take no space and show nothing', async () => {
    const page = await fixture<HTMLElement>(
      html`<div>
        <weather-strip hidden .data=${referenceFeed()}></weather-strip>
        <article-card hidden .data=${sampleArticle()}></article-card>
        <p>기사 본문</p>
      </div>`,
    );
    for (const el of page.querySelectorAll<WeatherStrip | ArticleCard>('weather-strip, article-card')) {
      await el.updateComplete;
      const box = el.getBoundingClientRect();
      expect([box.width, box.height], el.localName).to.deep.equal([0, 0]);
      expect(getComputedStyle(el).display, el.localName).to.equal('none');
    }
    expect(page.querySelector('p')!.getBoundingClientRect().top).to.equal(page.getBoundingClientRect().top);
  });

  describe('a hidden strip', () => {
    let clock: sinon.SinonFakeTimers;

    beforeEach(() => {
      clock = sinon.useFakeTimers({
        toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
      });
    });

    afterEach(() => clock.restore());

    it('runs no timer, and rolls again once shown', async () => {
      const el = await fixture<WeatherStrip>(
        html`<weather-strip hidden .data=${referenceFeed()}></weather-strip>`,
      );
      await frames();
      expect(clock.countTimers()).to.equal(0);
      clock.tick(10_000);
      expect(track(el).style.transform).to.equal('');
      el.hidden = false;
      await frames();
      expect(clock.countTimers()).to.equal(1);
      clock.tick(3000);
      expect(track(el).style.transform).to.equal('translateY(-100%)');
    });

    it('stops its timer when hidden while rolling', async () => {
      const el = await fixture<WeatherStrip>(html`<weather-strip .data=${referenceFeed()}></weather-strip>`);
      expect(clock.countTimers()).to.equal(1);
      el.hidden = true;
      await frames();
      expect(clock.countTimers()).to.equal(0);
      clock.tick(10_000);
      expect(track(el).style.transform).to.equal('');
    });

    it('pauses its marquee while hidden', async () => {
      const el = await fixture<WeatherStrip>(
        html`<weather-strip hidden mode="marquee" .data=${referenceFeed()}></weather-strip>`,
      );
      await frames();
      expect(track(el).classList.contains('idle')).to.equal(true);
      el.hidden = false;
      await frames();
      expect(track(el).classList.contains('idle')).to.equal(false);
    });

    it('loads its feed once, asks for no refresh while hidden, and catches up when shown', async () => {
      const feed = countedFeed();
      const el = await fixture<WeatherStrip>(
        html`<weather-strip hidden refresh="60" src=${feed.url}></weather-strip>`,
      );
      // The first load is not a timer: the data is there the moment the strip is shown.
      for (let i = 0; i < 100 && el.shadowRoot!.querySelectorAll('ul.list > li').length === 0; i++)
        await clock.tickAsync(0).then(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      expect(el.shadowRoot!.querySelectorAll('ul.list > li')).to.have.length(16);
      await frames();
      expect(clock.countTimers()).to.equal(0);
      await clock.tickAsync(120_000);
      expect(await feed.requests()).to.equal(1);
      el.hidden = false;
      await frames();
      // Overdue: checked at once.
      await clock.tickAsync(0);
      for (let i = 0; i < 100 && (await feed.requests()) < 2; i++) await frames();
      expect(await feed.requests()).to.equal(2);
    });
  });
});
