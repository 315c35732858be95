/**
 * The data.go.kr source of the feed: 초단기실황 (`T1H`, `PTY`) and 초단기예보 (`SKY`) at each
 * distinct forecast grid point, fetched with a concurrency limit and retries. `fetch` is
 * injected, so that the same code runs in Node, in Workers and over saved answers.
 */
import { FeedError } from './errors.js';
import {
  DEFAULT_DATAGOKR_URL,
  ROWS_PER_PAGE,
  checkBaseUrl,
  forecastBaseTimes,
  latestBaseTime,
  looksEncodedTwice,
  normalizeServiceKey,
  redactServiceKey,
  requestUrl,
  splitBase,
  type DatagokrOperation,
} from './datagokr-request.js';
import { describeKst, isKstTime, shiftHours } from './time.js';
import {
  numericValue,
  skyLabel,
  valueOf,
  type AnswerContext,
  type DatagokrItem,
} from './datagokr-response.js';
import { eachLimited, fetchPage, isGlobal, isNoData, redactError } from './datagokr-fetch.js';
import type { GridPoint } from './grid.js';
import type { FetchLike } from './http.js';

export type { FetchLike } from './http.js';
export type { GridPoint } from './grid.js';
// The rest of the source's public API, so that one import serves the command and the edge handler.
export {
  DATAGOKR_CRON,
  DATAGOKR_DAILY_QUOTA,
  DATAGOKR_URL_ENV,
  DEFAULT_DATAGOKR_URL,
  SERVICE_KEY_ENV,
  maxGridPoints,
  normalizeServiceKey,
  redactServiceKey,
  requestsPerRun,
} from './datagokr-request.js';
export { DatagokrError, RESULT_CODES } from './datagokr-codes.js';

/** The key of a grid point in `DatagokrResult.points`: `"60,127"`. */
export const gridKey = (point: GridPoint): string => `${point.nx},${point.ny}`;

/** The weather at one grid point. */
export interface GridWeather extends GridPoint {
  /** The 실황 hour, KST `YYYYMMDDHHmm` (a feed's `observedAt`). */
  readonly hour: string;
  /** `T1H` in °C; `null` when missing. */
  readonly temp: number | null;
  /** KMA's Korean label: a `PTY` precipitation type, else the next hour's `SKY`; `null` when missing. */
  readonly sky: string | null;
  /** Why `temp` or `sky` is `null`, when the service said. */
  readonly problem?: string;
}

/** A run's outcome. */
export interface DatagokrResult {
  /** The 실황 hour, KST `YYYYMMDDHHmm`. */
  readonly hour: string;
  /** The 초단기예보 base time the sky came from, KST `YYYYMMDDHHmm`. */
  readonly forecastBase: string;
  /** One entry per distinct grid point, in the order first given, keyed by `gridKey`. */
  readonly points: ReadonlyMap<string, GridWeather>;
  /** HTTP requests made (retries and pages included): what counts against the daily quota. */
  readonly requests: number;
}

/** How to fetch. */
export interface DatagokrOptions {
  /** Grid points; repeats are fetched once. */
  readonly points: readonly GridPoint[];
  /** The service key, in either form data.go.kr shows; never printed. */
  readonly serviceKey: string;
  /** `…/1360000/VilageFcstInfoService_2.0` (default) or a replacement. */
  readonly baseUrl?: string;
  /** The hour to read, KST `YYYYMMDDHHmm` (`--time`); without it, the latest published. */
  readonly time?: string;
  /** The current time: picks the latest hour and skips base times not out yet. */
  readonly now?: Date;
  readonly fetch: FetchLike;
  /** Requests under way at once (default 4). */
  readonly concurrency?: number;
  /** Time allowed per attempt, in ms (default 20 000). */
  readonly timeoutMs?: number;
  /** Extra attempts after a network failure, a timeout or a server error (default 2). */
  readonly retries?: number;
  /** Wait before the first retry, in ms, doubled each time (default 2000). */
  readonly retryDelayMs?: number;
  /** Rows per page, per operation (default `ROWS_PER_PAGE`). */
  readonly numOfRows?: Partial<Record<DatagokrOperation, number>>;
  /** Who answers, in messages (default `data.go.kr`). */
  readonly source?: string;
  /** Progress lines (`--verbose`); keys are already removed. */
  readonly log?: (line: string) => void;
  /** Called before each HTTP request with its address, key removed: counts a failed run's requests too. */
  readonly onRequest?: (url: string) => void;
}

const NAMES: Record<DatagokrOperation, string> = {
  getUltraSrtNcst: '초단기실황',
  getUltraSrtFcst: '초단기예보',
};

/**
 * Fetches the weather at every distinct grid point: the latest 실황 (or `time`'s) and the SKY of
 * the hour after it. The first grid point finds the base times, falling back one hour on
 * NO_DATA; the others then use them. Throws a `FeedError` for a failure of the whole run (key,
 * quota, network, HTTP, no data); a grid point the service has no data for gets `null`s and
 * a `problem`.
 */
export async function fetchDatagokrWeather(options: DatagokrOptions): Promise<DatagokrResult> {
  const key = normalizeServiceKey(options.serviceKey);
  const secret = options.serviceKey;
  const base = checkBaseUrl(options.baseUrl ?? DEFAULT_DATAGOKR_URL);
  const source = options.source ?? 'data.go.kr';
  const log = (line: string) => options.log?.(redactServiceKey(line, secret));
  const rows = { ...ROWS_PER_PAGE, ...options.numOfRows };
  const seen = new Map<string, GridPoint>();
  for (const point of options.points)
    if (!seen.has(gridKey(point))) seen.set(gridKey(point), { nx: point.nx, ny: point.ny });
  const points = [...seen.values()];
  if (points.length === 0) throw new FeedError('usage', 'No stations to fetch', 'Give at least one station');
  if (options.time !== undefined && !isKstTime(options.time)) {
    throw new FeedError(
      'usage',
      `--time must be YYYYMMDDHHmm in KST, as 202508011500, not "${options.time}"`,
      'Give a real hour',
    );
  }
  if (options.time === undefined && options.now === undefined) {
    throw new FeedError(
      'internal',
      'Neither a time nor the current time was given',
      'Please report this bug',
    );
  }
  let requests = 0;

  const transport = {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 20_000,
    retries: options.retries ?? 2,
    retryDelayMs: options.retryDelayMs ?? 2000,
    source,
    log,
    onRequest: (url: string) => {
      requests++;
      options.onRequest?.(redactServiceKey(url, secret));
    },
  };

  /** Every page of one answer, until `enough` holds or the rows run out. */
  async function answer(
    operation: DatagokrOperation,
    time: string,
    point: GridPoint,
    enough: (items: DatagokrItem[]) => boolean,
  ) {
    const ctx: AnswerContext = {
      what: `${NAMES[operation]} (${operation}) of ${describeKst(time)} at grid ${gridKey(point)}`,
      source,
      keyEncodedTwice: looksEncodedTwice(key),
    };
    const items: DatagokrItem[] = [];
    for (let pageNo = 1; ; pageNo++) {
      const url = requestUrl(base, operation, key, {
        ...splitBase(time),
        ...point,
        pageNo,
        numOfRows: rows[operation],
      });
      const got = await fetchPage(url, ctx, transport);
      items.push(...got.items);
      if (enough(items) || got.items.length === 0 || items.length >= got.totalCount) return items;
    }
  }

  const observe = (hour: string, point: GridPoint) =>
    answer(
      'getUltraSrtNcst',
      hour,
      point,
      (items) => valueOf(items, 'T1H') !== undefined && valueOf(items, 'PTY') !== undefined,
    );
  const forecast = (baseTime: string, hour: string, point: GridPoint) =>
    answer(
      'getUltraSrtFcst',
      baseTime,
      point,
      (items) => valueOf(items, 'SKY', shiftHours(hour, 1)) !== undefined,
    );

  /** The first base time among `times` that has data, with its items. */
  async function probe(times: readonly string[], fetchAt: (time: string) => Promise<DatagokrItem[]>) {
    for (const [i, time] of times.entries()) {
      try {
        return { time, items: await fetchAt(time) };
      } catch (error) {
        if (!isNoData(error) || i === times.length - 1) throw error;
        log(`no data for ${describeKst(time)} yet; trying ${describeKst(times[i + 1]!)}`);
      }
    }
    throw new Error('probe() needs at least one base time');
  }

  const weather = (
    point: GridPoint,
    hour: string,
    observed: DatagokrItem[] | FeedError,
    forecasted: DatagokrItem[] | FeedError,
  ): GridWeather => {
    const obs = Array.isArray(observed) ? observed : [];
    const fcst = Array.isArray(forecasted) ? forecasted : [];
    const sky = skyLabel(valueOf(obs, 'PTY'), valueOf(fcst, 'SKY', shiftHours(hour, 1)));
    const temp = numericValue(valueOf(obs, 'T1H'));
    const problems = [observed, forecasted]
      .filter((x): x is FeedError => x instanceof FeedError)
      .map((e) => e.reason);
    if (temp === null && problems.length === 0) problems.push(`T1H missing at grid ${gridKey(point)}`);
    if (sky === null && problems.length === 0) problems.push(`no PTY or SKY at grid ${gridKey(point)}`);
    return { ...point, hour, temp, sky, ...(problems.length > 0 ? { problem: problems.join('; ') } : {}) };
  };

  try {
    const [first, ...rest] = points as [GridPoint, ...GridPoint[]];
    // `--time` names an hour; 실황 base times are on the hour.
    const latest =
      options.time !== undefined
        ? `${options.time.slice(0, 10)}00`
        : latestBaseTime('getUltraSrtNcst', options.now!);
    // A chosen hour is not moved; the latest may not be out yet, then the hour before.
    const hours = options.time === undefined ? [latest, shiftHours(latest, -1)] : [latest];
    const observed = await probe(hours, (hour) => observe(hour, first));
    const hour = observed.time;
    const forecasted = await probe(forecastBaseTimes(hour, options.now), (time) =>
      forecast(time, hour, first),
    );
    const results = new Map<string, GridWeather>([
      [gridKey(first), weather(first, hour, observed.items, forecasted.items)],
    ]);
    for (const point of rest) results.set(gridKey(point), { ...point, hour, temp: null, sky: null });
    const local = async <T>(work: Promise<T>): Promise<T | FeedError> => {
      try {
        return await work;
      } catch (error) {
        if (error instanceof FeedError && !isGlobal(error)) return redactError(error, secret);
        throw error;
      }
    };
    await eachLimited(rest, options.concurrency ?? 4, async (point) => {
      const obs = await local(observe(hour, point));
      const fcst = await local(forecast(forecasted.time, hour, point));
      results.set(gridKey(point), weather(point, hour, obs, fcst));
    });
    return { hour, forecastBase: forecasted.time, points: results, requests };
  } catch (error) {
    if (error instanceof FeedError) throw redactError(error, secret);
    throw error;
  }
}
