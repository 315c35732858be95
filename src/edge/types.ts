/** The public types of `weather-strip/edge`: what a runtime hands the handler, and what it answers. */

/**
 * The settings, as Workers bindings or environment variables. Only strings are read; every other
 * binding is ignored.
 */
export interface EdgeEnv {
  /** `apihub` (the default) or `datagokr`. */
  readonly WEATHER_STRIP_SOURCE?: string;
  /** KMA API Hub's key (`WEATHER_STRIP_SOURCE=apihub`); a secret. */
  readonly WEATHER_STRIP_AUTH_KEY?: string;
  /** data.go.kr's service key, Encoding or Decoding form (`WEATHER_STRIP_SOURCE=datagokr`); a secret. */
  readonly WEATHER_STRIP_SERVICE_KEY?: string;
  /** Stations and their order, as `--stations` takes them (default `@전국`, the 16 of the reference page). */
  readonly WEATHER_STRIP_STATIONS?: string;
  /** `*` (the default), or the origins allowed to read the feed, separated by commas or spaces. */
  readonly WEATHER_STRIP_ALLOW_ORIGIN?: string;
  /** Replaces API Hub's `kma_sfctm2.php` address. */
  readonly WEATHER_STRIP_APIHUB_URL?: string;
  /** Replaces data.go.kr's `…/VilageFcstInfoService_2.0` address. */
  readonly WEATHER_STRIP_DATAGOKR_URL?: string;
  readonly [binding: string]: unknown;
}

/** The part of a Workers `ExecutionContext` the handler uses. */
export interface EdgeContext {
  /** Keeps the runtime alive for work that outlives the answer (a cache write, a shared fetch). */
  waitUntil(promise: Promise<unknown>): void;
}

/** A Web-standard handler, the shape Cloudflare Workers export. */
export interface EdgeHandler {
  fetch(request: Request, env?: EdgeEnv, ctx?: EdgeContext): Promise<Response>;
}

/** Where the built feed is kept between requests. */
export type EdgeCacheMode = 'auto' | 'memory';

/** Options of `createHandler`; the default export uses none of them. */
export interface EdgeOptions {
  /** The clock (default: the real one). Tests move it to cross an hour. */
  readonly now?: () => Date;
  /** The `fetch` that reaches KMA (default: the runtime's). */
  readonly fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  /** `auto` (default): the Cache API where the runtime has one, and memory; `memory`: memory only. */
  readonly cache?: EdgeCacheMode;
  /** Where log lines go (default `console.log`, or `console.error` for failures); keys are already removed. */
  readonly log?: (line: string, level: 'info' | 'error') => void;
  /** Time allowed per upstream request, in ms (default 10 000). */
  readonly timeoutMs?: number;
  /** Extra attempts after a passing upstream failure (default 1). */
  readonly retries?: number;
  /** Wait before a retry, in ms (default 500). */
  readonly retryDelayMs?: number;
}
