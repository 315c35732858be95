// weather-strip/edge in workerd (miniflare) against the local stand-in for data.go.kr's gateway,
// reached over real HTTP: 초단기실황 and 초단기예보 at each station's grid point.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCommand } from '../cli/helpers.js';
import { startDatagokrGateway, type DatagokrGateway } from '../support/datagokr-gateway.node.js';
import { startWorkerd, type Answer, type Workerd } from '../support/workerd.node.js';
import { assertNoKey, assertSchemaValid, kst } from './helpers.js';

/** A key of the portal's shape (base64, 88 characters); not a real one. */
const KEY = 'Zx9Cv8Bn7M+6aS5dF4gH3jK2lQ1wE0rT/yU9iO8pA7sD6fG5hJ4kL3zX2cV1bN0mQwErTyUiOpAsDfGhJk==';
const T0 = kst('2025-08-01 15:50');
const STORIES = ['dg', 'dg-load', 'dg-down', 'dg-echo'];

let gateway: DatagokrGateway;
let workerd: Workerd;
const answers: Answer[] = [];

async function get(worker: string, path = '/weather.json', init: RequestInit = {}): Promise<Answer> {
  const answer = await workerd.request(worker, path, init);
  answers.push(answer);
  return answer;
}

/** Requests per operation and grid point. */
function perPoint(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { operation, params } of gateway.requests) {
    const key = `${operation} ${params.nx},${params.ny}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

before(async () => {
  gateway = await startDatagokrGateway({ serviceKey: KEY, now: T0 });
  // Each story its own station list, so that no two workers share a cached feed.
  const lists = ['@전국', '@전국,서울', '@전국,부산', '@전국,대구'];
  workerd = await startWorkerd([
    ...STORIES.map((name, i) => ({
      name,
      clock: true,
      bindings: {
        WEATHER_STRIP_SOURCE: 'datagokr',
        // The portal's Encoding form on one worker, the Decoding form on the others.
        WEATHER_STRIP_SERVICE_KEY: i === 0 ? encodeURIComponent(KEY) : KEY,
        WEATHER_STRIP_DATAGOKR_URL: gateway.url,
        WEATHER_STRIP_STATIONS: lists[i]!,
      },
    })),
    {
      name: 'dg-outside',
      bindings: {
        WEATHER_STRIP_SOURCE: 'datagokr',
        WEATHER_STRIP_SERVICE_KEY: KEY,
        WEATHER_STRIP_STATIONS: '108,116=관악산',
      },
    },
    { name: 'dg-no-key', bindings: { WEATHER_STRIP_SOURCE: 'datagokr', WEATHER_STRIP_AUTH_KEY: KEY } },
    {
      name: 'dg-bad-url',
      bindings: {
        WEATHER_STRIP_SOURCE: 'datagokr',
        WEATHER_STRIP_SERVICE_KEY: KEY,
        WEATHER_STRIP_DATAGOKR_URL: `${gateway.url}?serviceKey=${KEY}`,
      },
    },
  ]);
  for (const name of STORIES) await workerd.setClock(name, T0);
});

after(async () => {
  await workerd?.close();
  await gateway?.close();
});

beforeEach(() => {
  gateway.reset();
  gateway.now = T0;
  gateway.delayMs = 0;
});

describe('weather-strip/edge in workerd, source datagokr', () => {
  it('answers the command’s feed, valid by the published schema, until the next hour is out', async () => {
    const feed = await get('dg');
    assert.equal(feed.status, 200, feed.body);
    const parsed = assertSchemaValid(feed.body);
    assert.equal(parsed.observedAt, '2025-08-01T15:00:00+09:00');
    assert.equal(parsed.stations.length, 16);
    // 15:50: the next 예보 is out at 16:45, 55 minutes on.
    assert.match(feed.headers['cache-control']!, /^public, max-age=3300, stale-while-revalidate=600,/);
    gateway.reset();
    const command = await runCommand(['--source', 'datagokr', '--time', '202508011500'], {
      env: { WEATHER_STRIP_SERVICE_KEY: KEY, WEATHER_STRIP_DATAGOKR_URL: gateway.url },
    });
    assert.equal(command.code, 0, command.stderr);
    assert.equal(feed.body, command.stdout);
  });

  it('serves 50 readers, 40 at once, from one request per operation and grid point', async () => {
    gateway.delayMs = 100;
    const together = await Promise.all(
      Array.from({ length: 40 }, (_, i) => get('dg-load', `/weather.json?x=${i}&stations=108`)),
    );
    for (let i = 40; i < 50; i++) together.push(await get('dg-load', `/?nx=${i}`));
    assert.deepEqual(new Set(together.map((a) => a.status)), new Set([200]));
    assert.equal(new Set(together.map((a) => a.headers.etag)).size, 1);
    const counts = perPoint();
    // The 16 stations stand on 16 grid points; 서울 again is one of them.
    assert.equal(counts.size, 32, JSON.stringify([...counts]));
    assert.deepEqual(new Set(counts.values()), new Set([1]));
    assert.ok(gateway.requests.every((r) => r.answer === 'ok'));
  });

  it('fetches the new hour once its forecast is out, and keeps the last good feed while the gateway fails', async () => {
    const first = await get('dg');
    await workerd.setClock('dg', kst('2025-08-01 16:44'));
    assert.equal((await get('dg')).headers.etag, first.headers.etag);
    assert.equal(gateway.requests.length, 0);

    gateway.failNext(...Array.from({ length: 4 }, () => ({ status: 502, html: true })));
    await workerd.setClock('dg', kst('2025-08-01 16:45'));
    gateway.now = kst('2025-08-01 16:45');
    const kept = await get('dg');
    assert.equal(kept.status, 200);
    assert.equal(kept.body, first.body);
    assert.match(kept.headers['cache-control']!, /^public, max-age=60,/);
    assert.equal(gateway.requests.length, 2, 'one attempt and one retry');

    gateway.reset();
    await workerd.setClock('dg', kst('2025-08-01 16:46'));
    const next = await get('dg');
    assert.equal(JSON.parse(next.body).observedAt, '2025-08-01T16:00:00+09:00');
    assert.deepEqual(new Set(perPoint().values()), new Set([1]));
  });

  it('answers a clean 503 when the gateway cannot be reached and nothing is cached, then recovers', async () => {
    gateway.failNext({ reset: true }, { reset: true });
    const failed = await get('dg-down');
    assert.equal(failed.status, 503);
    assert.deepEqual(JSON.parse(failed.body), {
      error: { kind: 'network', message: 'data.go.kr did not answer', retryAfter: 60 },
    });
    assert.equal(failed.headers['retry-after'], '60');
    await workerd.setClock('dg-down', new Date(T0.getTime() + 60_000));
    const recovered = await get('dg-down');
    assert.equal(recovered.status, 200);
    assert.equal(JSON.parse(recovered.body).observedAt, '2025-08-01T15:00:00+09:00');
  });

  it('never shows the key, even when the error page echoes the request URL', async () => {
    const start = workerd.output().length;
    gateway.failNext({ echo: true }, { echo: true });
    const failed = await get('dg-echo');
    assert.equal(failed.status, 502);
    assert.equal(JSON.parse(failed.body).error.kind, 'http');
    assert.deepEqual(
      gateway.requests.map((r) => r.answer),
      ['echo', 'echo'],
    );
    const log = workerd.output().slice(start);
    assert.match(log, /serviceKey=\*\*\*/);
    assertNoKey(log, [KEY], 'a log line');
    assertNoKey(failed.body + JSON.stringify(failed.headers), [KEY], 'the answer');
  });

  it('answers a bad setting with a 500 naming it, without asking data.go.kr', async () => {
    const cases: [string, string, RegExp][] = [
      ['dg-outside', 'WEATHER_STRIP_STATIONS', /116 관악산 has no forecast grid point/],
      [
        'dg-no-key',
        'WEATHER_STRIP_SERVICE_KEY',
        /WEATHER_STRIP_AUTH_KEY is the key of WEATHER_STRIP_SOURCE=apihub/,
      ],
      ['dg-bad-url', 'WEATHER_STRIP_DATAGOKR_URL', /without a query/],
    ];
    for (const [worker, setting, message] of cases) {
      const answer = await get(worker);
      assert.equal(answer.status, 500, worker);
      const { error } = JSON.parse(answer.body);
      assert.deepEqual([error.kind, error.setting], ['config', setting]);
      assert.match(error.message, message);
    }
    assert.equal(gateway.requests.length, 0);
  });

  it('put no key in any answer or log line of this file', () => {
    assert.ok(answers.length > 60, String(answers.length));
    for (const answer of answers)
      assertNoKey(answer.body + JSON.stringify(answer.headers), [KEY], 'an answer');
    assertNoKey(workerd.output(), [KEY], 'the log');
  });
});
