import type { FeedProblem } from './problems.js';

/** Dispatches a bubbling, composed event (it leaves shadow roots) with `detail`. */
export function fire(target: EventTarget, type: string, detail: unknown): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** Why a feed could not be used. */
export const FEED_ERROR_KINDS = ['network', 'timeout', 'http', 'parse', 'schema'] as const;

/** Why a feed could not be used: see {@link FEED_ERROR_KINDS}. */
export type FeedErrorKind = (typeof FEED_ERROR_KINDS)[number];

/** Detail of `weather-strip-error` and `article-card-error`. */
export interface FeedErrorDetail {
  /** What failed: the network, a timeout, an HTTP status, JSON parsing, or the feed's shape. */
  readonly kind: FeedErrorKind;
  /** One line for a developer, naming the cause. */
  readonly message: string;
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  /** For `schema`: every problem found, by JSON path. */
  readonly problems?: readonly FeedProblem[];
}
