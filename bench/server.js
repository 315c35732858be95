// A loopback server for the benchmark pages: the pages themselves (`?data=inline`: the stations
// written into the HTML; otherwise fetched from the feed), the CDN bundle, the other libraries'
// files, and the reference feed, optionally answered late (`?delay=ms`).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CDN_BUNDLE, VENDOR_FILES, VARIANTS, pageHtml } from './pages.js';

const ROOT = resolve(import.meta.dirname, '..');
const FEED_FILE = resolve(ROOT, 'demo/data/reference-weather.json');

const TYPES = { js: 'text/javascript', css: 'text/css', json: 'application/json', html: 'text/html' };

/** Extra pages the memory checks use: the bundle and one strip, nothing else. */
function memoryPage(feedUrl) {
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>memory</title>
<script type="module" src="/cdn/weather-strip.js"></script></head>
<body><main id="host"><weather-strip mode="roll" refresh="0" src="${feedUrl}"></weather-strip></main></body></html>`;
}

/** Starts the server on a free loopback port; resolves to `{ origin, bundle, close }`. */
export async function startServer() {
  const feed = await readFile(FEED_FILE);
  const feedObject = JSON.parse(feed.toString('utf8'));
  // Read once: a build running meanwhile in the same tree must not change what is measured.
  const bundle = await readFile(resolve(ROOT, CDN_BUNDLE));
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status, type, body) => {
      response.writeHead(status, {
        'content-type': `${TYPES[type]}; charset=utf-8`,
        'cache-control': 'no-store',
      });
      response.end(body);
    };
    try {
      const page = /^\/page\/([a-z]+)\.html$/.exec(url.pathname);
      const delay = Number(url.searchParams.get('delay') ?? 0);
      const feedUrl = `/feed.json?delay=${delay}`;
      if (page && page[1] === 'memory') return send(200, 'html', memoryPage(feedUrl));
      if (page && VARIANTS[page[1]]) {
        const source = url.searchParams.get('data') === 'inline' ? { feed: feedObject } : { feedUrl };
        return send(200, 'html', pageHtml(page[1], source));
      }
      if (url.pathname === '/feed.json') {
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        return send(200, 'json', feed);
      }
      if (url.pathname === '/cdn/weather-strip.js') return send(200, 'js', bundle);
      const vendor = /^\/vendor\/(.+)$/.exec(url.pathname);
      if (vendor && VENDOR_FILES[vendor[1]]) {
        const type = vendor[1].endsWith('.css') ? 'css' : 'js';
        return send(200, type, await readFile(resolve(ROOT, VENDOR_FILES[vendor[1]])));
      }
      response.writeHead(404).end();
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    bundle,
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))),
  };
}
