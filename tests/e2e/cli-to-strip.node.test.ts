// From KMA text to the reader's screen: the built command writes the feed, the CDN bundle shows it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browsers.js';
import { REFERENCE_TEXTS } from '../support/reference-texts.js';
import { startDatagokrGateway, type DatagokrGateway } from '../support/datagokr-gateway.node.js';
import { referenceWithStations } from '../support/kma-fixtures.node.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const COMMAND = join(ROOT, 'dist/cli/weather-strip-feed.js');
const BUNDLE = join(ROOT, 'dist/cdn/weather-strip.js');
const FIXTURE = join(ROOT, 'tests/fixtures/kma/kma_sfctm2_reference_202508011500.txt');

const page = (
  feed: string,
  lang = 'ko',
) => `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>뉴스</title>
<script type="module" src="/weather-strip.js"></script></head>
<body><weather-strip src="${feed}" lang="${lang}"></weather-strip></body></html>`;
const PAGE = page('feed.json');

/** A key of data.go.kr's shape (base64); not a real one. */
const SERVICE_KEY = 'q1W2e3R4t5Y6u7I8o9P0+/aSdFgHjKlZxCvBnM+qWeRtYuIoPa/SdFgHjKlZxCvBnMqWeRtYuIoPaSdFgHjKl==';

/** Runs the bin as npm links it: executed through its #! line, not handed to node. */
function command(args: readonly string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stderr: string }>((done) =>
    execFile(COMMAND, args, { cwd: ROOT, env: { ...process.env, ...env } }, (error, _out, stderr) =>
      done({ code: error ? Number(error.code ?? -1) : 0, stderr }),
    ),
  );
}

/** The strip's date and stations as a reader sees them, once `count` stations are there. */
async function shown(browser: Browser, url: string, count: number) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(
    (n) => document.querySelector('weather-strip')?.shadowRoot?.querySelectorAll('ul > li').length === n,
    count,
  );
  const seen = await page.evaluate(() => {
    const root = document.querySelector('weather-strip')!.shadowRoot!;
    return {
      date: (root.querySelector('[part="date"]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      stations: [...root.querySelectorAll('ul > li')].map((li) =>
        (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
      text: (root.textContent ?? '').replace(/\s+/g, ' '),
    };
  });
  await page.close();
  return { ...seen, errors };
}

describe('weather-strip-feed → <weather-strip>', () => {
  let feedPath: string;
  let server: Server;
  let base: string;
  let browser: Browser;
  let gateway: DatagokrGateway | undefined;

  before(async () => {
    for (const built of [COMMAND, BUNDLE])
      assert.ok(existsSync(built), `${built} is missing: run npm run build first`);
    const dir = mkdtempSync(join(tmpdir(), 'wsf-e2e-'));
    feedPath = join(dir, 'weather.json');
    const run = await command(['--source', 'apihub', '--input', FIXTURE, '--out', feedPath]);
    assert.equal(run.code, 0, run.stderr);

    // 군산 (140), outside the 16, from each source. API Hub: the reference hour with a row for
    // 140 copied from 133 대전's (constructed input); data.go.kr: the stand-in gateway.
    const saved = join(dir, 'kma_sfctm2.txt');
    writeFileSync(saved, referenceWithStations({ 140: 133 }));
    const apihubFeed = join(dir, 'apihub.json');
    const fromApihub = await command(['--input', saved, '--stations', '서울,140', '--out', apihubFeed]);
    assert.equal(fromApihub.code, 0, fromApihub.stderr);
    gateway = await startDatagokrGateway({
      serviceKey: SERVICE_KEY,
      now: new Date(Date.UTC(2025, 7, 1, 6, 50)),
    });
    gateway.setWeather(60, 127, { t1h: '32.3', pty: '0', sky: '4' });
    gateway.setWeather(56, 93, { t1h: '29.8', pty: '5', sky: '3' });
    gateway.setWeather(63, 89, { t1h: '31.1', pty: '6', sky: '4' });
    const datagokrFeed = join(dir, 'datagokr.json');
    const fromDatagokr = await command(
      [
        '--source',
        'datagokr',
        '--time',
        '202508011500',
        '--stations',
        '서울,Gunsan,전주',
        '--out',
        datagokrFeed,
      ],
      { WEATHER_STRIP_SERVICE_KEY: encodeURIComponent(SERVICE_KEY), WEATHER_STRIP_DATAGOKR_URL: gateway.url },
    );
    assert.equal(fromDatagokr.code, 0, fromDatagokr.stderr);

    const files: Record<string, [string, string]> = {
      '/': [PAGE, 'text/html; charset=utf-8'],
      '/weather-strip.js': [readFileSync(BUNDLE, 'utf8'), 'text/javascript'],
      '/feed.json': [readFileSync(feedPath, 'utf8'), 'application/json'],
      '/apihub.html': [page('apihub.json'), 'text/html; charset=utf-8'],
      '/apihub.json': [readFileSync(apihubFeed, 'utf8'), 'application/json'],
      '/datagokr.html': [page('datagokr.json'), 'text/html; charset=utf-8'],
      '/datagokr.json': [readFileSync(datagokrFeed, 'utf8'), 'application/json'],
      '/datagokr-en.html': [page('datagokr.json', 'en'), 'text/html; charset=utf-8'],
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
    await gateway?.close();
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
    const seen = await shown(browser, `${base}/`, 16);
    assert.equal(seen.date, '2025.08.01 (금)');
    assert.deepEqual(seen.stations, REFERENCE_TEXTS);
    assert.match(seen.text, /기상청 제공/);
    assert.deepEqual(seen.errors, []);
  });

  it('shows 군산, a station outside the browser’s 16, by the name the feed carries: from API Hub', async () => {
    const seen = await shown(browser, `${base}/apihub.html`, 2);
    assert.equal(seen.date, '2025.08.01 (금)');
    assert.deepEqual(seen.stations, ['흐림 서울 32.3℃', '구름많음 군산 30.7℃']);
    assert.deepEqual(seen.errors, []);
  });

  it('shows 군산 from data.go.kr, with the service’s precipitation words and their sky codes', async () => {
    const seen = await shown(browser, `${base}/datagokr.html`, 3);
    assert.equal(seen.date, '2025.08.01 (금)');
    assert.deepEqual(seen.stations, ['흐림 서울 32.3℃', '빗방울 군산 29.8℃', '빗방울눈날림 전주 31.1℃']);
    assert.deepEqual(seen.errors, []);
    // In English the label is the sky code's: 빗방울 is rain, 빗방울눈날림 rain and snow.
    const english = await shown(browser, `${base}/datagokr-en.html`, 3);
    assert.deepEqual(english.stations, ['Overcast Seoul 32.3℃', 'Rain 군산 29.8℃', 'Sleet 전주 31.1℃']);
  });
});
