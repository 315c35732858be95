// From KMA text to the reader's screen: the built command writes the feed, the CDN bundle shows it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browsers.js';
import { REFERENCE_TEXTS } from '../support/reference-texts.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const COMMAND = join(ROOT, 'dist/cli/weather-strip-feed.js');
const BUNDLE = join(ROOT, 'dist/cdn/weather-strip.js');
const FIXTURE = join(ROOT, 'tests/fixtures/kma/kma_sfctm2_reference_202508011500.txt');

const PAGE = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>뉴스</title>
<script type="module" src="/weather-strip.js"></script></head>
<body><weather-strip src="feed.json"></weather-strip></body></html>`;

describe('weather-strip-feed → <weather-strip>', () => {
  let feedPath: string;
  let server: Server;
  let base: string;
  let browser: Browser;

  before(async () => {
    for (const built of [COMMAND, BUNDLE])
      assert.ok(existsSync(built), `${built} is missing: run npm run build first`);
    feedPath = join(mkdtempSync(join(tmpdir(), 'wsf-e2e-')), 'weather.json');
    // The bin as npm links it: executed through its #! line, not handed to node.
    const run = await new Promise<{ code: number; stderr: string }>((done) =>
      execFile(
        COMMAND,
        ['--source', 'apihub', '--input', FIXTURE, '--out', feedPath],
        { cwd: ROOT },
        (error, _out, stderr) => done({ code: error ? Number(error.code ?? -1) : 0, stderr }),
      ),
    );
    assert.equal(run.code, 0, run.stderr);

    const files: Record<string, [string, string]> = {
      '/': [PAGE, 'text/html; charset=utf-8'],
      '/weather-strip.js': [readFileSync(BUNDLE, 'utf8'), 'text/javascript'],
      '/feed.json': [readFileSync(feedPath, 'utf8'), 'application/json'],
    };
    server = createServer((request, response) => {
      const file = files[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
      if (!file) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' }).end(file[0]);
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    server?.close();
  });

  it('the built command is the package bin, with its #! line and no Lit inside', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    assert.equal(resolve(ROOT, pkg.bin['weather-strip-feed']!), COMMAND);
    const source = readFileSync(COMMAND, 'utf8');
    assert.ok(source.startsWith('#!/usr/bin/env node\n'));
    assert.doesNotMatch(source, /LitElement|lit-html|customElements/);
  });

  it("shows the reference page's date and 16 stations from the command's feed", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/`);
    await page.waitForFunction(
      () => document.querySelector('weather-strip')?.shadowRoot?.querySelectorAll('ul > li').length === 16,
    );
    const shown = await page.evaluate(() => {
      const root = document.querySelector('weather-strip')!.shadowRoot!;
      return {
        date: (root.querySelector('[part="date"]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        stations: [...root.querySelectorAll('ul > li')].map((li) =>
          (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
        text: (root.textContent ?? '').replace(/\s+/g, ' '),
      };
    });
    assert.equal(shown.date, '2025.08.01 (금)');
    assert.deepEqual(shown.stations, REFERENCE_TEXTS);
    assert.match(shown.text, /기상청 제공/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
