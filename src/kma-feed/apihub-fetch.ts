/** One hour of every station's observations from KMA API Hub (`kma_sfctm2.php`), as text. */
import { classifyResponse } from './apihub-classify.js';
import { FeedError } from './errors.js';
import { megabytes, networkError, readBody, withRetries, type FetchLike } from './http.js';
import { SFCTM2_MAX_LENGTH, decodeKmaBytes } from './sfctm2.js';

/** KMA API Hub hourly surface observations. */
export const DEFAULT_APIHUB_URL = 'https://apihub.kma.go.kr/api/typ01/url/kma_sfctm2.php';
/** Environment variable that replaces the API Hub address (a proxy, a mirror, a test server). */
export const APIHUB_URL_ENV = 'WEATHER_STRIP_APIHUB_URL';
/** Environment variable holding the API Hub key. */
export const AUTH_KEY_ENV = 'WEATHER_STRIP_AUTH_KEY';

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
export interface ApihubFetchOptions {
  /** The `kma_sfctm2.php` address. */
  readonly baseUrl: string;
  /** The API Hub key; never printed. */
  readonly authKey: string;
  /** The hour, KST, `YYYYMMDDHHmm`. */
  readonly time: string;
  readonly fetch: FetchLike;
  /** Time allowed per attempt, headers and body, in ms. */
  readonly timeoutMs: number;
  /** Extra attempts after a network failure, timeout or server error. */
  readonly retries: number;
  /** Wait before the first retry, in ms; doubled each time. */
  readonly retryDelayMs: number;
  /** Progress lines for `--verbose`. */
  readonly log: (line: string) => void;
  /** Called before each HTTP request. */
  readonly onRequest: () => void;
}

function tooLarge(): FeedError {
  return new FeedError(
    'badResponse',
    `KMA API Hub sent more than ${megabytes(SFCTM2_MAX_LENGTH)}; an hour of every station is about 30 kB`,
    'Check WEATHER_STRIP_APIHUB_URL if you set it: it should be kma_sfctm2.php, which answers one hour',
  );
}

/**
 * Fetches one hour of observations as text, retrying network failures, timeouts and server
 * errors with a doubling delay. Throws a `FeedError` for anything that is not observations.
 */
export function fetchObservations(options: ApihubFetchOptions): Promise<string> {
  const url = requestUrl(options.baseUrl, options.time, options.authKey);
  return withRetries(options, async () => {
    options.onRequest();
    let status: number;
    let body: Uint8Array | undefined;
    let charset: string | undefined;
    try {
      const response = await options.fetch(url.href, {
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { accept: 'text/plain, */*' },
      });
      status = response.status;
      charset = /charset=([^;]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
      body = await readBody(response, SFCTM2_MAX_LENGTH);
    } catch (error) {
      const { timeoutMs } = options;
      throw networkError(error, {
        timeoutMs,
        url: url.href,
        source: 'KMA API Hub',
        service: 'apihub.kma.go.kr',
      });
    }
    if (body === undefined) throw tooLarge();
    const text = decodeKmaBytes(body, charset);
    const problem = classifyResponse(text, status);
    if (!problem) return text;
    // Only a server error may pass; a rejected key or a used-up limit will not.
    const passing = status >= 500 && problem.kind !== 'auth' && problem.kind !== 'rateLimit';
    throw passing ? new FeedError(problem.kind, problem.reason, problem.fix, true) : problem;
  });
}
