// The CDN bundle on a page with a strict Content-Security-Policy and Trusted Types enforced,
// sent as real response headers, in Debian's Chromium (the engine that enforces Trusted Types).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browsers.js';
import { fileRoute, serveStatic, type StaticServer } from '../support/static-server.node.js';

/** The policy names the library documents: Lit's templates and the card's JSON-LD. */
const POLICY_NAMES = 'lit-html article-card';

function csp(trustedTypes: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https:",
    "require-trusted-types-for 'script'",
    `trusted-types ${trustedTypes}`,
  ].join('; ');
}

interface Report {
  violations: string[];
  errors: string[];
}

describe('strict CSP and Trusted Types (Chromium, real headers)', () => {
  let server: StaticServer;
  let browser: Browser;

  const html = (file: string, policy: string) =>
    fileRoute(`tests/fixtures/hostile/${file}`, 'text/html; charset=utf-8', {
      'content-security-policy': policy,
    });
  const json = (file: string) => fileRoute(file, 'application/json');

  before(async () => {
    server = await serveStatic({
      '/csp.html': html('csp.html', csp(POLICY_NAMES)),
      '/csp-lit-only.html': html('csp.html', csp('lit-html')),
      // The browser asks for one whenever it likes; a 404 would be a console error.
      '/favicon.ico': (_request, response) => void response.writeHead(204).end(),
      '/feeds/weather.json': json('demo/data/reference-weather.json'),
      '/feeds/article.json': json('demo/data/sample-article.json'),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(
    path: string,
  ): Promise<{ page: Page; messages: string[]; report: () => Promise<Report> }> {
    const page = await browser.newPage();
    const messages: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        messages.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    await page.goto(`${server.url}${path}`);
    return {
      page,
      messages,
      report: () => page.evaluate(() => (window as unknown as { hostileReport: Report }).hostileReport),
    };
  }

  it('enforces Trusted Types in this browser (else the test proves nothing)', async () => {
    const { page } = await open('/csp.html');
    const blocked = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(blocked, true);
    await page.close();
  });

  it('renders, moves and writes JSON-LD with no violation, error or warning', async () => {
    const { page, messages, report } = await open('/csp.html');
    await page.waitForFunction(
      () => document.querySelector('#strip')?.shadowRoot?.querySelectorAll('ul > li').length === 16,
    );
    await page.waitForFunction(() =>
      document.querySelector('#teaser')?.shadowRoot?.querySelector('[part="link"]'),
    );
    await page.waitForFunction(() =>
      document.querySelector('#full')?.shadowRoot?.querySelector('[part="body"] p'),
    );
    // The marquee runs its CSS animation, its duration set through the CSSOM.
    await page.waitForFunction(() => {
      const track = document.querySelector('#marquee')?.shadowRoot?.querySelector<HTMLElement>('.track');
      return (
        track?.getAnimations().length === 1 && track.style.getPropertyValue('--_marquee-duration') !== ''
      );
    });
    // The roll moves (interval 1 s): the track's transform changes.
    const first = await page.evaluate(
      () =>
        (document.querySelector('#strip')!.shadowRoot!.querySelector('.track') as HTMLElement).style
          .transform,
    );
    await page.waitForFunction(
      (before) =>
        (document.querySelector('#strip')!.shadowRoot!.querySelector('.track') as HTMLElement).style
          .transform !== before,
      first,
      { timeout: 5000 },
    );
    const state = await page.evaluate(() => {
      const ld = [...document.querySelectorAll('article-card > script[type="application/ld+json"]')].map(
        (s) => s.textContent ?? '',
      );
      const card = document.querySelector('#full')!.shadowRoot!;
      return {
        ld,
        headline: card.querySelector('[part="headline"]')?.textContent?.trim(),
        adopted: document.querySelector('#strip')!.shadowRoot!.adoptedStyleSheets.length,
      };
    });
    assert.equal(state.ld.length, 2, 'one JSON-LD block per card');
    for (const block of state.ld) assert.equal(JSON.parse(block)['@type'], 'NewsArticle');
    assert.match(state.headline ?? '', /모두의 서가/);
    assert.ok(state.adopted > 0, 'styles are adopted sheets, which style-src allows');
    const { violations, errors } = await report();
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(messages, []);
    await page.close();
  });

  it("without the card's policy: the cards render, JSON-LD is left out with one clear warning per write", async () => {
    const { page, messages, report } = await open('/csp-lit-only.html');
    await page.waitForFunction(() =>
      document.querySelector('#full')?.shadowRoot?.querySelector('[part="body"] p'),
    );
    await page.waitForFunction(() =>
      document.querySelector('#teaser')?.shadowRoot?.querySelector('[part="link"]'),
    );
    await page.waitForFunction(
      () => document.querySelector('#strip')?.shadowRoot?.querySelectorAll('ul > li').length === 16,
    );
    const scripts = await page.evaluate(() => document.querySelectorAll('article-card > script').length);
    assert.equal(scripts, 0, 'no empty JSON-LD block is left behind');
    const { errors } = await report();
    assert.deepEqual(errors, [], 'nothing throws');
    assert.ok(messages.length > 0);
    for (const message of messages) {
      // The browser's own report of the blocked sink, the policy it refused, and ours.
      assert.match(message, /TrustedScript|Trusted Type|trusted-types|article-card/, message);
    }
    assert.ok(messages.some((message) => message.includes("allow the policy 'article-card'")));
    await page.close();
  });
});
