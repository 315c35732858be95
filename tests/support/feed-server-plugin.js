// Test-server routes under /feeds/: real HTTP answers for the feed tests.
import { readFileSync } from 'node:fs';

const reference = readFileSync(new URL('../../src/kma/reference-weather.json', import.meta.url), 'utf8');

/** @returns {import('@web/dev-server-core').Plugin} */
export function feedServerPlugin() {
  return {
    name: 'feed-server',
    serve(context) {
      if (!context.path.startsWith('/feeds/')) return undefined;
      switch (context.path.slice('/feeds/'.length)) {
        case 'weather.json':
          return { body: reference, type: 'application/json' };
        case 'malformed.json':
          return { body: '{"version": 1, "stations": [', type: 'application/json' };
        case 'missing.json':
          context.status = 404;
          return { body: 'not found', type: 'text/plain' };
        default:
          return undefined;
      }
    },
  };
}
