/**
 * One fetch of the feed from KMA through the feed core, and what a failure means to a reader:
 * a status and a message of the handler's own, never the upstream's words (they may echo the
 * request, key included).
 */
import {
  FeedError,
  createSource,
  describeKst,
  feedFromReading,
  nextPublication,
  publishedHour,
  type FeedErrorKind,
  type Source,
} from '../kma-feed/index.js';
import type { EdgeConfig } from './config.js';
import { strongEtag, type StoredFeed } from './feed-store.js';

/** How the handler reaches KMA. */
export interface UpstreamOptions {
  readonly fetch: (url: string, init?: RequestInit) => Promise<Response>;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  /** Log lines, keys already removed by the caller. */
  readonly log: (line: string, level: 'info' | 'error') => void;
}

/** A failed fetch, as readers are told. */
export interface UpstreamFailure {
  /** The feed core's kind of failure (`network`, `auth`, `rateLimit`…). */
  readonly kind: FeedErrorKind;
  /** 502 (KMA answered wrongly) or 503 (KMA unreachable or limited); 500 for a bug. */
  readonly status: 500 | 502 | 503;
  /** What failed, in the handler's words. */
  readonly message: string;
  /** Seconds before the next attempt. */
  readonly retryAfter: number;
}

/** When KMA has not published the expected hour yet: look again this soon. */
export const LATE_RECHECK_MS = 5 * 60_000;

const SAY: Readonly<Record<FeedErrorKind, { status: 500 | 502 | 503; retryAfter: number; say: string }>> = {
  network: { status: 503, retryAfter: 60, say: 'did not answer' },
  rateLimit: { status: 503, retryAfter: 900, say: "refused the request: the key's request limit is used up" },
  auth: { status: 502, retryAfter: 300, say: 'rejected the key' },
  http: { status: 502, retryAfter: 60, say: 'answered with an error instead of data' },
  badResponse: { status: 502, retryAfter: 60, say: 'sent an answer that cannot be read' },
  empty: { status: 502, retryAfter: 60, say: 'has no data for the latest hour' },
  missingStation: { status: 502, retryAfter: 60, say: 'has no data for the stations' },
  usage: { status: 500, retryAfter: 60, say: 'cannot be asked with these settings' },
  file: { status: 500, retryAfter: 60, say: 'cannot be read' },
  internal: { status: 500, retryAfter: 60, say: 'gave data the feed could not be built from' },
};

/** What a failure of `source` tells readers. */
export function describeFailure(error: unknown, label: string): UpstreamFailure {
  const kind: FeedErrorKind = error instanceof FeedError ? error.kind : 'internal';
  const { status, retryAfter, say } = SAY[kind];
  return { kind, status, retryAfter, message: `${label} ${say}` };
}

/** The source the settings name, reaching KMA as `options` say. */
export function sourceOf(config: EdgeConfig, options: UpstreamOptions, onRequest: () => void): Source {
  return createSource(config.source, {
    key: config.key,
    baseUrl: config.baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryDelayMs: options.retryDelayMs,
    log: (line) => options.log(line, 'info'),
    onRequest,
  });
}

/**
 * Fetches the latest hour and builds the feed. A station without data is written with `null`s
 * (a reader sees `-`) rather than failing every station. Throws what the core throws.
 */
export async function fetchFeed(
  config: EdgeConfig,
  options: UpstreamOptions,
  now: Date,
): Promise<StoredFeed> {
  let requests = 0;
  const source = sourceOf(config, options, () => requests++);
  const reading = await source.fetch({ stations: config.stations, now });
  const { text } = feedFromReading(reading, config.stations, {
    allowPartial: true,
    warn: (line) => options.log(line, 'info'),
  });
  const next = nextPublication(config.source, now).getTime();
  // KMA late with the hour it should have by now: look again soon rather than at the next hour.
  const late = reading.hour < publishedHour(config.source, now);
  const freshUntil = late ? Math.min(next, now.getTime() + LATE_RECHECK_MS) : next;
  options.log(
    `fetched ${config.stations.length} stations at ${describeKst(reading.hour)} from ${source.label} ` +
      `(${requests} request${requests === 1 ? '' : 's'})${late ? '; the newer hour is not out yet' : ''}`,
    'info',
  );
  return { body: text, etag: await strongEtag(text), fetchedAt: now.getTime(), freshUntil };
}
