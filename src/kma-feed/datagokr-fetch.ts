/**
 * Transport for the data.go.kr source: one page with retries on passing failures, and a
 * concurrency limit.
 */
import { FeedError, type FeedErrorKind } from './errors.js';
import { networkError, withRetries, type FetchLike } from './http.js';
import { DatagokrError } from './datagokr-codes.js';
import { redactServiceKey } from './datagokr-request.js';
import { readAnswer, type AnswerContext, type DatagokrPage } from './datagokr-response.js';

/** How one page is fetched. */
export interface Transport {
  readonly fetch: FetchLike;
  /** Time allowed per attempt, in ms. */
  readonly timeoutMs: number;
  /** Extra attempts after a passing failure. */
  readonly retries: number;
  /** Wait before the first retry, in ms, doubled each time. */
  readonly retryDelayMs: number;
  /** Who answers, in messages. */
  readonly source: string;
  readonly log: (line: string) => void;
  /** Called before each attempt. */
  readonly onRequest: (url: string) => void;
}

/** A FeedError with every form of the key taken out of its words. */
export function redactError(error: FeedError, key: string): FeedError {
  const reason = redactServiceKey(error.reason, key);
  const fix = redactServiceKey(error.fix, key);
  if (reason === error.reason && fix === error.fix) return error;
  return error instanceof DatagokrError
    ? new DatagokrError(error.kind, reason, fix, error.retryable, error.resultCode)
    : new FeedError(error.kind, reason, fix, error.retryable);
}

export const isNoData = (error: unknown) => error instanceof DatagokrError && error.resultCode === '03';
/** Failures that no other grid point or base time would escape. */
export const isGlobal = (error: FeedError) =>
  (['auth', 'rateLimit', 'network', 'http', 'usage'] as FeedErrorKind[]).includes(error.kind);

/** Runs `task` over `items`, at most `limit` at once; stops starting new ones after a failure. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
}

/**
 * One page of an answer, retrying network failures, timeouts, server errors and the service's
 * passing result codes with a doubling wait; never a key or quota error.
 */
export async function fetchPage(
  url: string,
  ctx: AnswerContext,
  transport: Transport,
): Promise<DatagokrPage> {
  const { timeoutMs, log } = transport;
  return withRetries(transport, async () => {
    transport.onRequest(url);
    log(`GET ${url}`);
    let status: number;
    let body: string;
    try {
      const response = await transport.fetch(url, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: 'application/json' },
      });
      status = response.status;
      body = await response.text();
    } catch (error) {
      throw networkError(error, { timeoutMs, url, source: transport.source, service: 'apis.data.go.kr' });
    }
    return readAnswer(body, status, ctx);
  });
}
