/**
 * Why a feed could not be made. One kind per cause, so that a shell can tell them apart: the feed
 * command turns a kind into its exit code (`EXIT`), an HTTP handler into a status.
 */

/** Exit codes of `weather-strip-feed`, by kind of failure, as `--help` and the README list them. */
export const EXIT = {
  ok: 0,
  /** A bug: an error the code does not expect. */
  internal: 1,
  /** Bad settings: options, environment, station list. */
  usage: 2,
  /** KMA or data.go.kr rejected the key. */
  auth: 3,
  /** The key's request limit is used up. */
  rateLimit: 4,
  /** No answer: connection failed or timed out, after the retries. */
  network: 5,
  /** An HTML page or an HTTP error status instead of observations. */
  http: 6,
  /** An empty response, no observations for the hour, or none with a sky or a temperature. */
  empty: 7,
  /** A wanted station has no observation (without `--allow-partial`). */
  missingStation: 8,
  /** An answer that cannot be read whole (cut short, too large, another service's), or another gateway error. */
  badResponse: 9,
  /** Saved input cannot be read or placed, or the feed cannot be written. */
  file: 10,
} as const;

/** An exit code of the command. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A kind of failure: every key of `EXIT` but `ok`. */
export type FeedErrorKind = Exclude<keyof typeof EXIT, 'ok'>;

/** A failure explained in one line: what went wrong, then what to do. */
export class FeedError extends Error {
  override name = 'FeedError';

  constructor(
    /** What kind of failure it is. */
    readonly kind: FeedErrorKind,
    /** What went wrong. */
    readonly reason: string,
    /** What to do about it. */
    readonly fix: string,
    /** A passing failure (a server error, a timeout, a dropped connection): worth another attempt. */
    readonly retryable = false,
  ) {
    super(`${reason}. ${fix}`);
  }

  /** The feed command's exit code for this kind. */
  get exitCode(): ExitCode {
    return EXIT[this.kind];
  }
}
