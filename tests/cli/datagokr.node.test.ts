// `--source datagokr`: the built command, run as a process, against a local stand-in for the
// data.go.kr gateway (a real HTTP server that checks the key as the real one does).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWeatherFeed } from '../../src/feed/weather-feed.js';
import { HELP } from '../../src/cli/help.js';
import { ASOS_STATIONS } from '../../src/kma-feed/asos-stations.js';
import { DATAGOKR_CRON } from '../../src/kma-feed/datagokr-request.js';
import { EXIT } from '../../src/kma-feed/errors.js';
import { startDatagokrGateway, type DatagokrGateway } from '../support/datagokr-gateway.node.js';
import { REFERENCE_FIXTURE, bundledCommand, runCommand, type RunResult } from './helpers.js';

/** A key of the portal's shape (base64, 88 characters); not a real one. */
const KEY = 'q1W2e3R4t5Y6u7I8o9P0+/aSdFgHjKlZxCvBnM+qWeRtYuIoPa/SdFgHjKlZxCvBnMqWeRtYuIoPaSdFgHjKl==';
const ENCODED = encodeURIComponent(KEY);
/** Every form of the key a text could hold. */
const KEY_FORMS = [KEY, ENCODED, ENCODED.toLowerCase(), encodeURIComponent(ENCODED), KEY.slice(0, 40)];
/** 2025-08-01 15:50 KST on the gateway's clock: 15:00 실황 and 15:30 예보 are out. */
const GATEWAY_NOW = new Date(Date.UTC(2025, 7, 1, 6, 50));
const HOUR = ['--time', '202508011500'];

let gateway: DatagokrGateway;

/** Runs the command against the stand-in, with the key in `WEATHER_STRIP_SERVICE_KEY` unless given. */
function datagokrRun(args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> {
  return runCommand(['--source', 'datagokr', '--retry-delay', '0.01', ...args], {
    env: { WEATHER_STRIP_DATAGOKR_URL: gateway.url, WEATHER_STRIP_SERVICE_KEY: KEY, ...env },
  });
}

/** Nothing the command printed holds the key, in any form. */
function assertNoKey(result: RunResult): void {
  for (const form of KEY_FORMS) {
    assert.ok(!result.stdout.includes(form), `the key (${form.slice(0, 12)}…) is on stdout`);
    assert.ok(!result.stderr.includes(form), `the key (${form.slice(0, 12)}…) is on stderr`);
  }
}

/** One line on standard error, naming the cause. */
function assertError(result: RunResult, code: number, pattern: RegExp): void {
  assert.equal(result.code, code, `exit code; stderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^weather-strip-feed: [^\n]+\.\n$/, 'one line');
  assert.match(result.stderr, pattern);
  assertNoKey(result);
}

const stationsOf = (result: RunResult) => {
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout).stations;
};

before(async () => {
  bundledCommand();
  gateway = await startDatagokrGateway({ serviceKey: KEY, now: GATEWAY_NOW });
});
after(() => gateway.close());
beforeEach(() => {
  gateway.reset();
  gateway.now = GATEWAY_NOW;
  gateway.dailyQuota = 10_000;
});

describe('weather-strip-feed --source datagokr', () => {
  describe('keys', () => {
    it('takes the Decoding or the Encoding key, from the option or the environment, and sends it encoded once', async () => {
      gateway.setWeather(60, 127, { t1h: '32.3', pty: '0', sky: '4' });
      const runs = [
        datagokrRun([...HOUR, '--stations', '서울']),
        datagokrRun([...HOUR, '--stations', '서울'], { WEATHER_STRIP_SERVICE_KEY: ENCODED }),
        datagokrRun([...HOUR, '--stations', '서울', '--service-key', KEY], { WEATHER_STRIP_SERVICE_KEY: '' }),
        datagokrRun([...HOUR, '--stations', '서울', '--service-key', ENCODED], {
          WEATHER_STRIP_SERVICE_KEY: '',
        }),
      ];
      for (const result of await Promise.all(runs)) {
        assert.deepEqual(stationsOf(result), [{ id: 108, name: '서울', sky: '흐림', temp: 32.3 }]);
        assert.equal(result.stderr, '');
      }
      assert.equal(gateway.requests.length, 8);
      assert.ok(gateway.requests.every((r) => r.keySent === ENCODED && r.answer === 'ok'));
    });

    it('a wrong key: exit 3 with the fix, not retried', async () => {
      const result = await datagokrRun([...HOUR], { WEATHER_STRIP_SERVICE_KEY: KEY.replace('q1', 'Q1') });
      assertError(result, EXIT.auth, /data\.go\.kr: the service key is not registered.*일반 인증키/);
      assert.equal(gateway.requests.length, 1);
    });

    it('no key: exit 2 naming the option and the variable', async () => {
      const result = await datagokrRun([], { WEATHER_STRIP_SERVICE_KEY: '' });
      assertError(
        result,
        EXIT.usage,
        /no data: give --service-key KEY \(or set WEATHER_STRIP_SERVICE_KEY\) to fetch from data\.go\.kr, or --input FOLDER/,
      );
    });

    it("the other portal's key option: exit 2", async () => {
      assertError(
        await datagokrRun(['--auth-key', 'x']),
        EXIT.usage,
        /--auth-key is the key of --source apihub; data\.go\.kr's is --service-key/,
      );
      assertError(
        await runCommand(['--source', 'apihub', '--service-key', 'x']),
        EXIT.usage,
        /--service-key is the key of --source datagokr; KMA API Hub's is --auth-key/,
      );
    });

    it('never prints the key, even when the gateway echoes the request URL or the key', async () => {
      gateway.failNext({ echo: true });
      const echoed = await datagokrRun([...HOUR, '--retries', '0', '--verbose'], {
        WEATHER_STRIP_SERVICE_KEY: ENCODED,
      });
      assert.equal(echoed.code, EXIT.http, echoed.stderr);
      assert.match(echoed.stderr, /GET http:\/\/127\.0\.0\.1:\d+\/.*\/getUltraSrtNcst\?serviceKey=\*\*\*&/);
      assert.match(echoed.stderr, /HTML page .*HTTP 500/);
      assertNoKey(echoed);
      assert.equal(gateway.requests[0]!.keySent, ENCODED);

      // An Encoding key given, the decoded key in the gateway's words.
      gateway.failNext({
        body: `<OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>bad key ${KEY} ${ENCODED}</errMsg><returnReasonCode>30</returnReasonCode></cmmMsgHeader></OpenAPI_ServiceResponse>`,
      });
      const quoted = await datagokrRun([...HOUR, '--verbose'], { WEATHER_STRIP_SERVICE_KEY: ENCODED });
      assert.equal(quoted.code, EXIT.auth, quoted.stderr);
      assertNoKey(quoted);
    });
  });

  describe('requests', () => {
    it('--verbose counts the requests in its last line: one pair per distinct grid point', async () => {
      const result = await datagokrRun([...HOUR, '--stations', '140,전주,Gunsan', '--verbose']);
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stderr.trimEnd().split('\n');
      assert.equal(
        lines.at(-1),
        'weather-strip-feed: wrote standard output: 2 stations at 2025-08-01 15:00 KST from data.go.kr, 4 requests',
      );
      assert.equal(lines.filter((line) => / GET /.test(line)).length, 4);
      assert.equal(gateway.requests.length, 4);
      assertNoKey(result);
    });

    it('counts a fallback and the requests of a failed run', async () => {
      gateway.now = new Date(); // the real clock, as the command's
      const latest = await datagokrRun(['--stations', '108', '--verbose']);
      assert.equal(latest.code, 0, latest.stderr);
      const asked = gateway.requests.length;
      assert.ok(asked >= 2 && asked <= 4, String(asked));
      assert.match(latest.stderr, new RegExp(`from data\\.go\\.kr, ${asked} requests\\n$`));

      gateway.reset();
      gateway.now = GATEWAY_NOW;
      gateway.dailyQuota = 3;
      const failed = await datagokrRun([...HOUR, '--stations', '@전북', '--verbose']);
      assert.equal(failed.code, EXIT.rateLimit, failed.stderr);
      const lines = failed.stderr.trimEnd().split('\n');
      assert.match(
        lines.at(-2)!,
        new RegExp(`^weather-strip-feed: ${gateway.requests.length} requests made before the failure$`),
      );
      assert.match(lines.at(-1)!, /LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR/);
    });
  });

  describe('stations', () => {
    it('140,전주,Gunsan: numbers and names of every ASOS station, once each', async () => {
      gateway.setWeather(56, 93, { t1h: '29.8', pty: '0', sky: '3' });
      gateway.setWeather(63, 89, { t1h: '31.1', pty: '6' });
      assert.deepEqual(stationsOf(await datagokrRun([...HOUR, '--stations', '140,전주,Gunsan'])), [
        { id: 140, name: '군산', sky: '구름많음', temp: 29.8 },
        { id: 146, name: '전주', sky: '빗방울눈날림', temp: 31.1 },
      ]);
    });

    it('@전북: the province in the table’s order, one request pair per grid point', async () => {
      const jeonbuk = ASOS_STATIONS.filter((s) => s.province === '전북');
      const result = await datagokrRun([...HOUR, '--stations', '@전북']);
      const stations = stationsOf(result);
      assert.deepEqual(
        stations.map((s: { id: number; name: string }) => [s.id, s.name]),
        jeonbuk.map((s) => [s.id, s.ko]),
      );
      assert.deepEqual(validateWeatherFeed(JSON.parse(result.stdout)).problems, []);
      const points = new Set(jeonbuk.map((s) => `${s.nx},${s.ny}`));
      assert.equal(gateway.requests.length, 2 * points.size);
    });

    it('a station outside the table has no grid point: exit 2, before any request', async () => {
      assertError(
        await datagokrRun([...HOUR, '--stations', '108,116=관악산']),
        EXIT.usage,
        /--stations: 116 관악산 is not in the built-in table of ASOS stations, so data\.go\.kr has no forecast grid point for it\. .*--source apihub/,
      );
      assert.equal(gateway.requests.length, 0);
    });

    it('an unknown name: exit 2 with the closest names', async () => {
      assertError(
        await datagokrRun(['--stations', '군산,Jeonjoo']),
        EXIT.usage,
        /--stations: unknown station "Jeonjoo"; did you mean Jeonju \(146 전주\)/,
      );
    });
  });

  describe('failures', () => {
    it('a station whose grid point has no data: exit 8, or null with --allow-partial', async () => {
      gateway.setWeather(56, 93, { noData: true });
      assertError(
        await datagokrRun([...HOUR, '--stations', '108,140']),
        EXIT.missingStation,
        /No observation for 140 군산 at 2025-08-01 15:00 KST \(data\.go\.kr: there is no data for that hour.*grid 56,93.*\)\. Remove it from --stations, or add --allow-partial/,
      );
      const partial = await datagokrRun([...HOUR, '--stations', '108,140', '--allow-partial']);
      assert.equal(partial.code, 0, partial.stderr);
      assert.match(
        partial.stderr,
        /^weather-strip-feed: warning: no observation for 140 군산 at 2025-08-01 15:00 KST/,
      );
      assert.deepEqual(JSON.parse(partial.stdout).stations[1], {
        id: 140,
        name: '군산',
        sky: null,
        temp: null,
      });
    });

    it('no data for the hour: exit 7', async () => {
      assertError(
        await datagokrRun(['--time', '202508011600', '--stations', '108']),
        EXIT.empty,
        /data\.go\.kr: there is no data for that hour, for 초단기실황 \(getUltraSrtNcst\) of 2025-08-01 16:00 KST/,
      );
    });

    it('the daily request limit: exit 4, not retried', async () => {
      gateway.dailyQuota = 0;
      assertError(await datagokrRun([...HOUR]), EXIT.rateLimit, /daily request limit is used up/);
      assert.equal(gateway.requests.length, 1);
    });
  });

  describe('--input', () => {
    it('a folder of answers saved from the gateway gives the feed the gateway gave, offline', async () => {
      gateway.setWeather(56, 93, { t1h: '29.8', pty: '0', sky: '3' });
      const online = await datagokrRun([...HOUR, '--stations', '108,140']);
      assert.equal(online.code, 0, online.stderr);
      const folder = join(mkdtempSync(join(tmpdir(), 'wsf-datagokr-')), 'answers');
      mkdirSync(folder);
      for (const [i, request] of [...gateway.requests].entries()) {
        const answer = await fetch(`http://${new URL(gateway.url).host}${request.target}`);
        writeFileSync(join(folder, `answer-${i}.json`), await answer.text());
      }
      const out = join(folder, '..', 'weather.json');
      const offline = await runCommand([
        '--source',
        'datagokr',
        '--input',
        folder,
        '--stations',
        '108,140',
        '--out',
        out,
      ]);
      assert.equal(offline.code, 0, offline.stderr);
      assert.equal(readFileSync(out, 'utf8'), online.stdout);
      assert.match(online.stdout, /"name": "군산", "sky": "구름많음", "temp": 29\.8/);
    });

    it('API Hub text given to --source datagokr: exit 9, naming the source that reads it', async () => {
      assertError(
        await runCommand(['--source', 'datagokr', '--input', REFERENCE_FIXTURE]),
        EXIT.badResponse,
        /is KMA API Hub's kma_sfctm2 text, not data\.go\.kr answers\. kma_sfctm2 text is read with --source apihub/,
      );
    });
  });

  it('--help gives both sources and the cron line that fits the development quota', () => {
    for (const text of [
      '--source datagokr',
      '--service-key',
      'WEATHER_STRIP_SERVICE_KEY',
      'WEATHER_STRIP_DATAGOKR_URL',
      '@전북',
    ]) {
      assert.ok(HELP.includes(text), text);
    }
    assert.equal(DATAGOKR_CRON, '50 * * * *');
    assert.match(HELP, /^ {2}50 \* \* \* \* .*weather-strip-feed --source datagokr --out /m);
    assert.match(HELP, /10,000\s+requests a day per operation: hourly, the 16 stations make 408/);
  });
});
