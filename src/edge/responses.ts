/** The handler's answers: the feed (200 or 304), preflight, and JSON errors, each with CORS. */
import type { StoredFeed } from './feed-store.js';

/** The methods the feed answers. */
export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

/** How long caches may serve a feed past its freshness while they fetch a newer one, in s. */
export const STALE_WHILE_REVALIDATE = 600;
/** How long caches may serve a feed when asking for a newer one fails, in s. */
export const STALE_IF_ERROR = 86_400;

const JSON_TYPE = 'application/json; charset=utf-8';

/** CORS headers for a request from `origin` (the `Origin` header), given the allowed origins. */
export function corsHeaders(allowOrigin: '*' | readonly string[], origin: string | null): Headers {
  const headers = new Headers();
  if (allowOrigin === '*') {
    headers.set('access-control-allow-origin', '*');
    return headers;
  }
  // The answer depends on the asking origin: shared caches must keep one per origin.
  headers.set('vary', 'Origin');
  if (origin !== null && allowOrigin.includes(origin)) headers.set('access-control-allow-origin', origin);
  return headers;
}

/** Whether `If-None-Match` names this entity tag (weak comparison, as RFC 9110 asks for it). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * The feed, or 304 when the reader holds it. `maxAge` is how long it stays the newest: until
 * KMA can publish the next hour, or until the next attempt after a failure.
 */
export function feedResponse(request: Request, feed: StoredFeed, maxAge: number, cors: Headers): Response {
  const headers = new Headers(cors);
  headers.set(
    'cache-control',
    `public, max-age=${maxAge}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}, stale-if-error=${STALE_IF_ERROR}`,
  );
  headers.set('etag', feed.etag);
  headers.set('last-modified', new Date(feed.fetchedAt).toUTCString());
  if (matchesEtag(request.headers.get('if-none-match'), feed.etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set('content-type', JSON_TYPE);
  headers.set('x-content-type-options', 'nosniff');
  return new Response(request.method === 'HEAD' ? null : feed.body, { status: 200, headers });
}

/** The answer to a CORS preflight. */
export function preflightResponse(cors: Headers): Response {
  const headers = new Headers(cors);
  headers.set('access-control-allow-methods', ALLOWED_METHODS);
  headers.set('access-control-allow-headers', 'If-None-Match, If-Modified-Since, Cache-Control');
  headers.set('access-control-max-age', '86400');
  headers.set('allow', ALLOWED_METHODS);
  return new Response(null, { status: 204, headers });
}

/** The body of every error answer. */
export interface ErrorBody {
  readonly error: {
    /** `config`, `method`, `not-found`, or the feed core's kind of upstream failure. */
    readonly kind: string;
    readonly message: string;
    /** The setting at fault, for `config`. */
    readonly setting?: string;
    /** Seconds before the next attempt upstream. */
    readonly retryAfter?: number;
  };
}

/** A JSON error, never cached. */
export function errorResponse(
  request: Request,
  status: number,
  body: ErrorBody,
  cors: Headers,
  extra: Record<string, string> = {},
): Response {
  const headers = new Headers(cors);
  headers.set('content-type', JSON_TYPE);
  headers.set('cache-control', 'no-store');
  headers.set('x-content-type-options', 'nosniff');
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  const text = `${JSON.stringify(body)}\n`;
  return new Response(request.method === 'HEAD' ? null : text, { status, headers });
}
