// The built CDN bundle in plain pages, as a news site uses it, in Debian's Chromium.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browsers.js';
import { ROOT, serveStatic, type StaticServer } from '../support/static-server.node.js';

const REFERENCE_PAGE = '/tests/fixtures/pages/reference.html';

/** A page that takes its data from a feed answered after `delayMs`. */
function feedPage(delayMs: number, attributes = ''): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8">
  <style>weather-strip:not(:defined) { display: block; block-size: 2.25rem; overflow: hidden; }</style>
  <script type="module" src="/dist/cdn/weather-strip.js"></script></head>
  <body><h1>뉴스</h1><weather-strip src="/feed.json?delay=${delayMs}" ${attributes}></weather-strip><p id="below">기사 본문</p></body></html>`;
}

async function stripTexts(page: Page): Promise<{ date: string; stations: string[] }> {
  await page.waitForFunction(() => document.querySelector('weather-strip')?.shadowRoot?.querySelectorAll('ul > li').length);
  return page.evaluate(() => {
    // No named helpers in here: tsx would wrap them in a function the page does not have.
    const root = document.querySelector('weather-strip')!.shadowRoot!;
    const [date, ...stations] = [root.querySelector('[part="date"]')!, ...root.querySelectorAll('ul > li')].map((node) =>
      (node.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    return { date: date!, stations };
  });
}

describe('CDN bundle in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    const feed = await readFile(`${ROOT}/demo/data/reference-weather.json`, 'utf8');
    server = await serveStatic({
      '/feed.json': (request, response) => {
        const delay = Number(new URL(request.url!, 'http://x').searchParams.get('delay') ?? 0);
        setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end(feed), delay);
      },
      '/late.html': (_request, response) => void response.writeHead(200, { 'content-type': 'text/html' }).end(feedPage(1500)),
      '/feed.html': (_request, response) => void response.writeHead(200, { 'content-type': 'text/html' }).end(feedPage(0)),
      '/three.html': (_request, response) =>
        void response
          .writeHead(200, { 'content-type': 'text/html' })
          .end(feedPage(0, 'interval="1" stations="108,159,143"')),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('dates the strip in Asia/Seoul for a reader in America/Los_Angeles', async () => {
    const context = await browser.newContext({ timezoneId: 'America/Los_Angeles' });
    const page = await context.newPage();
    await page.goto(`${server.url}/feed.html`);
    const { date, stations } = await stripTexts(page);
    // 2025-08-01 15:00 in Seoul is still July 31 in Los Angeles.
    assert.equal(await page.evaluate(() => new Date('2025-08-01T15:00:00+09:00').getDate()), 31);
    assert.equal(date, '2025.08.01 (금)');
    assert.equal(stations.length, 16);
    assert.equal(stations[15], '맑음 거제 31.0℃');
    await context.close();
  });

  it('shows every station, still, when the reader asks for reduced motion', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.url}${REFERENCE_PAGE}`);
    await stripTexts(page);
    const layout = await page.evaluate(() => {
      const strip = document.querySelector('weather-strip')!;
      const box = strip.getBoundingClientRect();
      const rows = [...strip.shadowRoot!.querySelectorAll('ul > li')].map((li) => li.getBoundingClientRect());
      return {
        allInside: rows.every((r) => r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.width > 0),
        button: strip.shadowRoot!.querySelector('[part="pause-button"]') !== null,
        transform: (strip.shadowRoot!.querySelector('.track') as HTMLElement).style.transform,
      };
    });
    assert.deepEqual(layout, { allInside: true, button: false, transform: '' });
    await page.waitForTimeout(3500);
    assert.equal(await page.evaluate(() => (document.querySelector('weather-strip')!.shadowRoot!.querySelector('.track') as HTMLElement).style.transform), '');
    await context.close();
  });

  it('rolls through a whole cycle, the jump back included, without a layout', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/three.html`);
    assert.equal((await stripTexts(page)).stations.length, 3);
    await page.evaluate(() => {
      const track = document.querySelector('weather-strip')!.shadowRoot!.querySelector('.track') as HTMLElement;
      const seen: string[] = ((window as unknown as { positions: string[] }).positions = []);
      new MutationObserver(() => seen.push(track.style.transform)).observe(track, { attributeFilter: ['style'] });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const layouts = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'LayoutCount')!.value;
    const before = await layouts();
    // Steps at 1, 2 and 3 s (the last onto the first station's copy), the jump back after it, and on.
    await page.waitForTimeout(4600);
    const during = (await layouts()) - before;
    const positions = await page.evaluate(() => (window as unknown as { positions: string[] }).positions);
    const moves = positions.filter((position, i) => position !== positions[i - 1]);
    const jumpBack = moves.indexOf('');
    assert.deepEqual(moves.slice(jumpBack - 1, jumpBack + 2), ['translateY(-300%)', '', 'translateY(-100%)'], moves.join(', '));
    // A transform that appears or goes would cost a layout at the first step and at the jump back.
    assert.equal(during, 0, `${during} layouts while rolling`);
    await page.close();
  });

  it('is readable with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${REFERENCE_PAGE}`);
    const text = await page.locator('weather-strip').innerText();
    assert.match(text, /흐림 동두천 29\.3℃/);
    assert.match(text, /맑음 거제 31\.0℃/);
    await context.close();
  });

  it('does not shift the page when the feed arrives 1.5 s late', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      (window as unknown as { cls: number }).cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.url}/late.html`);
    await stripTexts(page);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { cls: number }).cls), 0);
    await page.close();
  });
});
