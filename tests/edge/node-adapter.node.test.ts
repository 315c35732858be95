// weather-strip/edge in Node 20: the built module imported by plain Node, the `http` adapter
// (`weather-strip/edge/node`) on a real server, and `withEnv` for Request → Response runtimes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as EdgeModule from '../../src/edge/index.js';
import type * as NodeAdapter from '../../src/edge/node.js';
import { referenceFeed } from '../cli/helpers.js';
import { startApihubStandIn, type ApihubStandIn } from '../support/apihub-standin.node.js';
import { builtEdgeModule } from '../support/workerd.node.js';
import { kst } from './helpers.js';

const KEY = 'node+Adapter/Key=42';
const T0 = kst('2025-08-01 15:20');

let hub: ApihubStandIn;
let edge: typeof EdgeModule;
let adapter: typeof NodeAdapter;
let server: Server;
let base: string;
const logged: string[] = [];
const log = (line: string) => void logged.push(line);

before(async () => {
  hub = await startApihubStandIn({ authKey: KEY, now: T0 });
  const built = builtEdgeModule();
  edge = (await import(pathToFileURL(built).href)) as typeof EdgeModule;
  adapter = (await import(pathToFileURL(join(dirname(built), 'node.js')).href)) as typeof NodeAdapter;
  const handler = edge.createHandler({ now: () => T0, log });
  const env = { WEATHER_STRIP_AUTH_KEY: KEY, WEATHER_STRIP_APIHUB_URL: hub.url('/node') };
  server = createServer(adapter.nodeListener(handler, env));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server?.closeAllConnections();
  server?.close();
  await hub?.close();
});

describe('weather-strip/edge in Node', () => {
  it('is one module without imports, which plain Node 20 loads', () => {
    const built = builtEdgeModule();
    const text = readFileSync(built, 'utf8');
    assert.doesNotMatch(text, /^\s*import\s|\bimport\(|\brequire\(|\bnode:/m);
    const script = `const m = await import(${JSON.stringify(pathToFileURL(built).href)});
      console.log(JSON.stringify([typeof m.default.fetch, typeof m.createHandler, typeof m.withEnv, m.FEED_PATHS]));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), ['function', 'function', 'function', ['/', '/weather.json']]);
    assert.equal(
      typeof (globalThis as { caches?: unknown }).caches,
      'undefined',
      'Node keeps feeds in memory',
    );
  });

  it('answers the feed through the http adapter: headers, 304, HEAD, OPTIONS, 405', async () => {
    const feed = await fetch(`${base}/weather.json`);
    const body = await feed.text();
    assert.equal(feed.status, 200, body);
    assert.deepEqual(JSON.parse(body), referenceFeed());
    assert.equal(feed.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(feed.headers.get('content-length'), String(Buffer.byteLength(body)));
    assert.match(feed.headers.get('cache-control')!, /^public, max-age=3000,/);
    const etag = feed.headers.get('etag')!;
    const again = await fetch(`${base}/?v=2`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    const head = await fetch(`${base}/weather.json`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), etag);
    assert.equal(await head.text(), '');
    const preflight = await fetch(`${base}/weather.json`, { method: 'OPTIONS' });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET, HEAD, OPTIONS');
    const post = await fetch(`${base}/weather.json`, { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD, OPTIONS');
    assert.equal(hub.requestsFor('/node').length, 1);
  });

  it('shares one upstream fetch among concurrent readers, in memory', async () => {
    const handler = edge.createHandler({ now: () => T0, log });
    const serve = edge.withEnv(handler, {
      WEATHER_STRIP_AUTH_KEY: KEY,
      WEATHER_STRIP_APIHUB_URL: hub.url('/mem'),
    });
    hub.delayMs = 200;
    try {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => serve(new Request(`http://localhost/weather.json?i=${i}`))),
      );
      assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([200]));
      assert.equal(new Set(answers.map((a) => a.headers.get('etag'))).size, 1);
      assert.equal(hub.requestsFor('/mem').length, 1);
    } finally {
      hub.delayMs = 0;
    }
  });

  it('answers with the default export through withEnv, settings and all', async () => {
    const serve = edge.withEnv(edge.default, {});
    const answer = await serve(new Request('http://localhost/weather.json'));
    assert.equal(answer.status, 500);
    assert.equal((await answer.json()).error.setting, 'WEATHER_STRIP_AUTH_KEY');
  });
});
