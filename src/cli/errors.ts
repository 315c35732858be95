/** Exit codes of `weather-strip-feed`, one per cause so that a cron job can tell them apart. */
export const EXIT = {
  ok: 0,
  /** A bug: an error the command does not expect. */
  internal: 1,
  /** Bad options. */
  usage: 2,
  /** KMA rejected the API key. */
  auth: 3,
  /** KMA's request limit for the key is used up. */
  rateLimit: 4,
  /** No answer: connection failed or timed out, after the retries. */
  network: 5,
  /** An HTML page or an HTTP error status instead of observations. */
  http: 6,
  /** An empty response, no observations for the hour, or none with a sky or a temperature. */
  empty: 7,
  /** A wanted station is absent from the response (without `--allow-partial`). */
  missingStation: 8,
  /** Not `kma_sfctm2` text that can be read whole (cut short, too large, a data.go.kr answer), or another gateway error. */
  badResponse: 9,
  /** `--input` cannot be read or `--out` cannot be written. */
  file: 10,
} as const;

/** An exit code of the command. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the command explains in one line: what went wrong, then what to do. */
export class CliError extends Error {
  override name = 'CliError';

  constructor(
    /** The exit code. */
    readonly code: ExitCode,
    /** What went wrong. */
    readonly reason: string,
    /** What to do about it. */
    readonly fix: string,
  ) {
    super(`${reason}. ${fix}`);
  }
}
