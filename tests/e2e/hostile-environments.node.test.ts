// What only a real browser can do to the page: 400% zoom (a 320 px wide viewport) and forced
// colours (Windows high contrast), with the CDN bundle in Chromium.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browsers.js';
import { fileRoute, serveStatic, type StaticServer } from '../support/static-server.node.js';

const PAGE = '/tests/fixtures/hostile/narrow.html';

const json = (file: string) => fileRoute(file, 'application/json');

describe('zoom and forced colours (Chromium, CDN bundle)', () => {
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    server = await serveStatic({
      '/feeds/weather.json': json('demo/data/reference-weather.json'),
      '/feeds/article.json': json('demo/data/sample-article.json'),
      '/favicon.ico': (_request, response) => void response.writeHead(204).end(),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${server.url}${PAGE}`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('weather-strip')].every(
        (strip) => strip.shadowRoot?.querySelectorAll('ul > li').length === 16,
      ),
    );
    await page.waitForFunction(() =>
      document.querySelector('#card')?.shadowRoot?.querySelector('[part="body"] p'),
    );
    return { page, errors };
  }

  it('at 400% zoom (320 CSS px wide) nothing overflows, overlaps or is cut', async () => {
    const { page, errors } = await open({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });
    const problems = await page.evaluate(() => {
      // No named helpers in here: tsx would wrap them in a function the page does not have.
      const found: string[] = [];
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > width)
        found.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px`);
      for (const strip of document.querySelectorAll('weather-strip')) {
        const root = strip.shadowRoot!;
        const parts = ['date', 'status', 'viewport', 'attribution', 'pause-button']
          .map((name) => ({ name, box: root.querySelector(`[part="${name}"]`)?.getBoundingClientRect() }))
          .filter((part): part is { name: string; box: DOMRect } => !!part.box && part.box.width > 0);
        for (const [i, a] of parts.entries()) {
          if (a.box.left < -0.5 || a.box.right > width + 0.5)
            found.push(`${strip.id} ${a.name} leaves the page`);
          for (const b of parts.slice(i + 1)) {
            const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
            const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
            if (x > 0.5 && y > 0.5) found.push(`${strip.id}: ${a.name} overlaps ${b.name}`);
          }
        }
        const viewport = root.querySelector('[part="viewport"]')!;
        const rows =
          strip.id === 'static' ? [...root.querySelectorAll('ul > li')] : [root.querySelector('ul > li')!];
        for (const row of rows) {
          const box = row.getBoundingClientRect();
          const frame = viewport.getBoundingClientRect();
          // A station that does not fit its row is cut off in roll mode.
          if (
            strip.id !== 'marquee' &&
            (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.height > frame.height + 0.5)
          )
            found.push(`${strip.id}: "${row.textContent?.trim()}" is cut`);
          if (strip.id === 'static' && box.width > 0 && box.right > width + 0.5)
            found.push(`static: a station leaves the page`);
        }
      }
      for (const card of document.querySelectorAll('article-card')) {
        for (const node of card.shadowRoot!.querySelectorAll('*')) {
          const box = node.getBoundingClientRect();
          if (box.width > 0 && (box.left < -0.5 || box.right > width + 0.5))
            found.push(`${card.id}: ${node.localName} leaves the page`);
          if (node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible')
            found.push(`${card.id}: ${node.localName} is cut`);
        }
      }
      return found;
    });
    assert.deepEqual(problems, []);
    // Still legible: text at least the size the page asked for.
    const size = await page.evaluate(() =>
      parseFloat(
        getComputedStyle(document.querySelector('#static')!.shadowRoot!.querySelector('.name')!).fontSize,
      ),
    );
    assert.ok(size >= 14, `station names at ${size}px`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('in forced colours, text, icons, the pause button and the focus ring take system colours', async () => {
    const { page, errors } = await open({ forcedColors: 'active', viewport: { width: 800, height: 600 } });
    await page.keyboard.press('Tab'); // the first strip's pause button, shown with its focus ring
    const seen = await page.evaluate(() => {
      const colors: Record<string, string> = {};
      for (const name of ['CanvasText', 'Canvas', 'ButtonText', 'LinkText']) {
        const probe = document.createElement('span');
        probe.style.color = name;
        document.body.append(probe);
        colors[name] = getComputedStyle(probe).color;
        probe.remove();
      }
      const root = document.querySelector('#roll')!.shadowRoot!;
      const button = getComputedStyle(root.querySelector('[part="pause-button"]')!);
      const focused = root.activeElement?.getAttribute('part');
      const icon = getComputedStyle(
        root.querySelector('[part="icon"]') ?? root.querySelector('.station svg')!,
      );
      const name = getComputedStyle(root.querySelector('.name')!);
      const date = getComputedStyle(root.querySelector('[part="date"]')!);
      const link = getComputedStyle(
        document.querySelector('#teaser')!.shadowRoot!.querySelector('[part="link"]')!,
      );
      return {
        colors,
        focused,
        button: {
          style: button.borderTopStyle,
          width: parseFloat(button.borderTopWidth),
          color: button.borderTopColor,
          outline: button.outlineStyle,
        },
        icon: { stroke: icon.stroke, color: icon.color },
        name: name.color,
        date: date.color,
        link: link.color,
      };
    });
    assert.equal(seen.focused, 'pause-button');
    assert.equal(seen.button.style, 'solid');
    assert.ok(seen.button.width >= 1);
    assert.equal(seen.button.color, seen.colors.ButtonText);
    assert.notEqual(seen.button.outline, 'none', 'focus ring');
    assert.equal(seen.name, seen.colors.CanvasText);
    assert.equal(seen.date, seen.colors.CanvasText);
    assert.equal(seen.link, seen.colors.LinkText);
    assert.equal(seen.icon.stroke, seen.icon.color, 'icons are drawn in the text colour');
    assert.notEqual(seen.icon.stroke, seen.colors.Canvas);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
