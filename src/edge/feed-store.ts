/**
 * Where built feeds are kept: in memory (one isolate, one process), and in the Cache API where
 * the runtime has one (shared by the isolates of a Workers location, kept across restarts).
 * A stored feed outlives its freshness, so that it can be served while KMA fails.
 */
import type { EdgeCacheMode } from './types.js';

/** A feed ready to serve. */
export interface StoredFeed {
  /** The feed as JSON text. */
  readonly body: string;
  /** Strong validator of `body`: `"<sha-256 hex>"`. */
  readonly etag: string;
  /** When it was fetched, in ms. */
  readonly fetchedAt: number;
  /** Until when no newer hour can exist (or, KMA being late, until the next look), in ms. */
  readonly freshUntil: number;
}

/** How long the Cache API keeps a feed: long enough to serve through a long KMA outage. */
const KEEP_SECONDS = 2 * 24 * 3600;
const FETCHED_AT = 'x-weather-strip-fetched-at';
const FRESH_UNTIL = 'x-weather-strip-fresh-until';

/** The Cache API as Workers (`caches.default`) and Deno (`caches.open`) offer it. */
type CacheStorageLike = { readonly default?: Cache; open?(name: string): Promise<Cache> };

/** The runtime's shared cache, or `undefined` where there is none (Node, Bun). */
async function runtimeCache(): Promise<Cache | undefined> {
  const storage = (globalThis as { caches?: CacheStorageLike }).caches;
  if (!storage) return undefined;
  try {
    return storage.default ?? (await storage.open?.('weather-strip'));
  } catch {
    return undefined;
  }
}

/** `"<sha-256 hex of the body>"`. */
export async function strongEtag(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `"${hex.slice(0, 32)}"`;
}

/** Feeds by the id of the settings that made them. */
export class FeedStore {
  private readonly memory = new Map<string, StoredFeed>();
  private cache: Promise<Cache | undefined> | undefined;

  constructor(private readonly mode: EdgeCacheMode) {}

  /** The feed this isolate holds, without waiting. */
  local(feedId: string): StoredFeed | undefined {
    return this.memory.get(feedId);
  }

  /** The newest feed of memory and the shared cache. `origin` scopes the shared cache's key. */
  async get(feedId: string, origin: string): Promise<StoredFeed | undefined> {
    const local = this.memory.get(feedId);
    const cache = await this.sharedCache();
    if (!cache) return local;
    let shared: StoredFeed | undefined;
    try {
      const response = await cache.match(await cacheKey(feedId, origin));
      shared = response && (await readStored(response));
    } catch {
      shared = undefined;
    }
    // Another isolate may have fetched meanwhile: keep whichever is newer.
    if (shared && (!local || shared.fetchedAt > local.fetchedAt)) {
      this.memory.set(feedId, shared);
      return shared;
    }
    return this.memory.get(feedId);
  }

  /** Keeps a feed in memory at once; the returned promise ends when the shared cache has it too. */
  put(feedId: string, origin: string, feed: StoredFeed): Promise<void> {
    this.memory.set(feedId, feed);
    return (async () => {
      const cache = await this.sharedCache();
      if (!cache) return;
      const headers = {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': `public, max-age=${KEEP_SECONDS}`,
        etag: feed.etag,
        [FETCHED_AT]: String(feed.fetchedAt),
        [FRESH_UNTIL]: String(feed.freshUntil),
      };
      try {
        await cache.put(await cacheKey(feedId, origin), new Response(feed.body, { headers }));
      } catch {
        // The cache is an optimisation: memory still holds the feed.
      }
    })();
  }

  private sharedCache(): Promise<Cache | undefined> {
    if (this.mode === 'memory') return Promise.resolve(undefined);
    this.cache ??= runtimeCache();
    return this.cache;
  }
}

/** A key under the worker's own origin, at a path no reader is answered from. */
async function cacheKey(feedId: string, origin: string): Promise<string> {
  const id = (await strongEtag(feedId)).slice(1, -1);
  return `${origin}/.weather-strip-cache/v1/${id}`;
}

async function readStored(response: Response): Promise<StoredFeed | undefined> {
  const etag = response.headers.get('etag');
  const fetchedAt = Number(response.headers.get(FETCHED_AT));
  const freshUntil = Number(response.headers.get(FRESH_UNTIL));
  if (!etag || !Number.isFinite(fetchedAt) || !Number.isFinite(freshUntil)) return undefined;
  return { body: await response.text(), etag, fetchedAt, freshUntil };
}
