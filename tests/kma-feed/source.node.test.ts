// The Source interface: both portals, fetched or saved, through the one feed builder.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateWeatherFeed } from '../../src/feed/weather-feed.js';
import type { FeedError } from '../../src/kma-feed/index.js';
import {
  EXIT,
  SOURCE_NAMES,
  createSource,
  feedFromReading,
  isSourceName,
  resolveStations,
  type FetchLike,
  type SavedInput,
  type Source,
  type SourceReading,
} from '../../src/kma-feed/index.js';
import { fixture, fixtureText, referenceFeed } from '../support/kma-fixtures.node.js';
import { startDatagokrGateway, type DatagokrGateway } from '../support/datagokr-gateway.node.js';

const SERVICE_KEY = 'q1W2e3R4t5Y6u7I8o9P0+/aSdFgHjKlZxCvBnM+qWeRtYuIoPa/SdFgHjKlZxCvBnMqWeRtYuIoPaSdFgHjKl==';
const AUTH_KEY = 'k3y-Secret_0123456789abcdef';
/** 2025-08-01 15:50 KST: the 15:00 실황 and the 15:30 예보 are out. */
const NOW = new Date(Date.UTC(2025, 7, 1, 6, 50));

/** A `fetch` that answers API Hub's requests with a fixture, counting them. */
function apihubFetch(texts: readonly string[], asked: URL[]): FetchLike {
  return async (url) => {
    asked.push(new URL(url));
    return new Response(texts[Math.min(asked.length, texts.length) - 1], {
      headers: { 'content-type': 'text/plain' },
    });
  };
}

const warnings: string[] = [];
const feedOf = (reading: SourceReading, list: string, allowPartial = false) =>
  feedFromReading(reading, resolveStations(list), { allowPartial, warn: (line) => warnings.push(line) });

let gateway: DatagokrGateway;
before(async () => {
  gateway = await startDatagokrGateway({ serviceKey: SERVICE_KEY, now: NOW });
});
after(() => gateway.close());
beforeEach(() => {
  gateway.reset();
  warnings.length = 0;
});

function datagokr(onRequest?: () => void): Source {
  return createSource('datagokr', {
    key: encodeURIComponent(SERVICE_KEY),
    baseUrl: gateway.url,
    fetch: (url, init) => fetch(url, init),
    retryDelayMs: 1,
    ...(onRequest ? { onRequest } : {}),
  });
}

describe('Source', () => {
  it('names the two portals', () => {
    assert.deepEqual(SOURCE_NAMES, ['apihub', 'datagokr']);
    assert.ok(isSourceName('datagokr') && !isSourceName('kma'));
    const fetchStub: FetchLike = () => Promise.reject(new Error('not called'));
    assert.deepEqual(
      SOURCE_NAMES.map((name) => [
        createSource(name, { fetch: fetchStub }).name,
        createSource(name, { fetch: fetchStub }).label,
      ]),
      [
        ['apihub', 'KMA API Hub'],
        ['datagokr', 'data.go.kr'],
      ],
    );
  });

  it('API Hub: the hour, each station’s sky label and temperature, and the requests made', async () => {
    const asked: URL[] = [];
    let counted = 0;
    const source = createSource('apihub', {
      key: AUTH_KEY,
      fetch: apihubFetch([fixtureText('kma_sfctm2_reference_202508011500.txt')], asked),
      onRequest: () => counted++,
    });
    const stations = resolveStations();
    const reading = await source.fetch({ stations, now: NOW });
    assert.deepEqual(
      [reading.hour, reading.label, reading.requests, counted],
      ['202508011500', 'KMA API Hub', 1, 1],
    );
    assert.deepEqual(reading.weather.get(108), { sky: '흐림', temp: 32.3 });
    assert.equal(asked[0]!.searchParams.get('authKey'), AUTH_KEY);
    assert.equal(
      asked[0]!.origin + asked[0]!.pathname,
      'https://apihub.kma.go.kr/api/typ01/url/kma_sfctm2.php',
    );
    assert.deepEqual(JSON.parse(feedOf(reading, '@전국').text), referenceFeed());
  });

  it('API Hub: falls back one hour on its own and counts both requests', async () => {
    const asked: URL[] = [];
    const source = createSource('apihub', {
      key: AUTH_KEY,
      fetch: apihubFetch(
        [
          fixtureText('kma_sfctm2_unpublished_202508011600.txt'),
          fixtureText('kma_sfctm2_reference_202508011500.txt'),
        ],
        asked,
      ),
    });
    // 16:15 KST: the 16:00 hour is due (from HH:10) but late.
    const reading = await source.fetch({
      stations: resolveStations('108'),
      now: new Date(Date.UTC(2025, 7, 1, 7, 15)),
    });
    assert.deepEqual(
      asked.map((url) => url.searchParams.get('tm')),
      ['202508011600', '202508011500'],
    );
    assert.deepEqual([reading.hour, reading.requests], ['202508011500', 2]);
  });

  it('API Hub: before HH:10 asks for the hour before at once, which is all there can be', async () => {
    const asked: URL[] = [];
    const source = createSource('apihub', {
      key: AUTH_KEY,
      fetch: apihubFetch([fixtureText('kma_sfctm2_reference_202508011500.txt')], asked),
    });
    // 16:05 KST: API Hub publishes the 16:00 hour from 16:10.
    const reading = await source.fetch({
      stations: resolveStations('108'),
      now: new Date(Date.UTC(2025, 7, 1, 7, 5)),
    });
    assert.deepEqual(
      asked.map((url) => url.searchParams.get('tm')),
      ['202508011500'],
    );
    assert.deepEqual([reading.hour, reading.requests], ['202508011500', 1]);
  });

  it('data.go.kr: the weather at each station’s grid point, one request pair per distinct point', async () => {
    gateway.setWeather(56, 93, { t1h: '29.8', pty: '0', sky: '3' });
    gateway.setWeather(63, 89, { t1h: '31.1', pty: '5' });
    let counted = 0;
    // 140 군산 and Gunsan are one station; 146 전주 is another point.
    const stations = resolveStations('140,전주,Gunsan');
    const reading = await datagokr(() => counted++).fetch({ stations, now: NOW });
    assert.deepEqual(
      [reading.hour, reading.label, reading.requests, counted],
      ['202508011500', 'data.go.kr', 4, 4],
    );
    assert.deepEqual(JSON.parse(feedOf(reading, '140,전주').text).stations, [
      { id: 140, name: '군산', sky: '구름많음', temp: 29.8 },
      { id: 146, name: '전주', sky: '빗방울', temp: 31.1 },
    ]);
    assert.deepEqual(
      gateway.requests.map((r) => `${r.operation} ${r.params.nx},${r.params.ny}`),
      ['getUltraSrtNcst 56,93', 'getUltraSrtFcst 56,93', 'getUltraSrtNcst 63,89', 'getUltraSrtFcst 63,89'],
    );
  });

  it('both portals give the same feed shape through the one builder, valid as the strip reads it', async () => {
    const apihub = await createSource('apihub', {
      key: AUTH_KEY,
      fetch: apihubFetch([fixtureText('kma_sfctm2_reference_202508011500.txt')], []),
    }).fetch({ stations: resolveStations('108,159'), now: NOW });
    const fromDatagokr = await datagokr().fetch({ stations: resolveStations('108,159'), now: NOW });
    for (const reading of [apihub, fromDatagokr]) {
      const { feed, text, missing } = feedOf(reading, '서울,Busan');
      assert.deepEqual(missing, []);
      assert.deepEqual(validateWeatherFeed(JSON.parse(text)).problems, []);
      assert.equal(feed.observedAt, '2025-08-01T15:00:00+09:00');
      assert.deepEqual(
        feed.stations.map((s) => [s.id, s.name, typeof s.sky, typeof s.temp]),
        [
          [108, '서울', 'string', 'number'],
          [159, '부산', 'string', 'number'],
        ],
      );
    }
  });

  it('data.go.kr: a point without data is a gap with its reason: exit 8, or null with allowPartial', async () => {
    gateway.setWeather(56, 93, { noData: true });
    const reading = await datagokr().fetch({ stations: resolveStations('108,140'), now: NOW });
    assert.equal(reading.weather.has(140), false);
    assert.match(reading.gaps.get(140)!, /no data for that hour, for 초단기실황 .* at grid 56,93/);
    assert.throws(
      () => feedOf(reading, '108,140'),
      (error: FeedError) =>
        error.exitCode === EXIT.missingStation &&
        /^No observation for 140 군산 at 2025-08-01 15:00 KST \(data\.go\.kr: there is no data/.test(
          error.reason,
        ),
    );
    const partial = feedOf(reading, '108,140', true);
    assert.deepEqual(partial.feed.stations[1], { id: 140, name: '군산', sky: null, temp: null });
    assert.match(warnings.join('\n'), /^warning: no observation for 140 군산/);
  });

  it('data.go.kr: refuses a station without a grid point before any request', async () => {
    await assert.rejects(
      datagokr().fetch({ stations: resolveStations('108,116=관악산'), now: NOW }),
      (error: FeedError) =>
        error.kind === 'usage' &&
        /116 관악산 is not in the built-in table .* no forecast grid point/.test(error.reason),
    );
    assert.equal(gateway.requests.length, 0);
  });

  it('reads saved input of either portal, with no request', async () => {
    const apihubInput: SavedInput = {
      name: 'saved.txt',
      files: [{ name: 'saved.txt', bytes: fixture('kma_sfctm2_euc-kr_202508011500.txt') }],
    };
    const stations = resolveStations('108,140');
    const fromApihub = await createSource('apihub', {
      fetch: () => Promise.reject(new Error('offline')),
    }).read(apihubInput, { stations, now: NOW });
    assert.deepEqual(
      [fromApihub.label, fromApihub.requests, fromApihub.weather.get(108)],
      ['saved.txt', 0, { sky: '흐림', temp: 32.3 }],
    );

    gateway.setWeather(56, 93, { t1h: '29.8', sky: '4' });
    const online = await datagokr().fetch({ stations, now: NOW });
    const files = await Promise.all(
      gateway.requests.map(async (request, i) => ({
        name: `answers/${i}.json`,
        bytes: new Uint8Array(
          await (await fetch(`http://${new URL(gateway.url).host}${request.target}`)).arrayBuffer(),
        ),
      })),
    );
    const offline = await createSource('datagokr', {
      fetch: () => Promise.reject(new Error('offline')),
    }).read({ name: 'answers', files }, { stations, now: NOW });
    assert.deepEqual([offline.label, offline.requests, offline.hour], ['answers', 0, online.hour]);
    assert.deepEqual([...offline.weather], [...online.weather]);
    assert.deepEqual(offline.weather.get(140), { sky: '흐림', temp: 29.8 });
  });

  it('tells saved input of the other portal apart', async () => {
    const text = { name: 'kma.txt', bytes: fixture('kma_sfctm2_reference_202508011500.txt') };
    await assert.rejects(
      createSource('datagokr', { fetch }).read(
        { name: 'kma.txt', files: [text] },
        { stations: resolveStations('108'), now: NOW },
      ),
      (error: FeedError) =>
        error.exitCode === EXIT.badResponse && /kma\.txt is KMA API Hub's kma_sfctm2 text/.test(error.reason),
    );
  });

  it('uses only the fetch it is given, as a Worker would give it', async () => {
    const global = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new Error('the global fetch was used'));
    try {
      const reading = await createSource('apihub', {
        key: AUTH_KEY,
        fetch: apihubFetch([fixtureText('kma_sfctm2_reference_202508011500.txt')], []),
      }).fetch({ stations: resolveStations('108'), now: NOW });
      assert.equal(reading.requests, 1);
      const fromDatagokr = await createSource('datagokr', {
        key: SERVICE_KEY,
        baseUrl: gateway.url,
        fetch: (url, init) => global(url, init),
      }).fetch({ stations: resolveStations('108'), now: NOW });
      assert.equal(fromDatagokr.requests, 2);
    } finally {
      globalThis.fetch = global;
    }
  });
});
