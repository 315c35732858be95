// The data.go.kr source against a local stand-in for the gateway (a real HTTP server).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EXIT, FeedError } from '../../src/kma-feed/errors.js';
import {
  fetchDatagokrWeather,
  gridKey,
  type DatagokrOptions,
  type GridPoint,
} from '../../src/kma-feed/datagokr.js';
import { readDatagokrInput, type SavedFile } from '../../src/kma-feed/datagokr-input.js';
import {
  datagokrFixture,
  startDatagokrGateway,
  type DatagokrGateway,
} from '../support/datagokr-gateway.node.js';

/** A key of the portal's shape (base64, 88 characters); not a real one. */
const KEY = 'q1W2e3R4t5Y6u7I8o9P0+/aSdFgHjKlZxCvBnM+qWeRtYuIoPa/SdFgHjKlZxCvBnMqWeRtYuIoPaSdFgHjKl==';
const ENCODED = encodeURIComponent(KEY);
const KEY_FORMS = [KEY, ENCODED, ENCODED.toLowerCase(), encodeURIComponent(ENCODED)];

/** The grid points of the 16 stations of the reference page, 98 동두천 … 294 거제. */
const SIXTEEN: readonly GridPoint[] = [
  [61, 134],
  [93, 132],
  [60, 127],
  [67, 101],
  [90, 91],
  [102, 85],
  [59, 75],
  [97, 74],
  [54, 78],
  [53, 38],
  [51, 130],
  [73, 104],
  [69, 95],
  [57, 63],
  [100, 90],
  [90, 69],
].map(([nx, ny]) => ({ nx: nx!, ny: ny! }));

/** KST wall time as a Date. */
const kst = (h: number, mi: number) => new Date(Date.UTC(2025, 7, 1, h - 9, mi));

let gateway: DatagokrGateway;
let lines: string[];

before(async () => {
  gateway = await startDatagokrGateway({ serviceKey: KEY, now: kst(15, 50) });
});
after(() => gateway.close());
beforeEach(() => {
  gateway.reset();
  gateway.now = kst(15, 50);
  gateway.delayMs = 0;
  gateway.dailyQuota = 10_000;
  lines = [];
});

function run(options: Partial<DatagokrOptions> = {}) {
  return fetchDatagokrWeather({
    points: [{ nx: 60, ny: 127 }],
    serviceKey: KEY,
    baseUrl: gateway.url,
    now: kst(15, 50),
    fetch: (url, init) => fetch(url, init),
    retryDelayMs: 5,
    log: (line) => lines.push(line),
    onRequest: (url) => lines.push(url),
    ...options,
  });
}

const asked = (operation: string) =>
  gateway.requests
    .filter((r) => r.operation === operation)
    .map((r) => `${r.params.base_time}:${r.params.pageNo}:${r.answer}`);

/** Fails the run; checks the exit code, the words, and that no form of the key shows anywhere. */
async function fails(promise: Promise<unknown>, code: number, words: RegExp): Promise<FeedError> {
  let caught: unknown;
  await promise.catch((error: unknown) => (caught = error));
  assert.ok(caught instanceof FeedError, `a FeedError, not ${String(caught)}`);
  assert.equal(caught.exitCode, code, caught.message);
  assert.match(caught.message, words);
  for (const text of [caught.message, ...lines]) {
    for (const form of KEY_FORMS) assert.ok(!text.includes(form), `the key shows in: ${text}`);
  }
  return caught;
}

describe('service key', () => {
  it('works in either form and is sent encoded exactly once', async () => {
    const results = [];
    for (const given of [KEY, ENCODED, ` ${ENCODED} `]) {
      gateway.reset();
      results.push(await run({ serviceKey: given }));
      assert.deepEqual(
        gateway.requests.map((r) => [r.keySent, r.answer]),
        [
          [ENCODED, 'ok'],
          [ENCODED, 'ok'],
        ],
      );
    }
    assert.deepEqual(results[1], results[0]);
    assert.deepEqual(results[2], results[0]);
    assert.ok(!ENCODED.includes('%25') && ENCODED.includes('%2B'));
  });

  it('fails as the real gateway fails when the key is encoded twice', async () => {
    const error = await fails(
      run({ serviceKey: encodeURIComponent(ENCODED) }),
      EXIT.auth,
      /SERVICE_KEY_IS_NOT_REGISTERED_ERROR/,
    );
    assert.match(error.fix, /encoded twice/);
    assert.deepEqual(
      gateway.requests.map((r) => [r.keySent, r.answer]),
      [[encodeURIComponent(ENCODED), 'key']],
    );
  });

  it('stands in for the gateway: a Decoding key sent unencoded is refused too (its + reads as a space)', async () => {
    const text = await (
      await fetch(
        `${gateway.url}/getUltraSrtNcst?serviceKey=${KEY}&pageNo=1&numOfRows=10&dataType=JSON&base_date=20250801&base_time=1500&nx=60&ny=127`,
      )
    ).text();
    assert.equal(text, datagokrFixture('error_gateway_SERVICE_KEY_IS_NOT_REGISTERED_compact.xml'));
  });

  it('reports a wrong key with its fix and is not retried', async () => {
    const error = await fails(run({ serviceKey: KEY.replace('q1', 'Q1') }), EXIT.auth, /not registered/);
    assert.match(error.fix, /일반 인증키/);
    assert.equal(gateway.requests.length, 1);
  });
});

describe('answers', () => {
  it('reads string values: a negative temperature, a missing marker, 강수없음 in the forecast', async () => {
    gateway.setWeather(60, 127, { t1h: '-8.1', pty: '0', sky: '3' });
    gateway.setWeather(61, 134, { t1h: '-999', pty: '6' });
    const result = await run({
      points: [
        { nx: 60, ny: 127 },
        { nx: 61, ny: 134 },
      ],
    });
    assert.deepEqual(result.points.get('60,127'), {
      nx: 60,
      ny: 127,
      hour: '202508011500',
      temp: -8.1,
      sky: '구름많음',
    });
    const missing = result.points.get('61,134')!;
    assert.deepEqual([missing.temp, missing.sky], [null, '빗방울눈날림']);
    assert.match(missing.problem ?? '', /T1H missing at grid 61,134/);
  });

  it('asks for enough rows: one page per answer', async () => {
    await run();
    assert.deepEqual(
      gateway.requests.map((r) => [r.operation, r.params.numOfRows, r.params.pageNo]),
      [
        ['getUltraSrtNcst', '10', '1'],
        ['getUltraSrtFcst', '60', '1'],
      ],
    );
  });

  it('follows the pages until the values it needs have come', async () => {
    gateway.setWeather(60, 127, { t1h: '31.2', sky: '1' });
    // With 10 rows a page, the forecast's SKY rows (18–23) start on page 2; with 3, T1H (row 4) is on page 2.
    const result = await run({ numOfRows: { getUltraSrtNcst: 3, getUltraSrtFcst: 10 } });
    assert.deepEqual(asked('getUltraSrtNcst'), ['1500:1:ok', '1500:2:ok']);
    assert.deepEqual(asked('getUltraSrtFcst'), ['1530:1:ok', '1530:2:ok']);
    assert.deepEqual([result.points.get('60,127')!.temp, result.points.get('60,127')!.sky], [31.2, '맑음']);
    assert.equal(result.requests, 4);
  });
});

describe('base times', () => {
  it('takes the latest published hour and the next hour’s sky from the forecast issued after it', async () => {
    gateway.setWeather(60, 127, { sky: '4' });
    const result = await run();
    assert.deepEqual([result.hour, result.forecastBase], ['202508011500', '202508011530']);
    assert.deepEqual(asked('getUltraSrtNcst'), ['1500:1:ok']);
    assert.deepEqual(asked('getUltraSrtFcst'), ['1530:1:ok']);
    assert.equal(result.points.get('60,127')!.sky, '흐림');
  });

  it('does not ask for what is not out yet by its clock', async () => {
    const result = await run({ now: kst(15, 42) });
    assert.deepEqual(asked('getUltraSrtFcst'), ['1430:1:ok']);
    assert.deepEqual([result.hour, result.forecastBase], ['202508011500', '202508011430']);
    await run({ now: kst(15, 20) });
    assert.deepEqual(asked('getUltraSrtNcst').slice(1), ['1400:1:ok']);
  });

  it('falls back one hour on NO_DATA, once for the whole run', async () => {
    gateway.now = kst(15, 35); // the gateway is behind the server's clock: 15:00 is not out
    const result = await run({ points: SIXTEEN });
    assert.equal(result.hour, '202508011400');
    assert.equal(result.forecastBase, '202508011430');
    assert.deepEqual(asked('getUltraSrtNcst').slice(0, 2), ['1500:1:NO_DATA', '1400:1:ok']);
    assert.equal(gateway.requests.filter((r) => r.answer === 'NO_DATA').length, 1);
    assert.equal(result.requests, 2 * 16 + 1);
    assert.ok(lines.some((line) => /no data for 2025-08-01 15:00 KST yet/.test(line)));
  });

  it('falls back to the forecast issued before when the newest is not out', async () => {
    gateway.now = kst(15, 44);
    gateway.setWeather(60, 127, { sky: '1' });
    const result = await run();
    assert.deepEqual(asked('getUltraSrtFcst'), ['1530:1:NO_DATA', '1430:1:ok']);
    // The 14:30 forecast holds 16:00 too.
    assert.deepEqual(
      [result.hour, result.forecastBase, result.points.get('60,127')!.sky],
      ['202508011500', '202508011430', '맑음'],
    );
  });

  it('reads a chosen hour and does not move it', async () => {
    const result = await run({ time: '202508011330' });
    assert.equal(result.hour, '202508011300');
    assert.deepEqual(asked('getUltraSrtNcst'), ['1300:1:ok']);
    assert.deepEqual(asked('getUltraSrtFcst'), ['1330:1:ok']);
    await fails(run({ time: '202508011360' }), EXIT.usage, /--time must be YYYYMMDDHHmm/);
    gateway.reset();
    gateway.now = kst(15, 35);
    await fails(run({ time: '202508011500' }), EXIT.empty, /no data for that hour.*15:00 KST/);
    assert.deepEqual(asked('getUltraSrtNcst'), ['1500:1:NO_DATA']);
  });

  it('fails with no data when neither hour is out', async () => {
    gateway.now = kst(14, 20);
    await fails(run(), EXIT.empty, /NODATA_ERROR|NO_DATA/);
    assert.deepEqual(asked('getUltraSrtNcst'), ['1500:1:NO_DATA', '1400:1:NO_DATA']);
  });
});

describe('requests', () => {
  it('makes one request pair per distinct grid point, however many stations share it', async () => {
    const points = [...SIXTEEN, { nx: 60, ny: 127 }, { nx: 90, ny: 91 }, ...SIXTEEN.slice(0, 3)];
    const result = await run({ points });
    assert.equal(result.points.size, 16);
    assert.deepEqual([...result.points.keys()], SIXTEEN.map(gridKey));
    assert.equal(result.requests, 32);
    for (const operation of ['getUltraSrtNcst', 'getUltraSrtFcst']) {
      const grids = gateway.requests
        .filter((r) => r.operation === operation)
        .map((r) => `${r.params.nx},${r.params.ny}`);
      assert.deepEqual(grids.sort(), SIXTEEN.map(gridKey).sort(), operation);
    }
  });

  it('keeps at most `concurrency` requests under way', async () => {
    gateway.delayMs = 40;
    await run({ points: SIXTEEN });
    assert.equal(gateway.maxInFlight, 4);
    gateway.reset();
    await run({ points: SIXTEEN.slice(0, 6), concurrency: 2 });
    assert.equal(gateway.maxInFlight, 2);
  });

  it('retries server errors, HTML pages with 5xx, dropped connections, timeouts and passing result codes', async () => {
    gateway.failNext({ status: 503 }, { status: 502, html: true }, { reset: true });
    const result = await run({ retries: 3 });
    assert.deepEqual(
      gateway.requests.map((r) => r.answer),
      ['http 503', 'http 502', 'reset', 'ok', 'ok'],
    );
    assert.equal(result.requests, 5);
    assert.ok(lines.some((line) => /retrying in 0\.005 s \(attempt 2 of 4\)/.test(line)));
    assert.ok(
      lines.some((line) => /retrying in 0\.02 s \(attempt 4 of 4\)/.test(line)),
      'the wait doubles',
    );
    gateway.reset();
    gateway.failNext({ slowMs: 300 }, { resultCode: '04' }, { resultCode: '05' });
    await run({ timeoutMs: 100, retries: 3 });
    assert.deepEqual(
      gateway.requests.slice(0, 4).map((r) => r.answer),
      ['', '04', '05', 'ok'],
    );
  });

  it('gives up after the retries with the cause', async () => {
    gateway.failNext({ status: 503 }, { status: 503 }, { status: 503 });
    await fails(run(), EXIT.http, /HTTP 503/);
    assert.equal(gateway.requests.length, 3);
    gateway.reset();
    gateway.failNext({ reset: true }, { reset: true });
    await fails(run({ retries: 1 }), EXIT.network, /Cannot reach 127\.0\.0\.1:\d+/);
    gateway.reset();
    gateway.failNext({ slowMs: 300 });
    await fails(run({ retries: 0, timeoutMs: 50 }), EXIT.network, /did not answer within 0\.05 s/);
  });

  it('does not retry a quota error, and stops the run', async () => {
    gateway.dailyQuota = 5;
    const error = await fails(
      run({ points: SIXTEEN }),
      EXIT.rateLimit,
      /LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR/,
    );
    assert.match(error.fix, /once an hour/);
    // Requests already under way (at most 4) may meet the quota too; none is asked again.
    const refused = gateway.requests.filter((r) => r.answer === 'quota');
    assert.ok(refused.length >= 1 && refused.length <= 4, String(refused.length));
    const asked = gateway.requests.map((r) => `${r.operation} ${r.params.nx},${r.params.ny}`);
    assert.equal(new Set(asked).size, asked.length, 'no request repeated');
    assert.ok(gateway.requests.length < 2 * 16, 'the run stopped');
  });

  it('gives each result code its exit code end to end', async () => {
    for (const [code, exit] of [
      ['20', EXIT.auth],
      ['22', EXIT.rateLimit],
      ['10', EXIT.badResponse],
      ['12', EXIT.badResponse],
      ['99', EXIT.badResponse],
      ['01', EXIT.badResponse],
    ] as const) {
      gateway.reset();
      gateway.failNext({ resultCode: code });
      await fails(run({ retries: 0 }), exit, new RegExp(`\\(${code} `));
    }
  });

  it('sends an HTML page with status 200 to the http exit code without retrying', async () => {
    gateway.failNext({ html: true });
    await fails(run(), EXIT.http, /HTML page .*"공공데이터포털 서비스 점검 안내"/);
    assert.equal(gateway.requests.length, 1);
  });

  it('never shows the key, even when the gateway echoes the request URL', async () => {
    gateway.failNext({ echo: true }, { echo: true }, { echo: true });
    await fails(run({ serviceKey: ENCODED }), EXIT.http, /HTML page .*HTTP 500/);
    assert.ok(
      gateway.requests.every((r) => r.keySent === ENCODED),
      'the key was sent',
    );
    assert.ok(lines.some((line) => line.includes('serviceKey=***')));
    gateway.reset();
    gateway.failNext({
      body: `<OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>bad key ${KEY} ${ENCODED}</errMsg><returnReasonCode>30</returnReasonCode></cmmMsgHeader></OpenAPI_ServiceResponse>`,
    });
    await fails(run(), EXIT.auth, /not registered/);
  });
});

describe('saved answers (--input)', () => {
  it('reads answers saved from the gateway as the gateway gave them', async () => {
    gateway.setWeather(59, 75, { t1h: '31.8', pty: '0', sky: '3' });
    gateway.setWeather(97, 74, { t1h: '32', pty: '1' });
    const points = [
      { nx: 59, ny: 75 },
      { nx: 97, ny: 74 },
    ];
    const online = await run({ points });
    // What a site saves with curl: each answer as sent, under any name.
    const files: SavedFile[] = [];
    for (const [i, request] of [...gateway.requests].entries()) {
      files.push({
        name: `answer-${i}.json`,
        text: await (await fetch(`http://${new URL(gateway.url).host}${request.target}`)).text(),
      });
    }
    const offline = await readDatagokrInput(files, { points });
    assert.deepEqual(offline.points, online.points);
    assert.deepEqual([offline.hour, offline.forecastBase], [online.hour, online.forecastBase]);
    assert.deepEqual(
      [...offline.points.values()].map((p) => [p.temp, p.sky]),
      [
        [31.8, '구름많음'],
        [32, '비'],
      ],
    );
  });
});
