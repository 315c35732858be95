/**
 * data.go.kr's result codes for the 기상청 단기예보 service, as published in KMA's OpenAPI guide
 * for it (the table is quoted at https://florescene.tistory.com/192 and
 * https://malgleam.hexdocs.pm/1.0.0/malgleam/error.html), each with what it means for the feed,
 * its fix and the command's exit code. Exit codes follow API Hub's: a key problem is 3, the
 * request limit 4, no answer 5, an HTTP failure 6, no data 7, any other service error 9.
 */
import { FeedError, type FeedErrorKind } from './errors.js';

/** A failure of one request to data.go.kr, with the gateway's result code when it gave one. */
export class DatagokrError extends FeedError {
  override name = 'DatagokrError';

  constructor(
    kind: FeedErrorKind,
    reason: string,
    fix: string,
    retryable = false,
    /** The gateway's result code, when it gave one (`03` is NO_DATA). */
    readonly resultCode?: string,
  ) {
    super(kind, reason, fix, retryable);
  }
}

/** What a result code means for the feed. */
export interface ResultCode {
  /** The guide's name for it. */
  readonly name: string;
  /** The kind of failure it is (the command's exit code follows from it). */
  readonly kind: FeedErrorKind;
  /** Worth another attempt after a wait. */
  readonly retry: boolean;
  /** What went wrong, in words that follow "data.go.kr: ". */
  readonly reason: string;
  /** What to do about it. */
  readonly fix: string;
}

/** How to give the key, for every key problem. */
export const KEY_FIX =
  'Use the 일반 인증키 of your data.go.kr account, the Encoding or the Decoding form exactly as the portal shows it, in --service-key or WEATHER_STRIP_SERVICE_KEY';

const code = (
  name: string,
  kind: FeedErrorKind,
  retry: boolean,
  reason: string,
  fix: string,
): ResultCode => ({
  name,
  kind,
  retry,
  reason,
  fix,
});

/** Every result code but 00 (NORMAL_SERVICE). */
export const RESULT_CODES: Readonly<Record<string, ResultCode>> = {
  '01': code(
    'APPLICATION_ERROR',
    'badResponse',
    false,
    'the service failed to answer',
    'Try again later; if it persists, check --time (the service keeps only about the last day)',
  ),
  '02': code('DB_ERROR', 'badResponse', true, 'the service had a database error', 'Try again later'),
  '03': code(
    'NODATA_ERROR',
    'empty',
    false,
    'there is no data for that hour',
    'KMA may not have published it yet, or it is older than the service keeps (about a day): try again later, or choose a recent hour with --time',
  ),
  '04': code('HTTP_ERROR', 'http', true, "the gateway could not reach KMA's server", 'Try again later'),
  '05': code(
    'SERVICETIME_OUT',
    'network',
    true,
    "KMA's server did not answer the gateway in time",
    'Try again later, or allow more time with --timeout',
  ),
  '10': code(
    'INVALID_REQUEST_PARAMETER_ERROR',
    'badResponse',
    false,
    'the service refused a request parameter',
    'Check --time and the stations; if they are right, please report this bug',
  ),
  '11': code(
    'NO_MANDATORY_REQUEST_PARAMETERS_ERROR',
    'badResponse',
    false,
    'the service missed a mandatory parameter',
    'Check WEATHER_STRIP_DATAGOKR_URL if you set it; otherwise please report this bug',
  ),
  '12': code(
    'NO_OPENAPI_SERVICE_ERROR',
    'badResponse',
    false,
    'no such service (or it was retired)',
    'Check WEATHER_STRIP_DATAGOKR_URL: it must end in /1360000/VilageFcstInfoService_2.0',
  ),
  '20': code(
    'SERVICE_ACCESS_DENIED_ERROR',
    'auth',
    false,
    'the key has no access to this service',
    'Apply for 기상청_단기예보 조회서비스 (활용신청) with this key at data.go.kr and wait for approval',
  ),
  '21': code(
    'TEMPORARILY_DISABLE_THE_SERVICEKEY_ERROR',
    'auth',
    false,
    'the key is temporarily disabled',
    'Check the key at data.go.kr (마이페이지), then try again later',
  ),
  '22': code(
    'LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR',
    'rateLimit',
    false,
    "the key's daily request limit is used up",
    'Run less often (once an hour at minute 50 is enough) or for fewer stations, or wait until midnight KST',
  ),
  '30': code(
    'SERVICE_KEY_IS_NOT_REGISTERED_ERROR',
    'auth',
    false,
    'the service key is not registered',
    `${KEY_FIX}; a newly issued key can take an hour or two to work`,
  ),
  '31': code(
    'DEADLINE_HAS_EXPIRED_ERROR',
    'auth',
    false,
    "the key's period of use has ended",
    'Extend the period of use (활용기간 연장) at data.go.kr',
  ),
  '32': code(
    'UNREGISTERED_IP_ERROR',
    'auth',
    false,
    "this server's IP address is not registered for the key",
    "Register the server's IP address for the key at data.go.kr",
  ),
  '33': code('UNSIGNED_CALL_ERROR', 'auth', false, 'the call is not signed as the key requires', KEY_FIX),
  '99': code(
    'UNKNOWN_ERROR',
    'badResponse',
    false,
    'the service reported an unknown error',
    'Try again later',
  ),
};

/** The hint for a key that still holds `%XX` after decoding once. */
export const KEY_ENCODED_TWICE_FIX =
  'The key looks URL-encoded twice (it still holds %XX after decoding once): paste it exactly as the portal shows it';

/** Names as gateways write them, including ones outside the guide's table. */
const ALIASES: Readonly<Record<string, string>> = {
  NO_DATA: '03',
  LIMITED_NUMBER_OF_SERVICE_REQUESTS_PER_SECOND_EXCEEDS_ERROR: '22',
};

/** The code a gateway's words name (`SERVICE KEY IS NOT REGISTERED ERROR.` included), if any. */
export function codeNamed(words: string): string | undefined {
  const normal = words.toUpperCase().replace(/[\s.]+/g, '_');
  for (const [number, known] of Object.entries(RESULT_CODES)) if (normal.includes(known.name)) return number;
  for (const [name, number] of Object.entries(ALIASES)) if (normal.includes(name)) return number;
  return undefined;
}
