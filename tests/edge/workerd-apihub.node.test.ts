// weather-strip/edge in workerd (miniflare) against a local stand-in for KMA API Hub, reached over
// real HTTP. One workerd for the file; each worker is one setting or one story, so that memory
// and fetch counts of one test never leak into another.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { referenceFeed, runCommand } from '../cli/helpers.js';
import { startApihubStandIn, type ApihubStandIn } from '../support/apihub-standin.node.js';
import { startWorkerd, type Answer, type Workerd } from '../support/workerd.node.js';
import { assertNoKey, assertSchemaValid, kst } from './helpers.js';

// A key with the characters that URL encoding changes, to find it in any form.
const KEY = 'Edge+k3y/Secret=0123456789abcdef';
const OTHER_KEY = 'datagokr+Other/Key==';
const T0 = kst('2025-08-01 15:20');
const SCHEDULE = ['hub', 'load', 'tricks', 'down', 'stale', 'echo', 'late', 'euc', 'restart'];

let hub: ApihubStandIn;
let live: ApihubStandIn;
let workerd: Workerd;
const answers: Answer[] = [];

async function get(worker: string, path = '/weather.json', init: RequestInit = {}): Promise<Answer> {
  const answer = await workerd.request(worker, path, init);
  answers.push(answer);
  return answer;
}

const sha = (text: string) => `"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"`;

before(async () => {
  hub = await startApihubStandIn({ authKey: KEY, now: T0 });
  live = await startApihubStandIn({ authKey: KEY, now: new Date() });
  const apihub = (prefix: string, extra: Record<string, string> = {}) => ({
    WEATHER_STRIP_SOURCE: 'apihub',
    WEATHER_STRIP_AUTH_KEY: KEY,
    WEATHER_STRIP_APIHUB_URL: hub.url(`/${prefix}`),
    ...extra,
  });
  workerd = await startWorkerd([
    ...SCHEDULE.map((name) => ({ name, clock: true, bindings: apihub(name) })),
    {
      name: 'live',
      bindings: {
        WEATHER_STRIP_AUTH_KEY: KEY,
        WEATHER_STRIP_APIHUB_URL: live.url('/live'),
        WEATHER_STRIP_ALLOW_ORIGIN: 'https://news.example.kr, https://m.news.example.kr',
      },
    },
    { name: 'no-key', bindings: { WEATHER_STRIP_SERVICE_KEY: OTHER_KEY } },
    { name: 'bad-source', bindings: apihub('x', { WEATHER_STRIP_SOURCE: 'kma' }) },
    { name: 'bad-station', bindings: apihub('x', { WEATHER_STRIP_STATIONS: '108,Jeonjoo' }) },
    { name: 'bad-origin', bindings: apihub('x', { WEATHER_STRIP_ALLOW_ORIGIN: 'news.example.kr' }) },
    { name: 'bad-url', bindings: apihub('x', { WEATHER_STRIP_APIHUB_URL: `ftp://host/${KEY}` }) },
  ]);
  for (const name of SCHEDULE) await workerd.setClock(name, T0);
});

after(async () => {
  await workerd?.close();
  await hub?.close();
  await live?.close();
});

describe('weather-strip/edge in workerd, source apihub', () => {
  it('answers the feed at /weather.json and at /: the command’s feed, valid by the published schema', async () => {
    const feed = await get('hub');
    assert.equal(feed.status, 200, feed.body);
    assertSchemaValid(feed.body);
    assert.deepEqual(JSON.parse(feed.body), referenceFeed());
    // The same text as the feed command writes for that hour: one core behind both.
    const command = await runCommand(['--source', 'apihub', '--time', '202508011500'], {
      env: { WEATHER_STRIP_AUTH_KEY: KEY, WEATHER_STRIP_APIHUB_URL: hub.url('/command') },
    });
    assert.equal(command.code, 0, command.stderr);
    assert.equal(feed.body, command.stdout);
    assert.equal(feed.headers['content-type'], 'application/json; charset=utf-8');
    // 15:20: nothing newer before API Hub publishes 16:00 at 16:10, 50 minutes on.
    assert.equal(
      feed.headers['cache-control'],
      'public, max-age=3000, stale-while-revalidate=600, stale-if-error=86400',
    );
    assert.equal(feed.headers.etag, sha(feed.body));
    assert.equal(feed.headers['access-control-allow-origin'], '*');
    const root = await get('hub', '/');
    assert.equal(root.status, 200);
    assert.equal(root.body, feed.body);
    assert.equal(root.headers.etag, feed.headers.etag);
    assert.deepEqual(
      hub.requestsFor('/hub').map((r) => [r.tm, r.answer]),
      [['202508011500', 'ok']],
    );
  });

  it('answers 304 to If-None-Match with its tag, weak or strong, and the feed to another tag', async () => {
    const { headers } = await get('hub');
    for (const tag of [headers.etag!, `W/${headers.etag}`, `"other", ${headers.etag}`, '*']) {
      const answer = await get('hub', '/weather.json', { headers: { 'if-none-match': tag } });
      assert.equal(answer.status, 304, tag);
      assert.equal(answer.body, '');
      assert.equal(answer.headers.etag, headers.etag);
      assert.equal(answer.headers['cache-control'], headers['cache-control']);
      assert.equal(answer.headers['access-control-allow-origin'], '*');
    }
    const changed = await get('hub', '/weather.json', { headers: { 'if-none-match': '"0123"' } });
    assert.equal(changed.status, 200);
    assert.equal(hub.requestsFor('/hub').length, 1);
  });

  it('answers HEAD with the headers of GET and no body, and OPTIONS with a preflight', async () => {
    const full = await get('hub');
    const head = await get('hub', '/weather.json', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    for (const name of ['etag', 'cache-control', 'content-type', 'access-control-allow-origin'])
      assert.equal(head.headers[name], full.headers[name], name);
    const preflight = await get('hub', '/weather.json', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://news.example.kr',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.equal(preflight.headers['access-control-allow-methods'], 'GET, HEAD, OPTIONS');
    assert.match(preflight.headers['access-control-allow-headers']!, /If-None-Match/);
    assert.equal(preflight.headers['access-control-max-age'], '86400');
  });

  it('answers other methods 405 with Allow, and other paths 404, without asking KMA', async () => {
    const before = hub.requests.length;
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await get('hub', '/weather.json', { method, body: method === 'DELETE' ? null : '{}' });
      assert.equal(answer.status, 405, method);
      assert.equal(answer.headers.allow, 'GET, HEAD, OPTIONS');
      assert.equal(JSON.parse(answer.body).error.kind, 'method');
    }
    for (const path of ['/feed.json', '/weather.json/', '/weather.json.bak', '//evil.example/weather.json']) {
      const answer = await get('tricks', path);
      assert.equal(answer.status, 404, path);
      assert.equal(JSON.parse(answer.body).error.kind, 'not-found');
    }
    assert.equal(hub.requests.length, before);
  });

  it('serves 50 readers, 40 of them at once and each with its own query, from one upstream request', async () => {
    hub.delayMs = 300;
    try {
      const together = await Promise.all(
        Array.from({ length: 40 }, (_, i) => get('load', `/weather.json?x=${i}`)),
      );
      const after = [];
      for (let i = 40; i < 50; i++)
        after.push(await get('load', i % 2 ? `/?x=${i}` : `/weather.json?v=${i}`));
      const all = [...together, ...after];
      assert.deepEqual(new Set(all.map((a) => a.status)), new Set([200]));
      assert.equal(new Set(all.map((a) => a.headers.etag)).size, 1);
      assert.equal(hub.requestsFor('/load').length, 1);
    } finally {
      hub.delayMs = 0;
    }
  });

  it('lets no query change the address, the key, the source or the stations', async () => {
    const tricks = [
      `url=${encodeURIComponent('http://127.0.0.1:1/evil')}`,
      'WEATHER_STRIP_APIHUB_URL=http://evil.example/',
      'source=datagokr&WEATHER_STRIP_SOURCE=datagokr',
      'stations=108&WEATHER_STRIP_STATIONS=108',
      'authKey=stolen&tm=201501280600&stn=108',
    ].join('&');
    const answer = await get('tricks', `/weather.json?${tricks}`);
    assert.equal(answer.status, 200);
    assert.equal(JSON.parse(answer.body).stations.length, 16);
    const [request, ...more] = hub.requestsFor('/tricks');
    assert.equal(more.length, 0);
    const sent = new URL(request!.target, 'http://standin');
    assert.equal(sent.pathname, '/tricks/api/typ01/url/kma_sfctm2.php');
    assert.deepEqual([...sent.searchParams.keys()].sort(), ['authKey', 'help', 'stn', 'tm']);
    assert.equal(sent.searchParams.get('authKey'), KEY);
    assert.equal(sent.searchParams.get('stn'), '0');
    assert.equal(sent.searchParams.get('tm'), '202508011500');
  });

  it('answers a clean 5xx when KMA is down and nothing is cached, then recovers', async () => {
    hub.down = { status: 503 };
    const failed = await get('down');
    assert.equal(failed.status, 502);
    assert.equal(failed.headers['cache-control'], 'no-store');
    assert.equal(failed.headers['retry-after'], '60');
    assert.deepEqual(JSON.parse(failed.body), {
      error: { kind: 'http', message: 'KMA API Hub answered with an error instead of data', retryAfter: 60 },
    });
    assert.ok(!failed.body.includes('Service Unavailable'), 'the upstream body is not passed through');
    // One attempt and one retry; readers meanwhile do not hammer KMA.
    assert.equal(hub.requestsFor('/down').length, 2);
    assert.equal((await get('down')).status, 502);
    assert.equal(hub.requestsFor('/down').length, 2);

    hub.down = { reset: true };
    await workerd.setClock('down', new Date(T0.getTime() + 61_000));
    const unreachable = await get('down');
    assert.equal(unreachable.status, 503);
    assert.equal(JSON.parse(unreachable.body).error.kind, 'network');
    assert.equal(JSON.parse(unreachable.body).error.message, 'KMA API Hub did not answer');

    hub.down = undefined;
    await workerd.setClock('down', new Date(T0.getTime() + 122_000));
    const recovered = await get('down');
    assert.equal(recovered.status, 200);
    assert.deepEqual(JSON.parse(recovered.body), referenceFeed());
  });

  it('keeps serving the last good feed while KMA fails, then moves on to the new hour', async () => {
    const good = await get('stale');
    assert.equal(good.status, 200);
    hub.down = { status: 500 };
    // After 16:10 a newer hour could exist: the handler asks, KMA fails.
    await workerd.setClock('stale', kst('2025-08-01 16:11'));
    const kept = await get('stale');
    assert.equal(kept.status, 200);
    assert.equal(kept.body, good.body);
    assert.equal(kept.headers.etag, good.headers.etag);
    assert.equal(JSON.parse(kept.body).observedAt, '2025-08-01T15:00:00+09:00');
    assert.match(kept.headers['cache-control']!, /^public, max-age=60,/);
    const asked = hub.requestsFor('/stale').length;
    assert.equal(
      (await get('stale', '/weather.json', { headers: { 'if-none-match': good.headers.etag! } })).status,
      304,
    );
    assert.equal(hub.requestsFor('/stale').length, asked, 'no new attempt before the retry is due');
    hub.down = undefined;
    hub.now = kst('2025-08-01 16:12');
    await workerd.setClock('stale', kst('2025-08-01 16:12'));
    const next = await get('stale');
    assert.equal(next.status, 200);
    assert.equal(JSON.parse(next.body).observedAt, '2025-08-01T16:00:00+09:00');
    assert.notEqual(next.headers.etag, good.headers.etag);
    hub.now = T0;
  });

  it('never shows the key, even when the error page echoes the request URL', async () => {
    const start = workerd.output().length;
    hub.down = { echo: true };
    const failed = await get('echo');
    hub.down = undefined;
    assert.equal(failed.status, 502);
    assert.ok(hub.requestsFor('/echo').every((r) => r.answer === 'echo'));
    const log = workerd.output().slice(start);
    // The echoed page reached the log, with its key taken out.
    assert.match(log, /authKey=\*\*\*/);
    assertNoKey(log, [KEY], 'a log line');
    assertNoKey(failed.body + JSON.stringify(failed.headers), [KEY], 'the answer');
  });

  it('fetches the new hour once API Hub can have published it, not before', async () => {
    const first = await get('hub');
    await workerd.setClock('hub', kst('2025-08-01 16:09'));
    const before = await get('hub');
    assert.equal(before.headers.etag, first.headers.etag);
    assert.match(before.headers['cache-control']!, /^public, max-age=60,/);
    assert.equal(hub.requestsFor('/hub').length, 1);
    hub.now = kst('2025-08-01 16:10');
    await workerd.setClock('hub', kst('2025-08-01 16:10'));
    const rolled = await get('hub', '/weather.json', { headers: { 'if-none-match': first.headers.etag! } });
    assert.equal(rolled.status, 200);
    assert.equal(JSON.parse(rolled.body).observedAt, '2025-08-01T16:00:00+09:00');
    assert.equal(rolled.headers['cache-control']!.split(',')[1]!.trim(), 'max-age=3600');
    assert.deepEqual(
      hub.requestsFor('/hub').map((r) => r.tm),
      ['202508011500', '202508011600'],
    );
    hub.now = T0;
  });

  it('serves the previous hour while KMA is late, and looks again five minutes later', async () => {
    hub.now = kst('2025-08-01 16:05');
    await workerd.setClock('late', kst('2025-08-01 16:10'));
    const late = await get('late');
    assert.equal(JSON.parse(late.body).observedAt, '2025-08-01T15:00:00+09:00');
    assert.equal(late.headers['cache-control']!.split(',')[1]!.trim(), 'max-age=300');
    assert.deepEqual(
      hub.requestsFor('/late').map((r) => [r.tm, r.answer]),
      [
        ['202508011600', 'unpublished'],
        ['202508011500', 'ok'],
      ],
    );
    hub.now = kst('2025-08-01 16:14');
    await workerd.setClock('late', kst('2025-08-01 16:15'));
    const published = await get('late');
    assert.equal(JSON.parse(published.body).observedAt, '2025-08-01T16:00:00+09:00');
    assert.equal(hub.requestsFor('/late').length, 3);
    hub.now = T0;
  });

  it('keeps the feed in the Cache API: a new isolate answers from it without asking KMA', async () => {
    const first = await get('restart');
    assert.equal(hub.requestsFor('/restart').length, 1);
    await workerd.restart('restart');
    await workerd.setClock('restart', kst('2025-08-01 15:40'));
    const again = await get('restart');
    assert.equal(again.status, 200);
    assert.equal(again.headers.etag, first.headers.etag);
    assert.match(again.headers['cache-control']!, /^public, max-age=1800,/);
    assert.equal(hub.requestsFor('/restart').length, 1);
  });

  it('reads an EUC-KR answer in workerd', async () => {
    hub.eucKr = true;
    try {
      const feed = await get('euc');
      assert.equal(feed.status, 200, feed.body);
      assert.deepEqual(JSON.parse(feed.body), referenceFeed());
    } finally {
      hub.eucKr = false;
    }
  });

  it('allows the configured origins only, varying by Origin; the default export with the real clock', async () => {
    const listed = await get('live', '/weather.json', { headers: { origin: 'https://m.news.example.kr' } });
    assert.equal(listed.status, 200, listed.body);
    assert.equal(listed.headers['access-control-allow-origin'], 'https://m.news.example.kr');
    assert.equal(listed.headers.vary, 'Origin');
    const other = await get('live', '/weather.json', { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers['access-control-allow-origin'], undefined);
    assert.equal(other.headers.vary, 'Origin');
    const preflight = await get('live', '/', {
      method: 'OPTIONS',
      headers: { origin: 'https://news.example.kr' },
    });
    assert.equal(preflight.headers['access-control-allow-origin'], 'https://news.example.kr');
    // The real clock: the hour now, or the one before it while this hour is not out.
    const hour = Date.now() - (Date.now() % 3600_000);
    const observed = new Date(JSON.parse(listed.body).observedAt).getTime();
    assert.ok(observed === hour || observed === hour - 3600_000, JSON.parse(listed.body).observedAt);
    assert.equal(live.requests.length, 1);
  });

  it('answers a bad setting with a 500 naming it, never the key, without asking KMA', async () => {
    const before = hub.requests.length;
    const cases: [string, string, RegExp][] = [
      [
        'no-key',
        'WEATHER_STRIP_AUTH_KEY',
        /WEATHER_STRIP_SERVICE_KEY is the key of WEATHER_STRIP_SOURCE=datagokr/,
      ],
      ['bad-source', 'WEATHER_STRIP_SOURCE', /must be apihub or datagokr, not "kma"/],
      ['bad-station', 'WEATHER_STRIP_STATIONS', /did you mean Jeonju \(146 전주\)\?/],
      ['bad-origin', 'WEATHER_STRIP_ALLOW_ORIGIN', /"news\.example\.kr" is not an origin/],
      ['bad-url', 'WEATHER_STRIP_APIHUB_URL', /must be an http\(s\) address/],
    ];
    for (const [worker, setting, message] of cases) {
      const answer = await get(worker);
      assert.equal(answer.status, 500, worker);
      assert.equal(answer.headers['cache-control'], 'no-store');
      const { error } = JSON.parse(answer.body);
      assert.equal(error.kind, 'config');
      assert.equal(error.setting, setting);
      assert.match(error.message, message);
    }
    assert.equal(hub.requests.length, before);
  });

  it('put no key in any answer or log line of this file', () => {
    assert.ok(answers.length > 80, String(answers.length));
    for (const answer of answers)
      assertNoKey(answer.body + JSON.stringify(answer.headers), [KEY, OTHER_KEY], 'an answer');
    assertNoKey(workerd.output(), [KEY, OTHER_KEY], 'the log');
  });
});
