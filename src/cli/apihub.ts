import { classifyResponse } from './classify.js';
import { CliError, EXIT } from './errors.js';
import { SFCTM2_MAX_LENGTH, decodeKmaBytes } from './sfctm2.js';

export { classifyResponse } from './classify.js';

/** KMA API Hub hourly surface observations. */
export const DEFAULT_APIHUB_URL = 'https://apihub.kma.go.kr/api/typ01/url/kma_sfctm2.php';
/** Environment variable that replaces the API Hub address (a proxy, a mirror, a test server). */
export const APIHUB_URL_ENV = 'WEATHER_STRIP_APIHUB_URL';

/** The request for one hour of every station's observations. */
export function requestUrl(base: string, time: string, authKey: string): URL {
  const url = new URL(base);
  url.searchParams.set('tm', time);
  url.searchParams.set('stn', '0');
  url.searchParams.set('help', '0');
  url.searchParams.set('authKey', authKey);
  return url;
}

/** How to fetch. */
export interface FetchOptions {
  /** The `kma_sfctm2.php` address. */
  readonly baseUrl: string;
  /** The API Hub key; never printed. */
  readonly authKey: string;
  /** The hour, KST, `YYYYMMDDHHmm`. */
  readonly time: string;
  /** Time allowed per attempt, headers and body, in ms. */
  readonly timeoutMs: number;
  /** Extra attempts after a network failure, timeout or server error. */
  readonly retries: number;
  /** Wait before the first retry, in ms; doubled each time. */
  readonly retryDelayMs: number;
  /** Progress lines for `--verbose`. */
  readonly log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A byte count in MB, for messages. */
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The body, or `undefined` once it grows past `limit` bytes (the rest is not read). */
async function readBody(response: Response, limit: number): Promise<Uint8Array | undefined> {
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

function tooLarge(): CliError {
  return new CliError(
    EXIT.badResponse,
    `KMA API Hub sent more than ${megabytes(SFCTM2_MAX_LENGTH)}; an hour of every station is about 30 kB`,
    'Check WEATHER_STRIP_APIHUB_URL if you set it: it should be kma_sfctm2.php, which answers one hour',
  );
}

function networkError(error: unknown, timeoutMs: number, host: string): CliError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new CliError(
      EXIT.network,
      `KMA API Hub did not answer within ${timeoutMs / 1000} s`,
      'Try again later, or allow more time with --timeout',
    );
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code =
    cause && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : (cause?.message ?? String(error));
  return new CliError(
    EXIT.network,
    `Cannot reach ${host} (${code})`,
    "Check the server's network access to apihub.kma.go.kr (DNS, firewall, proxy), then try again",
  );
}

/**
 * Fetches one hour of observations as text, retrying network failures, timeouts and server
 * errors with a doubling delay. Throws a `CliError` for anything that is not observations.
 */
export async function fetchObservations(options: FetchOptions): Promise<string> {
  const url = requestUrl(options.baseUrl, options.time, options.authKey);
  let lastError: CliError | undefined;
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) {
      const wait = options.retryDelayMs * 2 ** (attempt - 1);
      options.log?.(`retrying in ${wait / 1000} s (attempt ${attempt + 1} of ${options.retries + 1})`);
      await sleep(wait);
    }
    let status: number;
    let text: string;
    let body: Uint8Array | undefined;
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { accept: 'text/plain, */*' },
      });
      status = response.status;
      const charset = /charset=([^;]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
      body = await readBody(response, SFCTM2_MAX_LENGTH);
      text = body === undefined ? '' : decodeKmaBytes(body, charset);
    } catch (error) {
      lastError = networkError(error, options.timeoutMs, url.host);
      options.log?.(lastError.reason);
      continue;
    }
    if (body === undefined) throw tooLarge();
    const problem = classifyResponse(text, status);
    if (!problem) return text;
    // Only a server error may pass; a rejected key or a used-up limit will not.
    if (status >= 500 && problem.code !== EXIT.auth && problem.code !== EXIT.rateLimit) {
      lastError = problem;
      options.log?.(problem.reason);
      continue;
    }
    throw problem;
  }
  throw lastError!;
}
