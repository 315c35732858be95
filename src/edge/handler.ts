/**
 * The feed as a Web-standard HTTP handler. Only the settings in `env` choose the source, the
 * address and the stations: nothing in a request reaches KMA, so the handler is no proxy, and
 * every variant of the URL is the same feed from the same fetch.
 */
import { SOURCE_VARIABLES, redactServiceKey } from '../kma-feed/index.js';
import { ConfigError, readConfig, type EdgeConfig } from './config.js';
import { FeedService } from './feed-service.js';
import { ALLOWED_METHODS, corsHeaders, errorResponse, feedResponse, preflightResponse } from './responses.js';
import type { EdgeContext, EdgeEnv, EdgeHandler, EdgeOptions } from './types.js';

/** The paths that answer the feed. */
export const FEED_PATHS: readonly string[] = ['/', '/weather.json'];

const PREFIX = 'weather-strip/edge';

function defaultLog(line: string, level: 'info' | 'error'): void {
  if (level === 'error') console.error(line);
  else console.log(line);
}

/** Every key `env` holds, in every form, taken out of a text. */
function redactor(env: EdgeEnv): (text: string) => string {
  const keys = Object.values(SOURCE_VARIABLES)
    .map(({ key }) => env[key])
    .filter((key): key is string => typeof key === 'string' && key.trim() !== '');
  return (text) => keys.reduce((out, key) => redactServiceKey(out, key), redactServiceKey(text, undefined));
}

/**
 * A handler with its own cache and clock. The default export is `createHandler()`; tests pass
 * `now` to cross an hour, and `cache: 'memory'` to leave the Cache API out.
 */
export function createHandler(options: EdgeOptions = {}): EdgeHandler {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? defaultLog;
  let redact: (text: string) => string = (text) => redactServiceKey(text, undefined);
  const service = new FeedService({
    now,
    cache: options.cache ?? 'auto',
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: options.retries ?? 1,
    retryDelayMs: options.retryDelayMs ?? 500,
    log: (line, level) => log(`${PREFIX}: ${redact(line)}`, level),
  });
  const reported = new Set<string>();

  async function answerFeed(request: Request, config: EdgeConfig, ctx: EdgeContext | undefined) {
    const cors = corsHeaders(config.allowOrigin, request.headers.get('origin'));
    const { feed, failure } = await service.current(config, new URL(request.url).origin, ctx);
    const at = now().getTime();
    if (feed && !failure)
      return feedResponse(request, feed, Math.max(0, Math.floor((feed.freshUntil - at) / 1000)), cors);
    const retryAfter = failure ? Math.max(1, Math.ceil((failure.retryAt - at) / 1000)) : 60;
    // The last good feed: its observedAt tells the strip how old it is.
    if (feed) return feedResponse(request, feed, retryAfter, cors);
    const reason = failure!.reason;
    return errorResponse(
      request,
      reason.status,
      { error: { kind: reason.kind, message: redact(reason.message), retryAfter } },
      cors,
      { 'retry-after': String(retryAfter) },
    );
  }

  async function handle(request: Request, env: EdgeEnv, ctx: EdgeContext | undefined): Promise<Response> {
    redact = redactor(env);
    const path = new URL(request.url).pathname;
    const method = request.method.toUpperCase();
    let config: EdgeConfig;
    try {
      config = readConfig(env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const message = redact(error.message);
      if (!reported.has(message)) {
        reported.add(message);
        log(`${PREFIX}: configuration: ${message}`, 'error');
      }
      return errorResponse(
        request,
        500,
        { error: { kind: 'config', setting: error.setting, message } },
        corsHeaders('*', null),
      );
    }
    const cors = corsHeaders(config.allowOrigin, request.headers.get('origin'));
    if (!FEED_PATHS.includes(path)) {
      return errorResponse(
        request,
        404,
        { error: { kind: 'not-found', message: `The feed is at ${FEED_PATHS.join(' and ')}` } },
        cors,
      );
    }
    if (method === 'OPTIONS') return preflightResponse(cors);
    if (method !== 'GET' && method !== 'HEAD') {
      return errorResponse(
        request,
        405,
        { error: { kind: 'method', message: `The feed answers ${ALLOWED_METHODS}` } },
        cors,
        { allow: ALLOWED_METHODS },
      );
    }
    return answerFeed(request, config, ctx);
  }

  return {
    async fetch(request, env = {}, ctx) {
      try {
        return await handle(request, env && typeof env === 'object' ? env : {}, ctx);
      } catch (error) {
        log(
          `${PREFIX}: unexpected error: ${redact(error instanceof Error ? error.message : String(error))}`,
          'error',
        );
        return errorResponse(
          request,
          500,
          { error: { kind: 'internal', message: 'The feed could not be answered' } },
          corsHeaders('*', null),
        );
      }
    },
  };
}
