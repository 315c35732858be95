// Test-server routes under /feeds/: real HTTP answers for the feed tests (a Koa middleware, so
// that routes can set any status and header, delay, cut or stream a body).
//
//   /feeds/weather.json, /feeds/malformed.json   fixed answers
//   /feeds/seq/<id>?steps=good,500,good2@3000    the n-th request to <id> gets the n-th step (the
//                                                last one repeats); `@ms` delays the answer
//   /feeds/log/<id>                              what <id> was asked: step and conditional headers
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';

const reference = readFileSync(new URL('../../demo/data/reference-weather.json', import.meta.url), 'utf8');
const article = readFileSync(new URL('../../demo/data/sample-article.json', import.meta.url), 'utf8');
const weather = JSON.parse(reference);
const LAST_MODIFIED = 'Fri, 01 Aug 2025 06:00:00 GMT';

function withStations(change) {
  const feed = structuredClone(weather);
  change(feed.stations);
  return JSON.stringify(feed);
}

const ARTICLE = JSON.stringify({
  version: 1,
  category: '장애인',
  headline: '점자 안내판이 늘었다',
  published: '2025-08-01T09:00:00+09:00',
  body: '첫 문단.\n\n# 소제목\n\n다음 문단.',
});

// Every field of the article format, each different from what a test writes on the element.
const ARTICLE_ALL = JSON.stringify({
  version: 1,
  category: '피드 분류',
  headline: '피드 제목',
  deck: '피드 부제',
  publisher: '피드일보',
  reporter: '김피드',
  published: '2025-08-01T09:00:00+09:00',
  href: 'https://news.example/feed-article',
  image: 'https://news.example/feed-lead.jpg',
  imageAlt: '피드 사진 설명',
  body: '피드 첫 문단.\n\n# 피드 소제목\n\n피드 둘째 문단.',
});

/** Steps answering 200 with a JSON body: [body, ETag or null, Last-Modified or null]. */
const JSON_STEPS = {
  good: [reference, '"good"', LAST_MODIFIED],
  good2: [withStations((s) => (s[0].temp = 12.5)), '"good2"', 'Fri, 01 Aug 2025 07:00:00 GMT'],
  'last-modified': [reference, null, LAST_MODIFIED],
  plain: [reference, null, null],
  partial: [withStations((s) => (s[3].temp = 'hot')), '"partial"', null],
  invalid: [JSON.stringify({ version: 2, stations: [] }), '"invalid"', null],
  article: [ARTICLE, '"article"', null],
  'article-all': [ARTICLE_ALL, '"article-all"', null],
  attributed: [JSON.stringify({ ...weather, attribution: '자료: 기상청 방재기상관측' }), '"attributed"', null],
};

const state = new Map();

function record(id) {
  if (!state.has(id)) state.set(id, { count: 0, log: [] });
  return state.get(id);
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function answer(ctx, step) {
  const json = JSON_STEPS[step];
  if (json) {
    const [body, etag, modified] = json;
    if (etag) ctx.set('ETag', etag);
    if (modified) ctx.set('Last-Modified', modified);
    ctx.set('Cache-Control', 'no-cache');
    const ifNoneMatch = ctx.get('If-None-Match');
    const ifModifiedSince = ctx.get('If-Modified-Since');
    if ((etag && ifNoneMatch === etag) || (!ifNoneMatch && modified && ifModifiedSince === modified)) {
      ctx.status = 304;
      return;
    }
    ctx.type = 'application/json';
    ctx.body = body;
    return;
  }
  if (/^\d{3}$/.test(step)) {
    ctx.status = Number(step);
    ctx.type = 'text/plain';
    ctx.body = `status ${step}`;
    return;
  }
  ctx.type = 'application/json';
  switch (step) {
    case 'malformed':
      ctx.body = '{"version": 1, "stations": [';
      return;
    case 'truncated':
      ctx.body = reference.slice(0, reference.length >> 1);
      return;
    case 'empty':
      ctx.body = '';
      return;
    case 'html':
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Gateway</title><p>upstream error</p>';
      return;
    case 'deep':
      ctx.body = '['.repeat(500_000) + ']'.repeat(500_000);
      return;
    case 'huge':
      // A valid feed padded to 3 MB, with a Content-Length.
      ctx.body = reference.replace('{', `{"pad":"${'x'.repeat(3 * 1024 * 1024)}",`);
      return;
    case 'huge-stream': {
      // 10 MB without a Content-Length: only counting the bytes read can stop it.
      let sent = 0;
      ctx.body = new Readable({
        read() {
          sent += 65536;
          this.push(sent > 10 * 1024 * 1024 ? null : ' '.repeat(65536));
        },
      });
      return;
    }
    case 'cut': {
      // Promises more than it sends, then drops the connection.
      ctx.respond = false;
      ctx.res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(reference.length * 2),
      });
      ctx.res.write(reference.slice(0, 100));
      await delay(50);
      ctx.res.destroy();
      return;
    }
    default:
      ctx.status = 400;
      ctx.type = 'text/plain';
      ctx.body = `unknown step ${step}`;
  }
}

/** @returns {import('koa').Middleware} */
export function feedServer() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/feeds/')) return next();
    const [route, id] = ctx.path.slice('/feeds/'.length).split('/');
    if (route === 'seq' && id) {
      const entry = record(id);
      const steps = String(ctx.query.steps ?? 'good').split(',');
      const [step, wait] = steps[Math.min(entry.count, steps.length - 1)].split('@');
      entry.count++;
      entry.log.push({
        step,
        ifNoneMatch: ctx.get('If-None-Match') || null,
        ifModifiedSince: ctx.get('If-Modified-Since') || null,
      });
      if (wait) await delay(Number(wait));
      await answer(ctx, step);
      return undefined;
    }
    if (route === 'log' && id) {
      ctx.type = 'application/json';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = JSON.stringify(record(id).log);
      return undefined;
    }
    switch (route) {
      case 'weather.json':
        ctx.type = 'application/json';
        ctx.body = reference;
        return undefined;
      case 'article.json':
        ctx.type = 'application/json';
        ctx.body = article;
        return undefined;
      case 'malformed.json':
        ctx.type = 'application/json';
        ctx.body = '{"version": 1, "stations": [';
        return undefined;
      default:
        ctx.status = 404;
        ctx.type = 'text/plain';
        ctx.body = 'not found';
        return undefined;
    }
  };
}
