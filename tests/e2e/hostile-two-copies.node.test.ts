// Two copies of the library on one page, in Chromium: the CDN bundle with the npm build, and
// the CDN bundle twice (as two widget vendors would ship it), also under Trusted Types.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browsers.js';
import { fileRoute, serveStatic, type StaticServer } from '../support/static-server.node.js';

interface Report {
  violations: string[];
  errors: string[];
}

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https:; " +
  "require-trusted-types-for 'script'; trusted-types lit-html article-card";

const file = fileRoute;

describe('two copies of the library on one page (Chromium)', () => {
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    const html = 'text/html; charset=utf-8';
    server = await serveStatic({
      '/feeds/weather.json': file('demo/data/reference-weather.json', 'application/json'),
      '/feeds/article.json': file('demo/data/sample-article.json', 'application/json'),
      '/copy/weather-strip.js': file('dist/cdn/weather-strip.js', 'text/javascript'),
      '/favicon.ico': (_request, response) => void response.writeHead(204).end(),
      '/npm.html': file('tests/fixtures/hostile/two-copies-npm.html', html),
      '/csp.html': file('tests/fixtures/hostile/two-copies-csp.html', html, {
        'content-security-policy': `${POLICY} 'allow-duplicates'`,
      }),
      '/csp-no-duplicates.html': file('tests/fixtures/hostile/two-copies-csp.html', html, {
        'content-security-policy': POLICY,
      }),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<{ page: Page; messages: string[] }> {
    const page = await browser.newPage();
    const messages: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        messages.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    await page.goto(`${server.url}${path}`);
    return { page, messages };
  }

  /** Both strips and both cards render from their feeds and both strips roll. */
  async function bothWork(page: Page): Promise<void> {
    for (const id of ['first', 'second'])
      await page.waitForFunction(
        (id) => document.getElementById(id)?.shadowRoot?.querySelectorAll('ul > li').length === 16,
        id,
      );
    for (const id of ['first-card', 'second-card'])
      await page.waitForFunction(
        (id) => document.getElementById(id)?.shadowRoot?.querySelector('[part="link"]'),
        id,
      );
    const transforms = () =>
      page.evaluate(() =>
        ['first', 'second'].map(
          (id) =>
            (document.getElementById(id)!.shadowRoot!.querySelector('.track') as HTMLElement).style.transform,
        ),
      );
    const start = await transforms();
    await page.waitForFunction(
      (start) =>
        ['first', 'second'].every(
          (id, i) =>
            (document.getElementById(id)!.shadowRoot!.querySelector('.track') as HTMLElement).style
              .transform !== start[i],
        ),
      start,
      { timeout: 5000 },
    );
    // Two different classes: really two copies.
    const distinct = await page.evaluate(
      () => customElements.get('weather-strip') !== document.getElementById('second')!.constructor,
    );
    assert.equal(distinct, true);
    const ld = await page.evaluate(() =>
      [...document.querySelectorAll('script[type="application/ld+json"]')].map(
        (s) => JSON.parse(s.textContent!)['@type'],
      ),
    );
    assert.deepEqual(ld, ['NewsArticle', 'NewsArticle']);
  }

  it('the CDN bundle and the npm build (Lit from an import map): no throw, both work', async () => {
    const { page, messages } = await open('/npm.html');
    await bothWork(page);
    const report = await page.evaluate(() => (window as unknown as { hostileReport: Report }).hostileReport);
    assert.deepEqual(report.errors, []);
    // Lit warns (in development builds only) when several copies load; ours are production builds.
    assert.deepEqual(messages, []);
    await page.close();
  });

  it("the CDN bundle twice under Trusted Types with 'allow-duplicates': no violation, both work", async () => {
    const { page, messages } = await open('/csp.html');
    await bothWork(page);
    const report = await page.evaluate(() => (window as unknown as { hostileReport: Report }).hostileReport);
    assert.deepEqual(report, { violations: [], errors: [] });
    assert.deepEqual(messages, []);
    await page.close();
  });

  it("without 'allow-duplicates' the second copy cannot create Lit's policy; the first one still works", async () => {
    const { page, messages } = await open('/csp-no-duplicates.html');
    await page.waitForFunction(
      () => document.getElementById('first')?.shadowRoot?.querySelectorAll('ul > li').length === 16,
    );
    await page.waitForFunction(() =>
      document.getElementById('first-card')?.shadowRoot?.querySelector('[part="link"]'),
    );
    const report = await page.evaluate(() => (window as unknown as { hostileReport: Report }).hostileReport);
    // Exactly the browser refusing a second policy named lit-html: why the recipe says 'allow-duplicates'.
    assert.deepEqual(report.violations, ['trusted-types trusted-types-policy lit-html']);
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0]!, /Policy with name "lit-html" already exists/);
    assert.ok(
      messages.every((message) => message.includes('lit-html')),
      messages.join('\n'),
    );
    assert.equal(await page.evaluate(() => customElements.get('copy-strip')), undefined);
    await page.close();
  });
});
