import { CliError, EXIT } from './errors.js';
import { decodeKmaBytes } from './sfctm2.js';

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

const KEY_ERRORS =
  /SERVICE_KEY_IS_NOT_REGISTERED_ERROR|SERVICE_ACCESS_DENIED_ERROR|DEADLINE_HAS_EXPIRED_ERROR|UNREGISTERED_IP_ERROR|UNREGISTERED_DOMAIN_ERROR|INVALID_AUTH_?KEY/i;
const LIMIT_ERRORS = /LIMITED_NUMBER_OF_SERVICE_REQUESTS(?:_PER_SECOND)?_EXCEEDS?_ERROR/i;

/** A gateway's own words: `returnAuthMsg`/`errMsg` of its XML or JSON error body. */
function gatewayMessage(text: string): string {
  const pick = (tag: string): string | undefined =>
    new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>|"${tag}"\\s*:\\s*"([^"]*)"`)
      .exec(text)
      ?.slice(1)
      .find(Boolean);
  const parts = [pick('returnAuthMsg'), pick('errMsg'), pick('message')].filter(
    (part, i, all): part is string => part !== undefined && part !== '' && all.indexOf(part) === i,
  );
  return parts.join(', ').slice(0, 160);
}

function htmlTitle(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.replace(/\s+/g, ' ').trim();
  return title ? `, "${title.slice(0, 80)}"` : '';
}

/**
 * Recognises an answer that is not observations: an empty body, a gateway error (XML or JSON),
 * an HTML page, an HTTP error. Returns the error to report, or `undefined` for text the
 * `kma_sfctm2` parser should read.
 */
export function classifyResponse(text: string, status: number): CliError | undefined {
  const body = text.trim();
  const said = gatewayMessage(body);
  const quoted = said ? ` (${said})` : '';
  if (KEY_ERRORS.test(body) || ((status === 401 || status === 403) && !LIMIT_ERRORS.test(body))) {
    return new CliError(
      EXIT.auth,
      `KMA API Hub rejected the API key${quoted || ` (HTTP ${status})`}`,
      'Check --auth-key (or WEATHER_STRIP_AUTH_KEY) against your key at apihub.kma.go.kr and that it is approved for kma_sfctm2',
    );
  }
  if (LIMIT_ERRORS.test(body) || status === 429) {
    return new CliError(
      EXIT.rateLimit,
      `KMA API Hub refused the request: the key's request limit is used up${quoted || ` (HTTP ${status})`}`,
      'Run less often (once an hour is enough) or wait until the limit resets',
    );
  }
  if (/^(?:<!doctype\s+html|<html)|<\/?(?:html|body|head)[\s>]/i.test(body)) {
    return new CliError(
      EXIT.http,
      `KMA API Hub sent an HTML page instead of observations (HTTP ${status}${htmlTitle(body)})`,
      'The service may be down or the address wrong; try again later, and check WEATHER_STRIP_APIHUB_URL if you set it',
    );
  }
  if (status < 200 || status >= 300) {
    return new CliError(
      EXIT.http,
      `KMA API Hub answered HTTP ${status}${quoted}`,
      'Try again later; if it persists, check the service status at apihub.kma.go.kr',
    );
  }
  if (body === '') {
    return new CliError(
      EXIT.empty,
      'KMA API Hub sent an empty response',
      'Check that the key is approved for kma_sfctm2 at apihub.kma.go.kr, then try again later',
    );
  }
  if (/^(?:<\?xml|<OpenAPI_ServiceResponse|\{)/i.test(body)) {
    return new CliError(
      EXIT.badResponse,
      `KMA API Hub sent an error instead of observations${quoted}`,
      'Check the request options; if they are right, try again later',
    );
  }
  return undefined;
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
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { accept: 'text/plain, */*' },
      });
      status = response.status;
      const charset = /charset=([^;]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
      text = decodeKmaBytes(new Uint8Array(await response.arrayBuffer()), charset);
    } catch (error) {
      lastError = networkError(error, options.timeoutMs, url.host);
      options.log?.(lastError.reason);
      continue;
    }
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
