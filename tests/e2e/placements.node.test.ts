// The README's rule for the strip before its script arrives, in a real header: Chromium measures
// layout shifts (PerformanceObserver 'layout-shift'), with the script 0.5 s and the feed 1.5 s late.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browsers.js';
import { ROOT, serveStatic, type StaticServer } from '../support/static-server.node.js';

const SCRIPT_DELAY = 500;
const FEED_DELAY = 1500;

/** The strip's box at each stage, and the layout shifts seen. */
interface Stages {
  undefined: { width: number; height: number; text: string };
  defined: { width: number; height: number };
  loaded: { width: number; height: number };
  shifts: number[];
}

/**
 * A news page: the strip in a header row after a logo and a flex: 1 nav (in a row that wraps,
 * the strip takes a line of its own on a phone, at its end), or alone in a block.
 */
function page(placement: 'header' | 'wrapping-header' | 'block', children = true): string {
  const strip = `<weather-strip src="/late-feed.json">${
    children
      ? `
    <weather-station station="98" name="동두천" sky="흐림" temp="29.3">흐림 동두천 29.3℃</weather-station>
    <weather-station station="105" name="강릉" sky="흐림" temp="30.6">흐림 강릉 30.6℃</weather-station>
  `
      : ''
  }</weather-strip>`;
  const header = (style: string) =>
    `<header class="bar" style="${style}"><span class="logo">서울복지타임즈</span><nav style="flex: 1"><a href="#">정치</a><a href="#">경제</a><a href="#">사회</a></nav>${strip}</header>`;
  const top =
    placement === 'header'
      ? header('')
      : placement === 'wrapping-header'
        ? header('flex-wrap: wrap; justify-content: flex-end')
        : strip;
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/tests/fixtures/pages/placement.css">
  <script>
    // Classic script: runs before the bundle, so it sees every stage.
    window.stages = { shifts: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) stages.shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
    const box = () => {
      const r = document.querySelector('weather-strip').getBoundingClientRect();
      return { width: r.width, height: r.height };
    };
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    addEventListener('DOMContentLoaded', async () => {
      await frame();
      stages.undefined = { ...box(), text: document.querySelector('weather-strip').innerText.trim() };
      await customElements.whenDefined('weather-strip');
      await frame();
      stages.defined = box();
    });
    addEventListener('weather-strip-load', async () => {
      await frame();
      stages.loaded = box();
    });
  </script>
  <script type="module" async src="/late/weather-strip.js"></script></head>
  <body>${top}<p id="below">기사 본문</p></body></html>`;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("reserving the strip's box before its script and its feed arrive (Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    const [bundle, feed] = await Promise.all([
      readFile(`${ROOT}/dist/cdn/weather-strip.js`),
      readFile(`${ROOT}/demo/data/reference-weather.json`),
    ]);
    server = await serveStatic({
      '/late/weather-strip.js': async (_request, response) => {
        await delay(SCRIPT_DELAY);
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      },
      '/late-feed.json': async (_request, response) => {
        await delay(FEED_DELAY);
        response.writeHead(200, { 'content-type': 'application/json' }).end(feed);
      },
      '/header.html': (_request, response) =>
        void response.writeHead(200, { 'content-type': 'text/html' }).end(page('header')),
      '/wrapping-header.html': (_request, response) =>
        void response.writeHead(200, { 'content-type': 'text/html' }).end(page('wrapping-header')),
      '/wrapping-header-feed-only.html': (_request, response) =>
        void response.writeHead(200, { 'content-type': 'text/html' }).end(page('wrapping-header', false)),
      '/block.html': (_request, response) =>
        void response.writeHead(200, { 'content-type': 'text/html' }).end(page('block')),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the fixture pages use the README's rule, word for word", async () => {
    const [readme, css] = await Promise.all([
      readFile(`${ROOT}/README.md`, 'utf8'),
      readFile(`${ROOT}/tests/fixtures/pages/placement.css`, 'utf8'),
    ]);
    const rule = readme.match(/```css\n(weather-strip:not\(:defined\)[^]*?)```/)?.[1];
    assert.ok(rule, 'the README shows the rule');
    const words = (text: string) => text.replace(/\s+/g, ' ').trim();
    assert.ok(words(css).includes(words(rule)), 'placement.css holds the README rule');
  });

  for (const [name, path, width, children] of [
    ['in a header flex row, after a flex: 1 nav, at 1000 px', '/header.html', 1000, true],
    ['alone in a block on a 360 px phone', '/block.html', 360, true],
    ['on a line of its own in a wrapping header on a 412 px phone', '/wrapping-header.html', 412, true],
    [
      'on a line of its own in a wrapping header on a 412 px phone, with the feed alone',
      '/wrapping-header-feed-only.html',
      412,
      false,
    ],
  ] as const) {
    it(`keeps one box and shifts nothing ${name}`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 700 } });
      const tab = await context.newPage();
      await tab.goto(`${server.url}${path}`);
      await tab.waitForFunction(() => (window as unknown as { stages: Stages }).stages.loaded, null, {
        timeout: 10_000,
      });
      await tab.waitForTimeout(300);
      const stages = await tab.evaluate(() => (window as unknown as { stages: Stages }).stages);
      await context.close();
      // Before its script, the strip shows its stations' text in the reserved box.
      if (children) assert.match(stages.undefined.text, /흐림 동두천 29\.3℃/);
      for (const stage of ['defined', 'loaded'] as const) {
        assert.ok(
          Math.abs(stages[stage].width - stages.undefined.width) < 0.5,
          `${stage} width: ${JSON.stringify(stages)}`,
        );
        assert.ok(
          Math.abs(stages[stage].height - stages.undefined.height) < 0.5,
          `${stage} height: ${JSON.stringify(stages)}`,
        );
      }
      assert.ok(stages.undefined.width > 200, `a real box: ${JSON.stringify(stages.undefined)}`);
      assert.deepEqual(stages.shifts, [], 'no layout shift');
      console.log(`${name}: ${stages.loaded.width} × ${stages.loaded.height} at every stage, CLS 0`);
    });
  }
});
