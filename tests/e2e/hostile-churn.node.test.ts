// 1 000 single-page-app view changes with the CDN bundle in Chromium: the JS heap stays flat
// after garbage collection and no element instance survives its view.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browsers.js';
import { fileRoute, serveStatic, type StaticServer } from '../support/static-server.node.js';

const json = (file: string) => fileRoute(file, 'application/json', { 'cache-control': 'no-cache' });

/** Live objects whose prototype chain holds the prototype of the element registered as `tag`. */
async function liveInstances(cdp: CDPSession, tag: string): Promise<number> {
  const { result: proto } = await cdp.send('Runtime.evaluate', {
    expression: `customElements.get('${tag}').prototype`,
  });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId! });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId!,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  return result.value as number;
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

describe('1 000 view changes (Chromium, CDN bundle)', () => {
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    server = await serveStatic({
      '/feeds/weather.json': json('demo/data/reference-weather.json'),
      '/feeds/article.json': json('demo/data/sample-article.json'),
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps the heap flat and leaves no instance alive', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/tests/fixtures/hostile/churn.html`);
    await page.waitForFunction(() => (window as unknown as { churnReady?: boolean }).churnReady);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');

    // Warm up: compiled code, template caches, the shared feeds.
    await page.evaluate(() => (window as unknown as { churn(n: number): Promise<void> }).churn(100));
    const before = await heapAfterGc(cdp);
    assert.equal(await liveInstances(cdp, 'weather-strip'), 0);

    await page.evaluate(() => (window as unknown as { churn(n: number): Promise<void> }).churn(1000));
    const after = await heapAfterGc(cdp);
    const strips = await liveInstances(cdp, 'weather-strip');
    const cards = await liveInstances(cdp, 'article-card');
    const stations = await liveInstances(cdp, 'weather-station');
    // A second round: the first one's growth is compiled code and caches, not instances.
    await page.evaluate(() => (window as unknown as { churn(n: number): Promise<void> }).churn(1000));
    const again = await heapAfterGc(cdp);
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
    console.log(
      `heap after GC: ${kib(before)} before, ${kib(after)} after 1 000 cycles, ${kib(again)} after 2 000; live strips ${strips}, cards ${cards}, stations ${stations}`,
    );

    assert.deepEqual({ strips, cards, stations }, { strips: 0, cards: 0, stations: 0 });
    // 4 000 strips and 1 000 cards go through each round: a leak of one strip a view would show.
    assert.ok(after - before < 256 * 1024, `heap grew by ${kib(after - before)}`);
    assert.ok(again - after < 64 * 1024, `heap grew by ${kib(again - after)} in the second round`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('keeps the heap flat when every view shows a different article', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tests/fixtures/hostile/churn.html`);
    await page.waitForFunction(() => (window as unknown as { churnReady?: boolean }).churnReady);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const churn = (cycles: number, articles: string) =>
      page.evaluate(
        ([cycles, articles]) =>
          (window as unknown as { churn(n: number, a: string): Promise<void> }).churn(
            cycles as number,
            articles as string,
          ),
        [cycles, articles],
      );
    await churn(100, 'warm');
    const before = await heapAfterGc(cdp);
    await churn(500, 'read');
    const after = await heapAfterGc(cdp);
    await churn(500, 'more');
    const again = await heapAfterGc(cdp);
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
    console.log(
      `heap after GC with different articles: ${kib(before)} before, ${kib(after)} after 500, ${kib(again)} after 1 000`,
    );
    // Each article feed is about 2 KiB: keeping every one read would add 1 MiB a round.
    assert.ok(after - before < 256 * 1024, `heap grew by ${kib(after - before)}`);
    assert.ok(again - after < 64 * 1024, `heap grew by ${kib(again - after)} in the second round`);
    await page.close();
  });
});
