/**
 * The feed of the current settings at the current time: from the store while it is the newest
 * there can be, else fetched once however many readers ask at once; after a failure, the last
 * good feed until the next attempt is due.
 */
import { FeedError } from '../kma-feed/index.js';
import type { EdgeConfig } from './config.js';
import { FeedStore, type StoredFeed } from './feed-store.js';
import type { EdgeContext } from './types.js';
import { describeFailure, fetchFeed, type UpstreamFailure, type UpstreamOptions } from './upstream.js';

/** What a reader gets: the feed when there is one, and the failure of the last attempt if it failed. */
export interface CurrentFeed {
  readonly feed?: StoredFeed;
  readonly failure?: { readonly reason: UpstreamFailure; readonly retryAt: number };
}

export class FeedService {
  private readonly store: FeedStore;
  private readonly inFlight = new Map<string, Promise<StoredFeed>>();
  private readonly failures = new Map<string, { reason: UpstreamFailure; retryAt: number }>();

  constructor(
    private readonly options: UpstreamOptions & {
      readonly cache: 'auto' | 'memory';
      readonly now: () => Date;
    },
  ) {
    this.store = new FeedStore(options.cache);
  }

  async current(config: EdgeConfig, origin: string, ctx: EdgeContext | undefined): Promise<CurrentFeed> {
    const fresh = (feed: StoredFeed | undefined) =>
      feed !== undefined && this.options.now().getTime() < feed.freshUntil;
    const local = this.store.local(config.feedId);
    if (fresh(local)) return { feed: local };
    const stored = await this.store.get(config.feedId, origin);
    // Checked again after the wait: a fetch may have ended meanwhile.
    const latest = this.store.local(config.feedId) ?? stored;
    if (fresh(latest)) return { feed: latest };
    const failure = this.failures.get(config.feedId);
    if (failure && this.options.now().getTime() < failure.retryAt && !this.inFlight.has(config.feedId)) {
      return { feed: latest, failure };
    }
    try {
      return { feed: await this.refresh(config, origin, ctx) };
    } catch (error) {
      // refresh() recorded the failure; the fallback covers a success that cleared it meanwhile.
      const recorded = this.failures.get(config.feedId) ?? this.failure(config, error);
      return { feed: this.store.local(config.feedId) ?? latest, failure: recorded };
    }
  }

  /** A failure as readers are told, with the time of the next attempt. */
  private failure(config: EdgeConfig, error: unknown) {
    const reason = describeFailure(error, config.source === 'apihub' ? 'KMA API Hub' : 'data.go.kr');
    return { reason, retryAt: this.options.now().getTime() + reason.retryAfter * 1000 };
  }

  /** The one fetch under way for these settings, started if there is none. */
  private refresh(config: EdgeConfig, origin: string, ctx: EdgeContext | undefined): Promise<StoredFeed> {
    const running = this.inFlight.get(config.feedId);
    if (running) return running;
    const work = (async () => {
      const now = this.options.now();
      try {
        const feed = await fetchFeed(config, this.options, now);
        this.failures.delete(config.feedId);
        // Shared before anyone is answered, so that a reader sent to another isolate next finds it.
        await this.store.put(config.feedId, origin, feed);
        return feed;
      } catch (error) {
        const failure = this.failure(config, error);
        // The reason only: the core's advice speaks of the command's options.
        const detail =
          error instanceof FeedError ? error.reason : error instanceof Error ? error.message : String(error);
        this.options.log(`${failure.reason.message} (${failure.reason.kind}): ${detail}`, 'error');
        this.failures.set(config.feedId, failure);
        throw error;
      } finally {
        this.inFlight.delete(config.feedId);
      }
    })();
    this.inFlight.set(config.feedId, work);
    // Readers that gave up must not cut the shared fetch short.
    ctx?.waitUntil(work.catch(() => undefined));
    return work;
  }
}
