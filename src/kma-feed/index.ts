/**
 * The feed core: from settings to a weather feed, for any shell (the feed command, an HTTP
 * handler). No Lit, no DOM, no `node:` module; `fetch` is injected.
 *
 *   const stations = resolveStations(list);                  // `--stations`, `@` sets
 *   const source = createSource('datagokr', { key, fetch });  // or 'apihub'
 *   const reading = await source.fetch({ stations, now: new Date() });
 *   const { text } = feedFromReading(reading, stations, { allowPartial: false, warn });
 */
export { EXIT, FeedError, type ExitCode, type FeedErrorKind } from './errors.js';
export {
  INPUT_MAX_BYTES,
  SOURCE_NAMES,
  type InputFile,
  type SavedInput,
  type Source,
  type SourceName,
  type SourceQuery,
  type SourceReading,
  type SourceSettings,
  type StationWeather,
} from './source.js';
export { SOURCE_ENV, SOURCE_VARIABLES, STATIONS_ENV, createSource, isSourceName } from './sources.js';
export {
  DEFAULT_STATION_QUERY,
  STATION_SET_NAMES,
  StationQueryError,
  resolveStations,
  type ResolvedStation,
} from './station-query.js';
export {
  buildFeed,
  feedFromReading,
  serializeFeed,
  type FeedOptions,
  type FinishedFeed,
  type OutputFeed,
} from './feed.js';
export {
  DATAGOKR_CRON,
  DATAGOKR_DAILY_QUOTA,
  maxGridPoints,
  redactServiceKey,
  requestsPerRun,
} from './datagokr.js';
export { APIHUB_CRON, PUBLISHED_AT_MINUTE, nextPublication, publishedHour } from './publication.js';
export { describeKst, isKstTime } from './time.js';
export type { FetchLike } from './http.js';
