/**
 * What both sources do over HTTP: an injected `fetch` (Node's, a Worker's, or one that answers
 * from saved files), retries with a doubling wait, network failures in words, and bodies read
 * up to a bound.
 */
import { FeedError } from './errors.js';

/** The part of `fetch` the sources use. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** How failed attempts are retried. */
export interface RetryOptions {
  /** Extra attempts after a passing failure. */
  readonly retries: number;
  /** Wait before the first retry, in ms, doubled each time. */
  readonly retryDelayMs: number;
  /** Progress lines (`--verbose`). */
  readonly log: (line: string) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it returns, throws an error that is not a retryable `FeedError`, or the
 * retries are spent (then the last failure is thrown).
 */
export async function withRetries<T>(options: RetryOptions, attempt: () => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    if (n > 0) {
      const wait = options.retryDelayMs * 2 ** (n - 1);
      options.log(`retrying in ${wait / 1000} s (attempt ${n + 1} of ${options.retries + 1})`);
      await sleep(wait);
    }
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof FeedError) || !error.retryable || n >= options.retries) throw error;
      options.log(error.reason);
    }
  }
}

/**
 * A failed `fetch` in words: a timeout, or the host that could not be reached and why
 * (`ECONNREFUSED`, `ENOTFOUND`…). `service` is the host a server must be able to reach.
 */
export function networkError(
  error: unknown,
  context: {
    readonly timeoutMs: number;
    readonly url: string;
    readonly source: string;
    readonly service: string;
  },
): FeedError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new FeedError(
      'network',
      `${context.source} did not answer within ${context.timeoutMs / 1000} s`,
      'Try again later, or allow more time with --timeout',
      true,
    );
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code =
    cause && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : (cause?.message ?? (error instanceof Error ? error.message : String(error)));
  let host = context.url;
  try {
    host = new URL(context.url).host;
  } catch {
    // keep the whole address; keys are taken out of messages anyway
  }
  return new FeedError(
    'network',
    `Cannot reach ${host} (${code})`,
    `Check the server's network access to ${context.service} (DNS, firewall, proxy), then try again`,
    true,
  );
}

/** The body, or `undefined` once it grows past `limit` bytes (the rest is not read). */
export async function readBody(response: Response, limit: number): Promise<Uint8Array | undefined> {
  if (Number(response.headers.get('content-length')) > limit || !response.body) {
    await response.body?.cancel();
    return response.body ? undefined : new Uint8Array(0);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A byte count in MB, for messages. */
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
