/**
 * Transport for the data.go.kr source: one page with retries on passing failures, network
 * errors in words, and a concurrency limit.
 */
import { CliError, EXIT } from '../cli/errors.js';
import { DatagokrError } from './datagokr-codes.js';
import { redactServiceKey } from './datagokr-request.js';
import { readAnswer, type AnswerContext, type DatagokrPage } from './datagokr-response.js';

/** The part of `fetch` used. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function networkError(error: unknown, timeoutMs: number, url: string, source: string): DatagokrError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new DatagokrError(
      EXIT.network,
      `${source} did not answer within ${timeoutMs / 1000} s`,
      'Try again later, or allow more time with --timeout',
      true,
    );
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code =
    cause && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : (cause?.message ?? (error instanceof Error ? error.message : String(error)));
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the whole address; it is redacted anyway
  }
  return new DatagokrError(
    EXIT.network,
    `Cannot reach ${host} (${code})`,
    "Check the server's network access to apis.data.go.kr (DNS, firewall, proxy), then try again",
    true,
  );
}

/** A CliError with every form of the key taken out of its words. */
export function redactError(error: CliError, key: string): CliError {
  const reason = redactServiceKey(error.reason, key);
  const fix = redactServiceKey(error.fix, key);
  if (reason === error.reason && fix === error.fix) return error;
  return error instanceof DatagokrError
    ? new DatagokrError(error.code, reason, fix, error.retryable, error.resultCode)
    : new CliError(error.code, reason, fix);
}

export const isNoData = (error: unknown) => error instanceof DatagokrError && error.resultCode === '03';
/** Failures that no other grid point or base time would escape. */
export const isGlobal = (error: CliError) =>
  ([EXIT.auth, EXIT.rateLimit, EXIT.network, EXIT.http, EXIT.usage] as number[]).includes(error.code);

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
  const { retries, retryDelayMs, timeoutMs, log } = transport;
  let last: DatagokrError | undefined;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) {
      const wait = retryDelayMs * 2 ** (attempt - 1);
      log(`retrying in ${wait / 1000} s (attempt ${attempt + 1} of ${retries + 1})`);
      await sleep(wait);
    }
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
      last = networkError(error, timeoutMs, url, transport.source);
      log(last.reason);
      continue;
    }
    try {
      return readAnswer(body, status, ctx);
    } catch (error) {
      if (!(error instanceof DatagokrError) || !error.retryable) throw error;
      last = error;
      log(error.reason);
    }
  }
  throw last!;
}
