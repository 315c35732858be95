/**
 * A source of weather for the feed: one KMA portal behind one interface, so that every shell (the
 * feed command, an HTTP handler) builds the feed the same way, whichever portal it reads.
 */
import type { FetchLike } from './http.js';
import type { ResolvedStation } from './station-query.js';

/** The portals a feed can be read from. */
export const SOURCE_NAMES = ['apihub', 'datagokr'] as const;

/** A portal: `apihub` (KMA API Hub) or `datagokr` (data.go.kr's 기상청 단기예보 service). */
export type SourceName = (typeof SOURCE_NAMES)[number];

/** What a source is asked for. */
export interface SourceQuery {
  /** The stations, as `resolveStations` gives them. */
  readonly stations: readonly ResolvedStation[];
  /** The hour, KST `YYYYMMDDHHmm`; without it, the latest published (each source falls back on its own). */
  readonly time?: string;
  /** The current time: picks the latest hour. */
  readonly now: Date;
}

/** One station's weather at the hour. */
export interface StationWeather {
  /** KMA's Korean sky label (`흐림`, `빗방울`), or `null` when the source says nothing of the sky. */
  readonly sky: string | null;
  /** Air temperature in °C, or `null` when missing. */
  readonly temp: number | null;
}

/** What a source read. */
export interface SourceReading {
  /** The hour the weather is of, KST `YYYYMMDDHHmm`: the feed's `observedAt`. */
  readonly hour: string;
  /** Who answered, for messages: `KMA API Hub`, `data.go.kr`, or the saved input's name. */
  readonly label: string;
  /** HTTP requests made to the portal, retries and pages included (0 for saved input). */
  readonly requests: number;
  /** The weather of each station the source had data for, by ASOS number. */
  readonly weather: ReadonlyMap<number, StationWeather>;
  /** Why a station has no data, by ASOS number, where the source said. */
  readonly gaps: ReadonlyMap<number, string>;
}

/** One file a shell has read for saved input, as bytes (a saved API Hub answer may be EUC-KR). */
export interface InputFile {
  /** Its name, as messages give it (a path, or `standard input`). */
  readonly name: string;
  /** Its bytes; more than `INPUT_MAX_BYTES` of them means the file is too large. */
  readonly bytes: Uint8Array;
}

/** Saved answers: what `--input` named, and the files read from it. */
export interface SavedInput {
  /** What was given: a file, a folder, `standard input`. */
  readonly name: string;
  readonly files: readonly InputFile[];
}

/**
 * The most bytes a saved file is read up to (an hour of every station from API Hub is about
 * 30 kB, a data.go.kr answer 10 kB): a shell reads one byte more to know a file is too large.
 */
export const INPUT_MAX_BYTES = 8 * 1024 * 1024;

/** A portal, ready to read. */
export interface Source {
  readonly name: SourceName;
  /** Who answers, for messages: `KMA API Hub`, `data.go.kr`. */
  readonly label: string;
  /** Fetches the stations' weather at the hour asked for, or the latest published. */
  fetch(query: SourceQuery): Promise<SourceReading>;
  /** Reads the stations' weather from saved answers, at the hour asked for or the latest they hold. */
  read(input: SavedInput, query: SourceQuery): Promise<SourceReading>;
}

/** How a source reaches its portal. Every shell fills this from its own settings. */
export interface SourceSettings {
  /** The API Hub `authKey` or the data.go.kr `serviceKey` (either form); only `fetch` needs it. */
  readonly key?: string;
  /** Replaces the portal's address (`WEATHER_STRIP_APIHUB_URL`, `WEATHER_STRIP_DATAGOKR_URL`). */
  readonly baseUrl?: string;
  readonly fetch: FetchLike;
  /** Time allowed per request, in ms (default 20 000). */
  readonly timeoutMs?: number;
  /** Extra attempts after a network failure, a timeout or a server error (default 2). */
  readonly retries?: number;
  /** Wait before the first retry, in ms, doubled each time (default 2000). */
  readonly retryDelayMs?: number;
  /** Requests under way at once, where a source makes several (default 4). */
  readonly concurrency?: number;
  /** Progress lines (`--verbose`). */
  readonly log?: (line: string) => void;
  /** Called before each HTTP request: counts the requests of a run that fails, too. */
  readonly onRequest?: () => void;
}

/** The defaults of `SourceSettings`. */
export const SOURCE_DEFAULTS = { timeoutMs: 20_000, retries: 2, retryDelayMs: 2000, concurrency: 4 } as const;
