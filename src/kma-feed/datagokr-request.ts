/**
 * Requests to data.go.kr's 기상청 단기예보 service (VilageFcstInfoService_2.0): the service key,
 * request URLs, base times and the daily quota. Web APIs only, so that it runs in Workers too.
 */
import { FeedError } from './errors.js';
import { latestHour, shiftHours } from './time.js';

/** The two operations the feed reads: 초단기실황 and 초단기예보. */
export const DATAGOKR_OPERATIONS = ['getUltraSrtNcst', 'getUltraSrtFcst'] as const;

/** An operation of the service. */
export type DatagokrOperation = (typeof DATAGOKR_OPERATIONS)[number];

/** The service's base address; the operation name follows it. */
export const DEFAULT_DATAGOKR_URL = 'https://apis.data.go.kr/1360000/VilageFcstInfoService_2.0';
/** Environment variable that replaces the base address (a proxy, a mirror, a test server). */
export const DATAGOKR_URL_ENV = 'WEATHER_STRIP_DATAGOKR_URL';
/** Environment variable holding the data.go.kr service key. */
export const SERVICE_KEY_ENV = 'WEATHER_STRIP_SERVICE_KEY';

/**
 * Rows asked for per page: 실황 has 8 categories for its one hour; 예보 has 10 categories × 6
 * hours. The gateway's default is 10, which would cut the forecast short.
 */
export const ROWS_PER_PAGE: Readonly<Record<DatagokrOperation, number>> = {
  getUltraSrtNcst: 10,
  getUltraSrtFcst: 60,
};

/**
 * Minute of the hour from which each operation's latest base time is published, per KMA's
 * guide: 실황 (base_time HH00) at about HH:40, 예보 (base_time HH30) at about HH:45.
 */
export const PUBLISHED_AT_MINUTE: Readonly<Record<DatagokrOperation, number>> = {
  getUltraSrtNcst: 40,
  getUltraSrtFcst: 45,
};

// ---------------------------------------------------------------------------------------------
// Service key

const ESCAPE = /%[0-9A-Fa-f]{2}/;

/**
 * The key in data.go.kr's "Decoding" form. The portal shows an "Encoding" key (already
 * percent-encoded: `…%2B…%3D%3D`) and a "Decoding" key (`…+…==`); either is accepted, and an
 * encoded one is decoded once. A key encoded twice (`%252B`) stays encoded once after this, and
 * the gateway will refuse it, as it refuses it from any client.
 */
export function normalizeServiceKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed === '') {
    throw new FeedError(
      'usage',
      'The data.go.kr service key is empty',
      `Give --service-key KEY or set ${SERVICE_KEY_ENV} (the 일반 인증키 of your data.go.kr account)`,
    );
  }
  if (!ESCAPE.test(trimmed)) return trimmed;
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return trimmed;
  }
}

/** Whether a normalised key still looks percent-encoded: it was encoded twice. */
export function looksEncodedTwice(normalizedKey: string): boolean {
  return ESCAPE.test(normalizedKey);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes a key from a text in every form it can take there: as given, decoded, encoded once or
 * twice (hex digits in either case), and any `serviceKey=` (data.go.kr) or `authKey=` (API Hub)
 * query value.
 */
export function redactServiceKey(text: string, key: string | undefined): string {
  let out = text.replace(/((?:serviceKey|authKey)=)[^&\s"'<>]*/gi, '$1***');
  if (!key) return out;
  const forms = new Set<string>();
  for (const raw of [key.trim(), normalizeKeyQuietly(key)]) {
    if (raw === '') continue;
    const once = encodeURIComponent(raw);
    forms.add(raw).add(once).add(encodeURIComponent(once));
  }
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escapeRegExp(form), 'gi'), '***');
  }
  return out;
}

function normalizeKeyQuietly(key: string): string {
  try {
    return normalizeServiceKey(key);
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// Request URLs

/** The query of one request, besides the key. */
export interface DatagokrQuery {
  /** `YYYYMMDD`, KST. */
  readonly baseDate: string;
  /** `HHmm`, KST: `HH00` for 실황, `HH30` for 예보. */
  readonly baseTime: string;
  /** Forecast grid column. */
  readonly nx: number;
  /** Forecast grid row. */
  readonly ny: number;
  /** 1-based page. */
  readonly pageNo: number;
  /** Rows per page. */
  readonly numOfRows: number;
}

/** Checks an address override: an absolute http(s) URL without a query. */
export function checkBaseUrl(base: string): string {
  let url: URL;
  try {
    url = new URL(base.trim());
  } catch {
    throw new FeedError(
      'usage',
      `${DATAGOKR_URL_ENV} is not a URL`,
      `Set it to ${DEFAULT_DATAGOKR_URL}, or unset it`,
    );
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '') {
    throw new FeedError(
      'usage',
      `${DATAGOKR_URL_ENV} must be an http(s) address without a query`,
      `Set it to the service's base address, as ${DEFAULT_DATAGOKR_URL}`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * The request URL. Built by hand: `URLSearchParams` would encode the `%` of an encoded key
 * again. The key is sent percent-encoded exactly once (`+` → `%2B`, `/` → `%2F`, `=` → `%3D`),
 * which is the portal's "Encoding" form.
 */
export function requestUrl(
  base: string,
  operation: DatagokrOperation,
  normalizedKey: string,
  query: DatagokrQuery,
): string {
  const params = [
    `serviceKey=${encodeURIComponent(normalizedKey)}`,
    `pageNo=${query.pageNo}`,
    `numOfRows=${query.numOfRows}`,
    'dataType=JSON',
    `base_date=${query.baseDate}`,
    `base_time=${query.baseTime}`,
    `nx=${query.nx}`,
    `ny=${query.ny}`,
  ];
  return `${base.replace(/\/+$/, '')}/${operation}?${params.join('&')}`;
}

// ---------------------------------------------------------------------------------------------
// Base times (KST, `YYYYMMDDHHmm`)

/** The latest base time of an operation published at `now`: this hour's, or the hour before's. */
export function latestBaseTime(operation: DatagokrOperation, now: Date): string {
  const hour = latestHour(now);
  // KST is a whole number of hours ahead of UTC: the minutes are the same.
  const minute = now.getUTCMinutes();
  const base = operation === 'getUltraSrtNcst' ? hour : hour.slice(0, 10) + '30';
  return minute >= PUBLISHED_AT_MINUTE[operation] ? base : shiftHours(base, -1);
}

/**
 * The forecast base times to try for the sky of an observation hour, newest first.
 *
 * The sky is the forecast `SKY` at the hour after the observation (`fcstTime` = hour + 1 h):
 * 실황 has no sky, and a forecast issued at HH30 starts at the next full hour, so the forecast
 * issued just after the observation (HH30) and the one before it ((HH−1)30) both hold hour + 1,
 * while only the older one holds the observation hour itself. Taking hour + 1 lets either
 * answer, so a forecast not yet out costs one fallback instead of a failure. When `now` says
 * HH30 is not out yet (before HH:45), it is not asked for.
 */
export function forecastBaseTimes(observationHour: string, now?: Date): string[] {
  const issuedAfter = observationHour.slice(0, 10) + '30';
  const issuedBefore = shiftHours(issuedAfter, -1);
  // Same-length digit strings compare as times.
  if (now !== undefined && issuedAfter > latestBaseTime('getUltraSrtFcst', now)) return [issuedBefore];
  return [issuedAfter, issuedBefore];
}

/** `YYYYMMDDHHmm` → the request's `base_date` and `base_time`. */
export function splitBase(time: string): { baseDate: string; baseTime: string } {
  return { baseDate: time.slice(0, 8), baseTime: time.slice(8, 12) };
}

// ---------------------------------------------------------------------------------------------
// The daily quota

/** Requests a development account may make per operation per day. */
export const DATAGOKR_DAILY_QUOTA = 10_000;

/**
 * Requests one run makes per operation, at most: one per distinct grid point, plus one when the
 * latest base time is not out yet (the fallback is tried on the first grid point only; the
 * others use the base time it found). Pages beyond the first are not needed with
 * `ROWS_PER_PAGE`.
 */
export function requestsPerRun(gridPoints: number): number {
  return gridPoints + 1;
}

/** The most distinct grid points a schedule of `runsPerDay` runs fits in the daily quota. */
export function maxGridPoints(runsPerDay: number): number {
  return Math.floor(DATAGOKR_DAILY_QUOTA / runsPerDay) - 1;
}

/**
 * The schedule that fits: once an hour at minute 50, after both the 실황 (HH:40) and the 예보
 * (HH:45) of the hour are out. For the 16 default stations (16 distinct grid points) that is
 * 24 × 17 = 408 requests per operation a day, 4% of the 10,000; hourly runs fit up to
 * `maxGridPoints(24)` = 415 grid points, and runs every 10 minutes (144 a day, though the data
 * changes hourly) up to 68.
 */
export const DATAGOKR_CRON = '50 * * * *';
