/**
 * `weather-strip/edge`: the weather feed as a Web-standard HTTP handler, for Cloudflare Workers
 * and any runtime with `Request` and `Response` (Deno, Bun, Node).
 *
 *   // Cloudflare Workers (wrangler.toml: main = "node_modules/weather-strip/dist/edge/index.js")
 *   export { default } from 'weather-strip/edge';
 *
 *   // Deno, Bun: a Request → Response function with the settings bound
 *   import edge, { withEnv } from 'weather-strip/edge';
 *   Deno.serve(withEnv(edge, Deno.env.toObject()));
 *   Bun.serve({ fetch: withEnv(edge, Bun.env) });
 */
import { createHandler } from './handler.js';
import type { EdgeContext, EdgeEnv, EdgeHandler } from './types.js';

export { FEED_PATHS, createHandler } from './handler.js';
export type { EdgeCacheMode, EdgeContext, EdgeEnv, EdgeHandler, EdgeOptions } from './types.js';

/**
 * The handler with the settings bound, as a `Request → Response` function for runtimes that
 * pass no `env` (Deno's and Bun's servers, a framework's route). Work that outlives an answer
 * runs on; its failures are logged by the handler itself.
 */
export function withEnv(handler: EdgeHandler, env: EdgeEnv): (request: Request) => Promise<Response> {
  const ctx: EdgeContext = { waitUntil: (promise) => void promise.catch(() => undefined) };
  return (request) => handler.fetch(request, env, ctx);
}

/** The handler of a Workers module: `export { default } from 'weather-strip/edge'`. */
const edge: EdgeHandler = createHandler();
export default edge;
