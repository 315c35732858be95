// Test-server routes under /feeds/: real HTTP answers for the feed tests (a Koa middleware, so
// that routes can set any status and header).
import { readFileSync } from 'node:fs';

const reference = readFileSync(new URL('../../src/kma/reference-weather.json', import.meta.url), 'utf8');
const article = readFileSync(new URL('../../src/article-card/sample-article.json', import.meta.url), 'utf8');

/** @returns {import('koa').Middleware} */
export function feedServer() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/feeds/')) return next();
    switch (ctx.path.slice('/feeds/'.length)) {
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
