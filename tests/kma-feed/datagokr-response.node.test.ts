// The data.go.kr source's pure parts: the key, request URLs, base times, real answers and
// errors, values, the quota arithmetic and the saved-answer reader.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EXIT, type FeedError } from '../../src/kma-feed/errors.js';
import { skyFromText } from '../../src/kma/sky.js';
import { DatagokrError, RESULT_CODES } from '../../src/kma-feed/datagokr-codes.js';
import {
  DATAGOKR_CRON,
  DATAGOKR_DAILY_QUOTA,
  PUBLISHED_AT_MINUTE,
  checkBaseUrl,
  forecastBaseTimes,
  latestBaseTime,
  looksEncodedTwice,
  maxGridPoints,
  normalizeServiceKey,
  redactServiceKey,
  requestUrl,
  requestsPerRun,
} from '../../src/kma-feed/datagokr-request.js';
import { shiftHours } from '../../src/kma-feed/time.js';
import {
  PTY_LABELS,
  SKY_LABELS,
  numericValue,
  readAnswer,
  skyLabel,
  valueOf,
} from '../../src/kma-feed/datagokr-response.js';
import {
  latestSavedHour,
  readDatagokrInput,
  readSavedResponses,
  savedResponsesFetch,
} from '../../src/kma-feed/datagokr-input.js';
import { datagokrFixture } from '../support/datagokr-gateway.node.js';

/** A key of the portal's shape (base64, 88 characters); not a real one. */
const DECODED = 'q1W2e3R4t5Y6u7I8o9P0+/aSdFgHjKlZxCvBnM+qWeRtYuIoPa/SdFgHjKlZxCvBnMqWeRtYuIoPaSdFgHjKl==';
const ENCODED = encodeURIComponent(DECODED);
const CTX = { what: '초단기실황 (getUltraSrtNcst) for test', source: 'data.go.kr' };

/** KST wall time as a Date. */
const kst = (y: number, mo: number, d: number, h: number, mi: number) =>
  new Date(Date.UTC(y, mo - 1, d, h - 9, mi));

function rejects(text: string, status: number): DatagokrError {
  try {
    readAnswer(text, status, CTX);
  } catch (error) {
    assert.ok(error instanceof DatagokrError, `a DatagokrError, not ${String(error)}`);
    return error;
  }
  assert.fail('the answer was accepted');
}

describe('service key', () => {
  it('reads the Encoding and the Decoding form as the same key', () => {
    assert.ok(ENCODED.includes('%2B') && ENCODED.includes('%2F') && ENCODED.endsWith('%3D%3D'));
    assert.equal(normalizeServiceKey(ENCODED), DECODED);
    assert.equal(normalizeServiceKey(DECODED), DECODED);
    assert.equal(normalizeServiceKey(`  ${ENCODED}\n`), DECODED);
    assert.equal(looksEncodedTwice(normalizeServiceKey(ENCODED)), false);
  });

  it('sends it percent-encoded exactly once, whichever form was given', () => {
    for (const given of [DECODED, ENCODED]) {
      const url = requestUrl(
        'https://apis.data.go.kr/1360000/VilageFcstInfoService_2.0/',
        'getUltraSrtNcst',
        normalizeServiceKey(given),
        { baseDate: '20250801', baseTime: '1500', nx: 60, ny: 127, pageNo: 1, numOfRows: 10 },
      );
      assert.equal(
        url,
        `https://apis.data.go.kr/1360000/VilageFcstInfoService_2.0/getUltraSrtNcst?serviceKey=${ENCODED}` +
          '&pageNo=1&numOfRows=10&dataType=JSON&base_date=20250801&base_time=1500&nx=60&ny=127',
      );
      // fetch's URL parser keeps the escapes as they are.
      assert.equal(new URL(url).search.split('&')[0], `?serviceKey=${ENCODED}`);
    }
  });

  it('leaves a key encoded twice encoded once, and says so', () => {
    const twice = encodeURIComponent(ENCODED);
    assert.ok(twice.includes('%252B'));
    assert.equal(normalizeServiceKey(twice), ENCODED);
    assert.equal(looksEncodedTwice(normalizeServiceKey(twice)), true);
  });

  it('refuses an empty key as a usage error', () => {
    assert.throws(
      () => normalizeServiceKey('  '),
      (e: FeedError) => e.exitCode === EXIT.usage,
    );
  });

  it('removes every form of the key from a text', () => {
    const forms = [DECODED, ENCODED, ENCODED.toLowerCase(), encodeURIComponent(ENCODED)];
    const text = `a ${forms.join(' b ')} c /getUltraSrtNcst?serviceKey=whatever&pageNo=1`;
    const out = redactServiceKey(text, DECODED);
    for (const form of forms) assert.ok(!out.includes(form), form);
    assert.ok(!out.includes('whatever'));
    assert.match(out, /serviceKey=\*\*\*&pageNo=1/);
    assert.equal(redactServiceKey(text, ENCODED), out, 'the same given either form');
  });

  it('checks an address override', () => {
    assert.equal(checkBaseUrl('http://127.0.0.1:8080/x/'), 'http://127.0.0.1:8080/x');
    for (const bad of ['not a url', 'ftp://x/y', 'https://x/y?serviceKey=1']) {
      assert.throws(
        () => checkBaseUrl(bad),
        (e: FeedError) => e.exitCode === EXIT.usage,
        bad,
      );
    }
  });
});

describe('base times', () => {
  it('takes this hour’s 실황 from HH:40 and this hour’s 예보 from HH:45', () => {
    assert.deepEqual(PUBLISHED_AT_MINUTE, { getUltraSrtNcst: 40, getUltraSrtFcst: 45 });
    assert.equal(latestBaseTime('getUltraSrtNcst', kst(2025, 8, 1, 15, 39)), '202508011400');
    assert.equal(latestBaseTime('getUltraSrtNcst', kst(2025, 8, 1, 15, 40)), '202508011500');
    assert.equal(latestBaseTime('getUltraSrtFcst', kst(2025, 8, 1, 15, 44)), '202508011430');
    assert.equal(latestBaseTime('getUltraSrtFcst', kst(2025, 8, 1, 15, 45)), '202508011530');
    // Across midnight and a month end, in KST whatever the machine's zone.
    assert.equal(latestBaseTime('getUltraSrtNcst', kst(2025, 8, 1, 0, 10)), '202507312300');
    assert.equal(shiftHours('202512312300', 1), '202601010000');
  });

  it('asks for the forecast issued after the observation, then the one before', () => {
    assert.deepEqual(forecastBaseTimes('202508011500'), ['202508011530', '202508011430']);
    assert.deepEqual(forecastBaseTimes('202508011500', kst(2025, 8, 1, 15, 50)), [
      '202508011530',
      '202508011430',
    ]);
    // Not out before 15:45: not asked for.
    assert.deepEqual(forecastBaseTimes('202508011500', kst(2025, 8, 1, 15, 41)), ['202508011430']);
  });
});

describe('real answers', () => {
  it('reads 초단기실황 answers: eight categories, every value a string', () => {
    for (const [name, t1h, pty] of [
      ['getUltraSrtNcst_20200905_0800_nx59_ny123.json', 23.1, '0'],
      ['getUltraSrtNcst_20241104_2100_nx61_ny126.json', 11.3, '0'],
      ['getUltraSrtNcst_20220616_0000_nx62_ny120_rain.json', 17.6, '1'],
    ] as const) {
      const page = readAnswer(datagokrFixture(name), 200, CTX);
      assert.equal(page.items.length, 8, name);
      assert.equal(page.totalCount, 8);
      assert.ok(page.items.every((item) => typeof item.value === 'string'));
      assert.equal(numericValue(valueOf(page.items, 'T1H')), t1h, name);
      assert.equal(valueOf(page.items, 'PTY'), pty, name);
    }
    const rain = readAnswer(datagokrFixture('getUltraSrtNcst_20220616_0000_nx62_ny120_rain.json'), 200, CTX);
    assert.equal(skyLabel(valueOf(rain.items, 'PTY'), '1'), '비', 'rain wins over a clear forecast');
  });

  it('reads rows saved without their envelope, in the envelope they came in', () => {
    const rows: unknown = JSON.parse(datagokrFixture('getUltraSrtNcst_20221227_1100_nx58_ny125.items.json'));
    const text = JSON.stringify({
      response: {
        header: { resultCode: '00', resultMsg: 'NORMAL_SERVICE' },
        body: { dataType: 'JSON', items: { item: rows }, pageNo: 1, numOfRows: 30, totalCount: 8 },
      },
    });
    const page = readAnswer(text, 200, CTX);
    assert.equal(numericValue(valueOf(page.items, 'T1H')), 0.8);
    assert.equal(page.numOfRows, 30);
  });

  it('reads a forecast page: 30 of 60 rows, RN1 강수없음, SKY by hour', () => {
    const page = readAnswer(
      datagokrFixture('getUltraSrtFcst_20230630_0630_nx61_ny126_page1of2.json'),
      200,
      CTX,
    );
    assert.deepEqual([page.items.length, page.pageNo, page.numOfRows, page.totalCount], [30, 1, 30, 60]);
    assert.equal(valueOf(page.items, 'RN1', '202306300700'), '강수없음');
    assert.equal(numericValue(valueOf(page.items, 'RN1', '202306300700')), null);
    assert.deepEqual(
      ['0700', '0900', '1000'].map((t) => valueOf(page.items, 'SKY', `20230630${t}`)),
      ['4', '3', '1'],
    );
    assert.equal(skyLabel('0', valueOf(page.items, 'SKY', '202306300700')), '흐림');
  });

  it('ignores fields it does not know, and takes one row as a list of one', () => {
    const page = readAnswer(
      JSON.stringify({
        origin: 'anything',
        response: {
          header: { resultCode: '00', resultMsg: 'NORMAL_SERVICE' },
          body: {
            items: {
              item: {
                baseDate: '20250801',
                baseTime: '1500',
                category: 'T1H',
                nx: 60,
                ny: 127,
                obsrValue: '-8.1',
              },
            },
            totalCount: 1,
          },
        },
      }),
      200,
      CTX,
    );
    assert.equal(numericValue(valueOf(page.items, 'T1H')), -8.1);
  });
});

describe('errors', () => {
  // Exit codes follow API Hub's: key 3, request limit 4, no answer 5, HTTP 6, no data 7, other 9.
  const expected: Record<string, number> = {
    '01': 9,
    '02': 9,
    '03': 7,
    '04': 6,
    '05': 5,
    '10': 9,
    '11': 9,
    '12': 9,
    '20': 3,
    '21': 3,
    '22': 4,
    '30': 3,
    '31': 3,
    '32': 3,
    '33': 3,
    '99': 9,
  };

  it('gives every published result code its exit code, its name and a fix', () => {
    assert.deepEqual(Object.keys(RESULT_CODES).sort(), Object.keys(expected).sort());
    for (const [code, exit] of Object.entries(expected)) {
      const name = RESULT_CODES[code]!.name;
      const error = rejects(
        JSON.stringify({ response: { header: { resultCode: code, resultMsg: name } } }),
        200,
      );
      assert.equal(error.exitCode, exit, code);
      assert.equal(error.resultCode, code);
      assert.ok(error.reason.includes(`(${code} ${name})`), error.reason);
      assert.ok(error.fix.length > 10, error.fix);
      assert.equal(error.retryable, ['02', '04', '05'].includes(code), `${code} retryable`);
    }
  });

  it('reads the real NO_DATA answers as no data (03)', () => {
    for (const name of ['error_NO_DATA_minimal.json', 'error_NO_DATA_with_empty_body.json']) {
      const error = rejects(datagokrFixture(name), 200);
      assert.equal(error.exitCode, EXIT.empty);
      assert.equal(error.resultCode, '03');
    }
  });

  it('reads the gateway’s own key and quota errors, XML or JSON, whatever the status', () => {
    for (const [name, status, exit, words] of [
      [
        'error_gateway_SERVICE_KEY_IS_NOT_REGISTERED_compact.xml',
        200,
        EXIT.auth,
        /SERVICE_KEY_IS_NOT_REGISTERED_ERROR/,
      ],
      [
        'error_gateway_SERVICE_KEY_IS_NOT_REGISTERED_pretty.xml',
        500,
        EXIT.auth,
        /SERVICE_KEY_IS_NOT_REGISTERED_ERROR/,
      ],
      ['error_gateway_403_json_variant.json', 403, EXIT.auth, /등록되지 않은 서비스키/],
      [
        'error_resultCode99_SERVICE_KEY_IS_NOT_REGISTERED.xml',
        200,
        EXIT.auth,
        /SERVICE KEY IS NOT REGISTERED/,
      ],
      [
        'error_gateway_LIMITED_NUMBER_compact.xml',
        200,
        EXIT.rateLimit,
        /LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR/,
      ],
    ] as const) {
      const error = rejects(datagokrFixture(name), status);
      assert.equal(error.exitCode, exit, name);
      assert.match(error.reason, words, name);
      assert.equal(error.retryable, false, `${name} is not retried`);
    }
  });

  it('reads HTML pages, HTTP errors and bodies of no known shape', () => {
    const page = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>x</body></html>';
    const html = rejects(page, 502);
    assert.deepEqual([html.exitCode, html.retryable], [EXIT.http, true]);
    assert.match(html.reason, /HTML page .*HTTP 502, "502 Bad Gateway"/);
    assert.deepEqual([rejects(page, 200).exitCode, rejects(page, 200).retryable], [EXIT.http, false]);
    assert.deepEqual(
      [rejects('Service Unavailable', 503).exitCode, rejects('x', 503).retryable],
      [EXIT.http, true],
    );
    assert.equal(rejects('', 401).exitCode, EXIT.auth);
    assert.equal(rejects('Too Many Requests', 429).exitCode, EXIT.rateLimit);
    assert.match(rejects('Not Found', 404).fix, /WEATHER_STRIP_DATAGOKR_URL/);
    assert.equal(rejects('', 200).exitCode, EXIT.empty);
    assert.equal(rejects('Unexpected errors', 200).exitCode, EXIT.badResponse);
    assert.equal(rejects('{"other":1}', 200).exitCode, EXIT.badResponse);
  });

  it('does not quote a key a gateway echoes', () => {
    const error = rejects(
      `<html><head><title>Error /getUltraSrtNcst?serviceKey=${ENCODED}&pageNo=1</title></head></html>`,
      500,
    );
    assert.ok(!error.reason.includes(ENCODED) && !error.reason.includes(DECODED), error.reason);
  });
});

describe('values', () => {
  it('reads numbers from strings, and KMA’s missing markers and words as missing', () => {
    assert.equal(numericValue('-8.1'), -8.1);
    assert.equal(numericValue(' 23 '), 23);
    for (const missing of ['900', '-900', '-999.0', '강수없음', '', undefined, '1mm 미만']) {
      assert.equal(numericValue(missing), null, String(missing));
    }
  });

  it('takes the sky from PTY when it reports precipitation, else from SKY', () => {
    const labels = ['비', '비/눈', '눈', '소나기', '빗방울', '빗방울눈날림', '눈날림'];
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7].map((pty) => skyLabel(String(pty), '1')),
      labels,
    );
    assert.deepEqual(
      ['1', '3', '4'].map((sky) => skyLabel('0', sky)),
      ['맑음', '구름많음', '흐림'],
    );
    assert.equal(skyLabel(undefined, '3'), '구름많음');
    assert.equal(skyLabel('0', undefined), null);
    assert.equal(skyLabel('0', '9'), null);
    assert.equal(Object.keys(PTY_LABELS).length, 7);
  });

  it('gives labels the strip reads as the right sky codes', () => {
    const codes: Record<string, string> = {
      비: 'rain',
      '비/눈': 'sleet',
      눈: 'snow',
      소나기: 'shower',
      // Rain, rain and snow, snow: too light to measure (under 0.1 mm an hour).
      빗방울: 'rain',
      빗방울눈날림: 'sleet',
      눈날림: 'snow',
      맑음: 'clear',
      구름조금: 'partly-cloudy',
      구름많음: 'mostly-cloudy',
      흐림: 'overcast',
    };
    // Every label the source writes, and no other.
    assert.deepEqual(
      [...Object.values(PTY_LABELS), ...Object.values(SKY_LABELS)].sort(),
      Object.keys(codes).sort(),
    );
    for (const [label, code] of Object.entries(codes)) assert.equal(skyFromText(label), code, label);
  });
});

describe('daily quota', () => {
  it('fits an hourly run of the 16 default stations, and says how many grid points fit', () => {
    assert.equal(DATAGOKR_DAILY_QUOTA, 10_000);
    assert.equal(requestsPerRun(16), 17);
    assert.ok(24 * requestsPerRun(16) <= DATAGOKR_DAILY_QUOTA);
    assert.equal(maxGridPoints(24), 415);
    assert.ok(24 * requestsPerRun(maxGridPoints(24)) <= DATAGOKR_DAILY_QUOTA);
    assert.ok(24 * requestsPerRun(maxGridPoints(24) + 1) > DATAGOKR_DAILY_QUOTA);
    assert.equal(maxGridPoints(144), 68);
    // Minute 50: after both the 실황 (:40) and the 예보 (:45) of the hour.
    const [minute, hour] = DATAGOKR_CRON.split(' ');
    assert.equal(hour, '*');
    assert.ok(Number(minute) >= PUBLISHED_AT_MINUTE.getUltraSrtFcst);
  });
});

describe('saved answers (--input)', () => {
  // The real forecast page, and the real 실황 of 2024-11-04 21:00 at the same grid point moved to
  // the hour that forecast follows (06:00), so that the two make one hour.
  const ncst = datagokrFixture('getUltraSrtNcst_20241104_2100_nx61_ny126.json').replaceAll(
    '"baseDate":"20241104","baseTime":"2100"',
    '"baseDate":"20230630","baseTime":"0600"',
  );
  const files = [
    { name: 'a.json', text: ncst },
    {
      name: 'forecast-page-1.json',
      text: datagokrFixture('getUltraSrtFcst_20230630_0630_nx61_ny126_page1of2.json'),
    },
  ];

  it('places successful answers by their own rows, whatever their file names', () => {
    const saved = readSavedResponses(files);
    assert.deepEqual([...saved.rows.keys()].sort(), [
      'getUltraSrtFcst|202306300630|61|126',
      'getUltraSrtNcst|202306300600|61|126',
    ]);
    assert.equal(latestSavedHour(saved), '202306300600');
  });

  it('answers pages as the service does, and NO_DATA for what was not saved', async () => {
    const fetchSaved = savedResponsesFetch(readSavedResponses(files));
    const base = 'https://saved.invalid/1360000/VilageFcstInfoService_2.0/getUltraSrtFcst?serviceKey=x';
    const page2 = readAnswer(
      await (
        await fetchSaved(`${base}&pageNo=2&numOfRows=20&base_date=20230630&base_time=0630&nx=61&ny=126`)
      ).text(),
      200,
      CTX,
    );
    assert.deepEqual([page2.items.length, page2.totalCount, page2.items[0]!.category], [10, 30, 'SKY']);
    const missing = await (
      await fetchSaved(`${base}&pageNo=1&numOfRows=60&base_date=20230630&base_time=0730&nx=61&ny=126`)
    ).text();
    assert.equal(rejects(missing, 200).resultCode, '03');
  });

  it('reads the weather at the latest saved hour', async () => {
    const result = await readDatagokrInput(files, { points: [{ nx: 61, ny: 126 }] });
    assert.equal(result.hour, '202306300600');
    assert.equal(result.forecastBase, '202306300630');
    assert.deepEqual(result.points.get('61,126'), {
      nx: 61,
      ny: 126,
      hour: '202306300600',
      temp: 11.3,
      sky: '흐림',
    });
  });

  it('replays a saved error placed by its file name', async () => {
    const withError = [
      ...files,
      {
        name: 'getUltraSrtNcst_20230630_0700_61_126.xml',
        text: datagokrFixture('error_gateway_LIMITED_NUMBER_compact.xml'),
      },
    ];
    await assert.rejects(
      readDatagokrInput(withError, { points: [{ nx: 61, ny: 126 }], time: '202306300700' }),
      (e: FeedError) => e.exitCode === EXIT.rateLimit,
    );
  });

  it('refuses a file it cannot place, naming it', () => {
    assert.throws(
      () =>
        readSavedResponses([
          { name: 'notes.xml', text: datagokrFixture('error_gateway_LIMITED_NUMBER_compact.xml') },
        ]),
      (e: FeedError) => e.exitCode === EXIT.file && e.reason.includes('notes.xml'),
    );
  });
});

describe('portability', () => {
  it('uses Web APIs only, so that it runs in Workers: no Node modules, no Lit, no DOM', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../src/kma-feed/', import.meta.url);
    const files = readdirSync(dir).filter((name) => name.startsWith('datagokr'));
    assert.ok(files.length >= 5);
    for (const name of files) {
      const source = readFileSync(new URL(name, dir), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      assert.deepEqual(
        imports.filter((path) => !path.startsWith('./')),
        [],
        name,
      );
      assert.doesNotMatch(
        source,
        /\b(?:document|window|DOMParser|customElements|HTMLElement|process|Buffer)\b/,
        name,
      );
    }
  });
});
