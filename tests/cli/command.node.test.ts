// The whole command, run as a process, against a local server that plays KMA API Hub.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWeatherFeed } from '../../src/feed/weather-feed.js';
import { HELP } from '../../src/cli/help.js';
import { EXIT } from '../../src/kma-feed/errors.js';
import {
  REFERENCE_FIXTURE,
  bundledCommand,
  fixture,
  referenceFeed,
  referenceWithStations,
  runCommand,
  type RunResult,
} from './helpers.js';

const KEY = 'k3y-Secret_0123456789abcdef';
const PATH = '/api/typ01/url/kma_sfctm2.php';

type Handler = (request: IncomingMessage, response: ServerResponse, count: number) => void;

let server: Server;
let base: string;
let handler: Handler;
const requests: URL[] = [];

function reply(status: number, body: string | Buffer, type = 'text/plain'): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': type });
    response.end(body);
  };
}

/** Runs the command against the local API Hub with the test key. */
function fetchRun(args: readonly string[] = [], env: Record<string, string> = {}): Promise<RunResult> {
  return runCommand(['--source', 'apihub', '--auth-key', KEY, ...args], {
    env: { WEATHER_STRIP_APIHUB_URL: `${base}${PATH}`, ...env },
  });
}

/** One line on standard error, naming the cause; the key never shows. */
function assertError(result: RunResult, code: number, pattern: RegExp): void {
  assert.equal(result.code, code, `exit code; stderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^weather-strip-feed: [^\n]+\.\n$/, 'one line');
  assert.match(result.stderr, pattern);
  assert.ok(!result.stderr.includes(KEY), 'the key is not printed');
}

function hoursBetween(a: string, b: string): number {
  const date = (t: string) =>
    Date.UTC(+t.slice(0, 4), +t.slice(4, 6) - 1, +t.slice(6, 8), +t.slice(8, 10), +t.slice(10, 12));
  return (date(a) - date(b)) / 3600_000;
}

before(async () => {
  bundledCommand();
  server = createServer((request, response) => {
    requests.push(new URL(request.url ?? '/', 'http://127.0.0.1'));
    handler(request, response, requests.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

beforeEach(() => {
  requests.length = 0;
  handler = reply(500, 'no handler');
});

describe('weather-strip-feed against API Hub', () => {
  describe('success', () => {
    it('fetches the latest hour and prints the reference feed', async () => {
      handler = reply(200, fixture('kma_sfctm2_reference_202508011500.txt'));
      const result = await fetchRun();
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.deepEqual(JSON.parse(result.stdout), referenceFeed());
      assert.deepEqual(validateWeatherFeed(JSON.parse(result.stdout)).problems, []);
      assert.equal(requests.length, 1);
      const [request] = requests;
      assert.equal(request!.pathname, PATH);
      assert.equal(request!.searchParams.get('stn'), '0');
      assert.equal(request!.searchParams.get('help'), '0');
      assert.equal(request!.searchParams.get('authKey'), KEY);
      assert.match(request!.searchParams.get('tm')!, /^\d{10}00$/);
      // The latest hour in KST, give or take the turn of an hour during the run.
      const now = new Date(Date.now() + 9 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 10) + '00';
      assert.ok(Math.abs(hoursBetween(now, request!.searchParams.get('tm')!)) <= 1);
    });

    it('fetches the hour given with --time', async () => {
      handler = reply(200, fixture('kma_sfctm2_reference_202508011500.txt'));
      const result = await fetchRun(['--time', '202508011500', '--stations', '108,159']);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(requests[0]!.searchParams.get('tm'), '202508011500');
      assert.deepEqual(JSON.parse(result.stdout).stations, [
        { id: 108, name: '서울', sky: '흐림', temp: 32.3 },
        { id: 159, name: '부산', sky: '맑음', temp: 32.0 },
      ]);
    });

    it('reads the key from WEATHER_STRIP_AUTH_KEY', async () => {
      handler = reply(200, fixture('kma_sfctm2_reference_202508011500.txt'));
      const result = await runCommand(['--source', 'apihub'], {
        env: { WEATHER_STRIP_APIHUB_URL: `${base}${PATH}`, WEATHER_STRIP_AUTH_KEY: KEY },
      });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(requests[0]!.searchParams.get('authKey'), KEY);
    });

    it('decodes an EUC-KR body, with or without a charset', async () => {
      const body = fixture('kma_sfctm2_euc-kr_202508011500.txt');
      for (const type of ['text/plain', 'text/plain; charset=EUC-KR']) {
        handler = reply(200, body, type);
        const result = await fetchRun();
        assert.equal(result.code, 0, result.stderr);
        assert.deepEqual(JSON.parse(result.stdout), referenceFeed());
      }
    });

    it('retries a server error with backoff, then succeeds', async () => {
      handler = (request, response, count) =>
        count === 1
          ? reply(503, 'busy')(request, response, count)
          : reply(200, fixture('kma_sfctm2_reference_202508011500.txt'))(request, response, count);
      const result = await fetchRun(['--retries', '2', '--retry-delay', '0.05', '--verbose']);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(requests.length, 2);
      assert.match(result.stderr, /retrying in 0\.05 s/);
      assert.ok(!result.stderr.includes(KEY));
    });
  });

  describe('hour not published yet', () => {
    it('falls back one hour', async () => {
      handler = (request, response, count) =>
        reply(
          200,
          fixture(
            count === 1 ? 'kma_sfctm2_unpublished_202508011600.txt' : 'kma_sfctm2_reference_202508011500.txt',
          ),
        )(request, response, count);
      const result = await fetchRun();
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), referenceFeed());
      assert.equal(requests.length, 2);
      const [first, second] = requests.map((r) => r.searchParams.get('tm')!);
      assert.equal(hoursBetween(first!, second!), 1);
    });

    it('fails when the hour before is not published either', async () => {
      handler = reply(200, fixture('kma_sfctm2_unpublished_202508011600.txt'));
      const result = await fetchRun();
      assertError(result, EXIT.empty, /no observations for .* KST or .* KST\. KMA may be late/);
      assert.equal(requests.length, 2);
    });

    it('does not move an hour given with --time', async () => {
      handler = reply(200, fixture('kma_sfctm2_unpublished_202508011600.txt'));
      const result = await fetchRun(['--time', '202508011600']);
      assertError(result, EXIT.empty, /no observations for 2025-08-01 16:00 KST\. Choose an hour/);
      assert.equal(requests.length, 1);
    });
  });

  describe('gateway errors', () => {
    // OpenAPI_ServiceResponse is data.go.kr's gateway: the message says so and names its source.
    it('bad key (data.go.kr gateway XML): exit 3, names the error, whose answer it is and the fix, no retry', async () => {
      handler = reply(200, fixture('error_key-not-registered.xml'), 'text/xml');
      const result = await fetchRun(['--retry-delay', '0']);
      assertError(
        result,
        EXIT.auth,
        /data\.go\.kr rejected the service key \(SERVICE_KEY_IS_NOT_REGISTERED_ERROR, SERVICE ERROR\): this is a data\.go\.kr answer, not KMA API Hub's\. data\.go\.kr answers are read with --source datagokr; --source apihub reads KMA API Hub \(apihub\.kma\.go\.kr\) and needs its key/,
      );
      assert.equal(requests.length, 1);
    });

    it("bad key in EUC-KR XML: KMA's Korean message is decoded", async () => {
      handler = reply(200, fixture('error_key-not-registered_euc-kr.xml'), 'text/xml');
      const result = await fetchRun();
      assertError(result, EXIT.auth, /등록되지 않은 서비스키, SERVICE_KEY_IS_NOT_REGISTERED_ERROR/);
    });

    it('HTTP 401 without a known body is a rejected key', async () => {
      handler = reply(401, 'Unauthorized');
      assertError(await fetchRun(), EXIT.auth, /rejected the API key \(HTTP 401\)/);
    });

    it('rate limit (data.go.kr gateway XML): exit 4, no retry', async () => {
      handler = reply(200, fixture('error_limited-requests.xml'), 'text/xml');
      const result = await fetchRun(['--retry-delay', '0']);
      assertError(
        result,
        EXIT.rateLimit,
        /data\.go\.kr refused the request: the service key's request limit is used up \(LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR, SERVICE ERROR\); this is a data\.go\.kr answer, not KMA API Hub's\. data\.go\.kr answers are read with --source datagokr/,
      );
      assert.equal(requests.length, 1);
    });

    it('HTTP 429 is the rate limit too', async () => {
      handler = reply(429, 'Too Many Requests');
      assertError(await fetchRun(), EXIT.rateLimit, /request limit is used up \(HTTP 429\)/);
    });

    it('a data.go.kr error: exit 9, saying whose answer it is and which source reads it', async () => {
      handler = reply(
        200,
        '{"response":{"header":{"resultCode":"10","resultMsg":"INVALID_REQUEST_PARAMETER_ERROR"},"errMsg":"잘못된 요청"}}',
        'application/json',
      );
      assertError(
        await fetchRun(),
        EXIT.badResponse,
        /this is a data\.go\.kr response \(resultCode 10 INVALID_REQUEST_PARAMETER_ERROR\), not KMA API Hub's kma_sfctm2 observations\. data\.go\.kr answers are read with --source datagokr/,
      );
    });
  });

  describe('broken answers', () => {
    it('HTML error page: retried, then exit 6 with the page title', async () => {
      handler = reply(502, fixture('error_page.html'), 'text/html; charset=utf-8');
      const result = await fetchRun(['--retries', '1', '--retry-delay', '0']);
      assertError(
        result,
        EXIT.http,
        /sent an HTML page instead of observations \(HTTP 502, "502 Bad Gateway"\)\. The service may be down/,
      );
      assert.equal(requests.length, 2);
    });

    it('HTML page with status 200: exit 6', async () => {
      handler = reply(200, fixture('error_page.html'), 'text/html');
      assertError(await fetchRun(), EXIT.http, /HTML page .*HTTP 200/);
      assert.equal(requests.length, 1);
    });

    it('empty body: exit 7', async () => {
      handler = reply(200, '');
      assertError(await fetchRun(), EXIT.empty, /sent an empty response\. Check that the key is approved/);
    });

    it('text that is not kma_sfctm2: exit 9', async () => {
      handler = reply(200, 'maintenance until 06:00\n');
      assertError(await fetchRun(), EXIT.badResponse, /is not a kma_sfctm2 response/);
    });

    it('timeout: retried, then exit 5', async () => {
      handler = () => {
        // Never answers.
      };
      const result = await fetchRun(['--timeout', '0.3', '--retries', '1', '--retry-delay', '0']);
      assertError(
        result,
        EXIT.network,
        /did not answer within 0\.3 s\. Try again later, or allow more time with --timeout/,
      );
      assert.equal(requests.length, 2);
    });

    it('connection refused: exit 5', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const result = await runCommand(['--auth-key', KEY, '--retries', '0'], {
        env: { WEATHER_STRIP_APIHUB_URL: `http://127.0.0.1:${port}${PATH}` },
      });
      assertError(result, EXIT.network, /Cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    });
  });

  describe('stations', () => {
    it('any ASOS station by number, Korean or English name: 140,전주,Gunsan', async () => {
      // 140 군산 and 146 전주 read as 133 대전 and 143 대구 did (constructed rows).
      handler = reply(200, referenceWithStations({ 140: 133, 146: 143 }));
      const result = await fetchRun(['--stations', '140,전주,Gunsan']);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout).stations, [
        { id: 140, name: '군산', sky: '구름많음', temp: 30.7 },
        { id: 146, name: '전주', sky: '구름조금', temp: 32.7 },
      ]);
    });

    it('@전북: the province in the table’s order; its stations absent from the hour with --allow-partial', async () => {
      handler = reply(200, referenceWithStations({ 140: 133, 146: 143 }));
      const result = await fetchRun(['--stations', '@전북', '--allow-partial']);
      assert.equal(result.code, 0, result.stderr);
      const stations = JSON.parse(result.stdout).stations as { id: number; sky: string | null }[];
      assert.deepEqual(
        stations.map((s) => s.id),
        [140, 146, 172, 243, 244, 245, 247, 248, 251, 254],
      );
      assert.deepEqual(
        stations.filter((s) => s.sky !== null).map((s) => s.id),
        [140, 146, 172],
      );
      assert.match(
        result.stderr,
        /^weather-strip-feed: warning: no observation for 243 부안, 244 임실, 245 정읍, 247 남원, 248 장수, 251 고창군, 254 순창군 at 2025-08-01 15:00 KST/,
      );
    });

    it('a station absent from the response: exit 8', async () => {
      handler = reply(200, fixture('kma_sfctm2_present-weather_202603150900.txt'));
      const result = await fetchRun();
      assertError(
        result,
        EXIT.missingStation,
        /No observation for 172 고창, 283 경주시, 294 거제 at 2026-03-15 09:00 KST\. Remove them from --stations, or add --allow-partial/,
      );
    });

    it('with --allow-partial: null sky and temp for it, and a warning', async () => {
      handler = reply(200, fixture('kma_sfctm2_present-weather_202603150900.txt'));
      const result = await fetchRun(['--allow-partial', '--stations', '108,172,98']);
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stderr,
        /^weather-strip-feed: warning: no observation for 172 고창 at 2026-03-15 09:00 KST/,
      );
      const feed = JSON.parse(result.stdout);
      assert.deepEqual(feed.stations, [
        { id: 108, name: '서울', sky: '박무', temp: 9.8 },
        { id: 172, name: '고창', sky: null, temp: null },
        { id: 98, name: '동두천', sky: '비', temp: 6.2 },
      ]);
      assert.deepEqual(validateWeatherFeed(feed).problems, []);
    });

    it('with --allow-partial but none of the stations: exit 8', async () => {
      handler = reply(200, fixture('kma_sfctm2_present-weather_202603150900.txt'));
      assertError(
        await fetchRun(['--allow-partial', '--stations', '172,283']),
        EXIT.missingStation,
        /None of the stations/,
      );
    });
  });
});

describe('weather-strip-feed --out', () => {
  it('writes the file and prints nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsf-out-'));
    const out = join(dir, 'weather.json');
    const result = await runCommand(['--input', REFERENCE_FIXTURE, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), referenceFeed());
    assert.deepEqual(readdirSync(dir), ['weather.json']);
  });

  it('leaves the previous file untouched when a run fails, and no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsf-out-'));
    const out = join(dir, 'weather.json');
    writeFileSync(out, '{"previous": true}\n');
    handler = reply(200, fixture('error_key-not-registered.xml'));
    const result = await fetchRun(['--out', out]);
    assert.equal(result.code, EXIT.auth);
    assert.equal(readFileSync(out, 'utf8'), '{"previous": true}\n');
    assert.deepEqual(readdirSync(dir), ['weather.json']);
  });

  it('replaces the previous file on success', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsf-out-'));
    const out = join(dir, 'weather.json');
    writeFileSync(out, '{"previous": true}\n');
    const result = await runCommand(['--input', REFERENCE_FIXTURE, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), referenceFeed());
    assert.deepEqual(readdirSync(dir), ['weather.json']);
  });

  it('a directory that does not exist: exit 10', async () => {
    const out = join(tmpdir(), 'wsf-no-such-dir', 'deeper', 'weather.json');
    assertError(
      await runCommand(['--input', REFERENCE_FIXTURE, '--out', out]),
      EXIT.file,
      /Cannot write --out .* \(ENOENT\); the previous file is unchanged/,
    );
  });
});

describe('weather-strip-feed --input', () => {
  it('prints the reference feed from the reference fixture, byte for byte as the build does', async () => {
    const result = await runCommand(['--source', 'apihub', '--input', REFERENCE_FIXTURE]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), referenceFeed());
    assert.match(
      result.stdout,
      /^\{\n {2}"version": 1,\n {2}"observedAt": "2025-08-01T15:00:00\+09:00",\n {2}"attribution": "기상청 제공",\n {2}"stations": \[\n/,
    );
  });

  it('reads standard input with -', async () => {
    const result = await runCommand(['--input', '-', '--stations', '서울'], {
      stdin: fixture('kma_sfctm2_euc-kr_202508011500.txt'),
    });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).stations, [
      { id: 108, name: '서울', sky: '흐림', temp: 32.3 },
    ]);
  });

  it('reads the hour given with --time from a file, and refuses one it does not hold', async () => {
    const ok = await runCommand([
      '--input',
      REFERENCE_FIXTURE,
      '--time',
      '202508011500',
      '--stations',
      '108',
    ]);
    assert.equal(ok.code, 0, ok.stderr);
    assertError(
      await runCommand(['--input', REFERENCE_FIXTURE, '--time', '202508011400']),
      EXIT.empty,
      /holds no observations for 2025-08-01 14:00 KST/,
    );
  });

  it('a saved gateway error gives the same exit code as a fetched one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsf-in-'));
    const file = join(dir, 'saved.xml');
    writeFileSync(file, fixture('error_limited-requests.xml'));
    assertError(
      await runCommand(['--input', file]),
      EXIT.rateLimit,
      /saved\.xml: data\.go\.kr refused the request/,
    );
  });

  it('reads a folder of saved responses, the latest hour they hold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsf-in-'));
    writeFileSync(join(dir, '2025080115.txt'), fixture('kma_sfctm2_reference_202508011500.txt'));
    writeFileSync(join(dir, '2025080116.txt'), fixture('kma_sfctm2_unpublished_202508011600.txt'));
    const result = await runCommand(['--input', dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), referenceFeed());
  });

  it('a header-only file: exit 7', async () => {
    const file = REFERENCE_FIXTURE.replace('reference_202508011500', 'unpublished_202508011600');
    assertError(await runCommand(['--input', file]), EXIT.empty, /holds no observations/);
  });

  it('a file that cannot be read: exit 10', async () => {
    assertError(
      await runCommand(['--input', '/nonexistent/kma.txt']),
      EXIT.file,
      /Cannot read --input \/nonexistent\/kma\.txt \(ENOENT\)\. Check the path/,
    );
  });
});

describe('weather-strip-feed options', () => {
  it('--help documents options, exit codes, examples, cron and caching', async () => {
    const result = await runCommand(['--help']);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, HELP);
    for (const text of [
      '--auth-key',
      '--input',
      '--time',
      '--stations',
      '--out',
      '--allow-partial',
      '--timeout',
      '--retries',
      'WEATHER_STRIP_AUTH_KEY',
    ]) {
      assert.ok(result.stdout.includes(text), text);
    }
    for (const [name, code] of Object.entries(EXIT)) {
      assert.match(result.stdout, new RegExp(`^ {2}${code} +\\S`, 'm'), `exit code ${name}`);
    }
    assert.match(result.stdout, /^ {2}\d+ \* \* \* \* .*weather-strip-feed .*--out /m, 'a cron line');
    assert.match(result.stdout, /Cache-Control "public, max-age=300/);
  });

  const usage: [string, string[], RegExp][] = [
    [
      'no key and no input',
      ['--source', 'apihub'],
      /no data: give --auth-key KEY \(or set WEATHER_STRIP_AUTH_KEY\)/,
    ],
    ['an unknown option', ['--input', REFERENCE_FIXTURE, '--colour'], /Unknown option '--colour'/],
    // data.go.kr is a source now: an unknown name is what is refused.
    [
      'another source',
      ['--source', 'kma', '--input', REFERENCE_FIXTURE],
      /--source must be apihub or datagokr, not "kma"/,
    ],
    ['a bad --time', ['--input', REFERENCE_FIXTURE, '--time', '2025-08-01'], /--time must be YYYYMMDDHHmm/],
    [
      'an impossible --time',
      ['--input', REFERENCE_FIXTURE, '--time', '202502301500'],
      /--time must be YYYYMMDDHHmm/,
    ],
    [
      'an unknown station',
      ['--input', REFERENCE_FIXTURE, '--stations', '108,Atlantis'],
      /--stations: unknown station "Atlantis"/,
    ],
    [
      'both --input and --auth-key',
      ['--input', REFERENCE_FIXTURE, '--auth-key', KEY],
      /either --input .* or --auth-key/,
    ],
    ['a bad --timeout', ['--auth-key', KEY, '--timeout', 'soon'], /--timeout must be a number of seconds/],
    ['a bad --retries', ['--auth-key', KEY, '--retries', '15'], /--retries must be a whole number/],
  ];
  for (const [what, args, pattern] of usage) {
    it(`${what}: exit 2`, async () => {
      const result = await runCommand(args);
      assertError(result, EXIT.usage, pattern);
      assert.match(result.stderr, /Run weather-strip-feed --help for the options\.\n$/);
    });
  }
});
