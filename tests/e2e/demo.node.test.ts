// The designer's page, built as `npm run build:demo` builds it, driven in Debian's Chromium.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browsers.js';
import { ROOT, serveStatic, type StaticServer } from '../support/static-server.node.js';
import { embedCode, escapeHtml } from '../../demo/playground/embed.js';
import { readManifest, stringLiterals, type Manifest } from '../../demo/playground/manifest.js';
import { themeCss } from '../../demo/playground/state.js';

const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');
const CDN_BUNDLE = join(ROOT, 'dist/cdn/weather-strip.js');
const CDN_URL = /https:\/\/cdn\.jsdelivr\.net\/npm\/weather-strip@[^/"]+\/dist\/cdn\/weather-strip\.js/;

/** The strip's date and stations as readers see them (text of the shadow DOM). */
async function stripText(page: Page, selector: string): Promise<{ date: string; stations: string[] }> {
  await page.waitForFunction(
    (s) => document.querySelector(s)?.shadowRoot?.querySelectorAll('ul > li').length,
    selector,
  );
  return page.evaluate((s) => {
    // No named helpers in here: tsx would wrap them in a function the page does not have.
    const root = document.querySelector(s)!.shadowRoot!;
    const [date, ...stations] = [
      root.querySelector('[part="date"]')!,
      ...root.querySelectorAll('ul > li'),
    ].map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim());
    return { date: date!, stations };
  }, selector);
}

/** axe-core's violations on the whole page, as `rule: target` lines. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  }
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> };
      }
    ).axe;
    const { violations } = await axe.run();
    return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${JSON.stringify(node.target)}`));
  });
}

describe('embed code and manifest reading (pure)', () => {
  it('reads every attribute and custom property of both elements, with enums resolved from the as-const arrays', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'custom-elements.json'), 'utf8')) as Manifest;
    const [strip, card] = readManifest(manifest, ['weather-strip', 'article-card']);
    const mode = strip!.attributes.find((a) => a.name === 'mode')!;
    assert.equal(mode.kind, 'enum');
    assert.deepEqual(mode.kind === 'enum' && mode.options, ['roll', 'marquee', 'static']);
    const interval = strip!.attributes.find((a) => a.name === 'interval')!;
    assert.deepEqual(interval.kind === 'number' && [interval.unit, interval.defaultValue], ['s', 3]);
    const level = card!.attributes.find((a) => a.name === 'heading-level')!;
    assert.deepEqual(level.kind === 'number' && [level.min, level.max], [1, 6]);
    assert.equal(card!.attributes.find((a) => a.name === 'variant')!.kind, 'enum');
    assert.equal(strip!.cssProperties.find((p) => p.name === '--weather-strip-background')!.kind, 'color');
    assert.equal(strip!.cssProperties.find((p) => p.name === '--weather-strip-font-size')!.kind, 'length');
    assert.deepEqual(stringLiterals("'a' | 'b'"), ['a', 'b']);
    assert.equal(stringLiterals('string | undefined'), undefined);
  });

  it('escapes data in attributes and text, and writes only what changed', () => {
    const code = embedCode({
      version: '1.2.3',
      strip: [
        ['mode', 'static'],
        ['label', '"날씨" <b>'],
      ],
      weather: {
        version: 1,
        observedAt: '2025-08-01T23:30:00+00:00',
        stations: [{ id: 108, sky: '<script>', temp: null }],
      },
      card: [],
      article: { version: 1, headline: 'A & B', body: 'One <i>.\n\n# Two\n\nThree' },
      css: themeCss([], {}, ''),
    });
    assert.match(
      code,
      /<script type="module" async src="[^"]*weather-strip@1\.2\.3\/dist\/cdn\/weather-strip\.js">/,
    );
    assert.match(code, /<weather-strip mode="static" label="&quot;날씨&quot; &lt;b&gt;" date="2025-08-02">/);
    assert.match(
      code,
      /<weather-station station="108" name="서울" sky="&lt;script&gt;">&lt;script&gt; 서울 -<\/weather-station>/,
    );
    assert.match(
      code,
      /<article-card headline="A &amp; B">\n {2}<p>One &lt;i&gt;\.<\/p>\n {2}<h3>Two<\/h3>\n {2}<p>Three<\/p>\n<\/article-card>/,
    );
    assert.equal(escapeHtml(`'`), '&#39;');
  });

  it('keeps the demo out of the library: nothing in src/ imports demo code', async () => {
    const files = (await readdir(join(ROOT, 'src'), { recursive: true })).filter((file) =>
      file.endsWith('.ts'),
    );
    assert.ok(files.length > 10);
    for (const file of files) {
      assert.doesNotMatch(await readFile(join(ROOT, 'src', file), 'utf8'), /from ['"][./]*demo\//, file);
    }
  });
});

describe("designer's page in Chromium", () => {
  let outDir: string;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let embedHtml = '';

  before(async () => {
    assert.ok(existsSync(CDN_BUNDLE), 'dist/cdn/weather-strip.js is missing: run `npm run build` first');
    outDir = await mkdtemp(join(tmpdir(), 'weather-strip-demo-'));
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    const bundle = await readFile(CDN_BUNDLE);
    server = await serveStatic(
      {
        '/cdn/weather-strip.js': (_request, response) =>
          void response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle),
        '/embed.html': (_request, response) =>
          void response
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end(
              `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>embed</title></head><body>${embedHtml}</body></html>`,
            ),
      },
      outDir,
    );
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.goto(`${server.url}/index.html`);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('opens on the reference layout: the 16 stations of 2025-08-01 above the sample article, no network', async () => {
    const { date, stations } = await stripText(page, '#preview-strip');
    assert.equal(date, '2025.08.01 (금)');
    assert.equal(stations.length, 16);
    assert.equal(stations[0], '흐림 동두천 29.3℃');
    assert.equal(stations[15], '맑음 거제 31.0℃');
    const order = await page.evaluate(() => {
      const strip = document.querySelector('#preview-strip')!;
      const card = document.querySelector('#preview-card')!;
      return strip.getBoundingClientRect().bottom <= card.getBoundingClientRect().top;
    });
    assert.ok(order, 'the strip sits above the card');
    const headline = await page.evaluate(
      () =>
        document.querySelector('#preview-card')!.shadowRoot!.querySelector('[part="headline"]')!.textContent,
    );
    assert.match(headline ?? '', /모두의 서가/);
  });

  it('starts each colour picker at the colour the preview shows, in light and in dark', async () => {
    const picker = (property: string): Promise<string> => page.locator(`#css${property}-picker`).inputValue();
    // currentColor: the text colour of the page; transparent: the page behind the strip.
    assert.equal(await picker('--weather-strip-color'), '#1f2328');
    assert.equal(await picker('--weather-strip-accent-color'), '#1f2328');
    assert.equal(await picker('--article-card-muted-color'), '#1f2328');
    assert.equal(await picker('--weather-strip-background'), '#ffffff');
    await page.check('#check-dark');
    assert.equal(await picker('--weather-strip-color'), '#e8eaed');
    assert.equal(await picker('--weather-strip-background'), '#121212');
    await page.fill('#css--weather-strip-accent-color', 'light-dark(#b3121f, #ff8f8f)');
    assert.equal(await picker('--weather-strip-accent-color'), '#ff8f8f');
    await page.fill('#css--weather-strip-accent-color', '');
    await page.uncheck('#check-dark');
    assert.equal(await picker('--weather-strip-accent-color'), '#1f2328');
  });

  it('has one labelled control per attribute and custom property in the manifest', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'custom-elements.json'), 'utf8')) as Manifest;
    for (const element of readManifest(manifest, ['weather-strip', 'article-card'])) {
      for (const attribute of element.attributes) {
        const label = await page.locator(`label[for="${element.tagName}-${attribute.name}"]`).count();
        assert.equal(label, 1, `${element.tagName} ${attribute.name} has a labelled control`);
      }
      for (const property of element.cssProperties) {
        assert.equal(await page.locator(`#css${property.name}`).count(), 1, `${property.name} has a control`);
      }
    }
    assert.equal(await page.locator('#weather-strip-mode').evaluate((el) => el.tagName), 'SELECT');
  });

  it('applies a changed control to the element at once', async () => {
    await page.selectOption('#weather-strip-mode', 'static');
    await page.waitForFunction(
      () => document.querySelector('#preview-strip')?.getAttribute('mode') === 'static',
    );
    const { stations } = await stripText(page, '#preview-strip');
    const visible = await page.evaluate(() => {
      const strip = document.querySelector('#preview-strip')!;
      const box = strip.getBoundingClientRect();
      return [...strip.shadowRoot!.querySelectorAll('ul > li')].every((li) => {
        const r = li.getBoundingClientRect();
        return r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
      });
    });
    assert.equal(stations.length, 16);
    assert.ok(visible, 'every station is visible in static mode');

    await page.fill('#css--weather-strip-background', '#0b1d33');
    await page.waitForFunction(
      () => getComputedStyle(document.querySelector('#preview-strip')!).backgroundColor === 'rgb(11, 29, 51)',
    );
    await page.fill('#css--weather-strip-background', '');
    await page.waitForFunction(
      () =>
        getComputedStyle(document.querySelector('#preview-strip')!).backgroundColor === 'rgba(0, 0, 0, 0)',
    );

    await page.check('#check-english');
    const english = await stripText(page, '#preview-strip');
    assert.equal(english.date, 'Fri, Aug 1, 2025');
    assert.match(english.stations[2]!, /Seoul 32\.3℃/);
    await page.uncheck('#check-english');
    await page.selectOption('#weather-strip-mode', 'roll');
  });

  it('simulates reduced motion in the preview while the embed keeps the chosen mode', async () => {
    await page.selectOption('#weather-strip-mode', 'marquee');
    await page.check('#check-motion');
    await page.waitForFunction(
      () => document.querySelector('#preview-strip')?.getAttribute('mode') === 'static',
    );
    assert.match(await page.inputValue('#embed-code'), /<weather-strip mode="marquee"/);
    await page.uncheck('#check-motion');
    await page.waitForFunction(
      () => document.querySelector('#preview-strip')?.getAttribute('mode') === 'marquee',
    );
    await page.selectOption('#weather-strip-mode', 'roll');
  });

  it('lists the problems of a pasted invalid feed by path, and the strip shows its error state', async () => {
    await page.fill(
      '#feed-text',
      '{ "version": 1, "observedAt": "yesterday", "stations": [{ "id": 108, "temp": "hot" }] }',
    );
    await page.waitForFunction(() =>
      document.querySelector('#feed-status')?.textContent?.includes('Rejected'),
    );
    const problems = await page.locator('#feed-status li').allInnerTexts();
    assert.ok(
      problems.some((p) => p.startsWith('observedAt')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith('stations[0].temp') && /expected a number/.test(p)),
      problems.join('\n'),
    );
    // The strip's own failure path: the update-failed mark and an error event, the last good data kept.
    await page.waitForFunction(() =>
      document.querySelector('#preview-strip')?.shadowRoot?.querySelector('[part="status"]'),
    );
    await page.waitForFunction(() =>
      document.querySelector('#events')?.textContent?.includes('weather-strip-error'),
    );
    assert.match(await page.innerText('#events'), /schema/);
    assert.equal((await stripText(page, '#preview-strip')).stations.length, 16);

    await page.fill('#feed-text', '{ "version": 1,');
    await page.waitForFunction(() =>
      document.querySelector('#feed-status')?.textContent?.includes('Not JSON'),
    );

    await page.click('#feed-reset');
    await page.waitForFunction(() => document.querySelector('#feed-status')?.textContent?.includes('Valid'));
    await page.waitForFunction(
      () => !document.querySelector('#preview-strip')?.shadowRoot?.querySelector('[part="status"]'),
    );
  });

  it('simulates a 404 after a good load: the last good data stays, with the failed mark', async () => {
    await page.check('#scenario-404');
    await page.waitForFunction(() => document.querySelector('#events')?.textContent?.includes('http 404'));
    await page.waitForFunction(() =>
      document.querySelector('#preview-strip')?.shadowRoot?.querySelector('[part="status"]'),
    );
    assert.equal((await stripText(page, '#preview-strip')).stations.length, 16);
    await page.check('#scenario-none');
    await page.waitForFunction(
      () => !document.querySelector('#preview-strip')?.shadowRoot?.querySelector('[part="status"]'),
    );
  });

  it('copies an embed code that renders the same strip in a fresh page', async () => {
    await page.check('#preset-brand');
    await page.selectOption('#weather-strip-mode', 'static');
    await page.check('#check-fahrenheit');
    await page.click('#copy-embed');
    await page.waitForFunction(() => document.querySelector('#copy-status')?.textContent?.includes('Copied'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.inputValue('#embed-code'));
    assert.match(copied, CDN_URL);
    assert.match(copied, /--weather-strip-accent-color: light-dark\(#b3121f, #ff8f8f\);/);

    const preview = await stripText(page, '#preview-strip');
    const previewAccent = await page.evaluate(
      () =>
        getComputedStyle(
          document.querySelector('#preview-strip')!.shadowRoot!.querySelector('[part="date"]')!,
        ).color,
    );
    embedHtml = copied.replace(CDN_URL, '/cdn/weather-strip.js');
    const fresh = await context.newPage();
    await fresh.goto(`${server.url}/embed.html`);
    const embedded = await stripText(fresh, 'weather-strip');
    assert.deepEqual(embedded, preview);
    assert.equal(embedded.stations[0], '흐림 동두천 84.7℉');
    const accent = await fresh.evaluate(
      () =>
        getComputedStyle(document.querySelector('weather-strip')!.shadowRoot!.querySelector('[part="date"]')!)
          .color,
    );
    assert.equal(accent, previewAccent);
    assert.equal(await fresh.locator('weather-strip').getAttribute('mode'), 'static');
    const headline = await fresh.evaluate(
      () =>
        document.querySelector('article-card')!.shadowRoot!.querySelector('[part="headline"]')?.textContent,
    );
    assert.match(headline ?? '', /모두의 서가/);
    await fresh.close();

    await page.click('#reset-all');
    await page.waitForFunction(() => !document.querySelector('#preview-strip')?.hasAttribute('mode'));
    assert.equal(await page.locator('#preset-reference').isChecked(), true);
    assert.equal(await page.inputValue('#weather-strip-mode'), 'roll');
    assert.doesNotMatch(await page.inputValue('#embed-code'), /--weather-strip-accent-color|unit=/);
  });

  it('is axe clean in light and dark, and saves screenshots of both', async () => {
    await page.locator('#preview-frame').evaluate((el) => el.scrollTo(0, 0));
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(SCREENSHOTS, 'demo-light.png'), fullPage: true });

    await page.check('#check-dark');
    await page.check('#preset-newsroom');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(SCREENSHOTS, 'demo-dark.png'), fullPage: true });

    await page.check('#check-mobile');
    await page.check('#check-long-stations');
    await page.check('#check-long-headline');
    await page.waitForFunction(
      () => document.querySelector('#preview-strip')?.shadowRoot?.querySelectorAll('ul > li').length === 49,
    );
    assert.deepEqual(await axeViolations(page), []);
    await page.locator('#preview-frame').screenshot({ path: join(SCREENSHOTS, 'demo-dark-phone-long.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('is usable from the keyboard: every control is reachable and shows its focus', async () => {
    const dark = await page.locator('#check-dark').isChecked();
    await page.locator('#check-dark').focus();
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#check-dark').isChecked(), !dark);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement!;
      return { id: el.id, outline: getComputedStyle(el).outlineStyle };
    });
    assert.equal(focused.id, 'check-motion');
    assert.notEqual(focused.outline, 'none');
  });
});
