import { SKY_LABELS } from '../kma/sky.js';
import { STATIONS, findStation, parseStationList } from '../kma/stations.js';
import type { WeatherFeed } from '../feed/weather-feed.js';
import { observedSky } from './present-weather.js';
import type { Observation } from './sfctm2.js';

/** A station the command is asked for: an ASOS number and the name the feed gives it. */
export interface WantedStation {
  /** KMA ASOS station number. */
  readonly id: number;
  /** Korean name written into the feed. */
  readonly name: string;
}

/** The built-in 16 stations, in the reference page's order. */
export const DEFAULT_STATIONS: readonly WantedStation[] = STATIONS.map(({ id, ko }) => ({ id, name: ko }));

/**
 * Reads a `--stations` list: built-in ids or names (`108,부산,Jeju`), or `id=name` for a
 * station outside the built-in table (`90=속초`). Throws a `RangeError` naming a bad key.
 */
export function parseWantedStations(list: string): WantedStation[] {
  const wanted: WantedStation[] = [];
  for (const key of parseStationList(list)) {
    const known = findStation(key);
    const custom = /^(\d{1,5})\s*[=:]\s*(.+)$/.exec(key);
    let station: WantedStation;
    if (known) station = { id: known.id, name: known.ko };
    else if (custom && Number(custom[1]) > 0) station = { id: Number(custom[1]), name: custom[2]!.trim() };
    else if (/^\d+$/.test(key)) {
      throw new RangeError(`station ${key} is not in the built-in table; give its name too, as ${key}=이름`);
    } else throw new RangeError(`unknown station "${key}"; use its ASOS number, as 108 or 90=속초`);
    if (!wanted.some((w) => w.id === station.id)) wanted.push(station);
  }
  if (wanted.length === 0) throw new RangeError('the station list is empty');
  return wanted;
}

/** `YYYYMMDDHHmm` (KST) → ISO 8601 with the +09:00 offset. */
export function kstToIso(time: string): string {
  const [, y, mo, d, h, mi] = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(time) ?? [];
  if (y === undefined) throw new RangeError(`not a YYYYMMDDHHmm time: ${time}`);
  return `${y}-${mo}-${d}T${h}:${mi}:00+09:00`;
}

/** A station as the command writes it: `sky` and `temp` are `null` when not observed. */
export interface FeedStation {
  /** KMA ASOS station number. */
  id: number;
  /** Korean name. */
  name: string;
  /** KMA Korean sky label (`흐림`), or `null` when neither weather nor clouds were observed. */
  sky: string | null;
  /** Air temperature in °C, or `null`. */
  temp: number | null;
}

/** The weather feed (version 1) as the command writes it. */
export type OutputFeed = Omit<WeatherFeed, 'stations'> & { stations: FeedStation[] };

/** The outcome of building a feed: the feed, and the stations it had no observation for. */
export interface BuiltFeed {
  /** The weather feed, version 1. */
  readonly feed: OutputFeed;
  /** Wanted stations absent from the observations at the feed's time. */
  readonly missing: readonly WantedStation[];
}

/**
 * Builds a weather feed from the observations at `time` (the latest in the response when not
 * given), one reading per wanted station, in the wanted order. A station without an observation
 * gets `sky` and `temp` `null` and is listed in `missing`.
 */
export function buildFeed(
  observations: readonly Observation[],
  wanted: readonly WantedStation[],
  time?: string,
): BuiltFeed | undefined {
  const at =
    time ??
    observations.reduce<string | undefined>(
      (latest, o) => (!latest || o.time > latest ? o.time : latest),
      undefined,
    );
  if (at === undefined) return undefined;
  const byStation = new Map<number, Observation>();
  for (const observation of observations) {
    if (observation.time === at) byStation.set(observation.station, observation);
  }
  const missing: WantedStation[] = [];
  const stations = wanted.map(({ id, name }): FeedStation => {
    const observation = byStation.get(id);
    if (!observation) {
      missing.push({ id, name });
      return { id, name, sky: null, temp: null };
    }
    const sky = observedSky(observation.presentWeather, observation.cloudAmount);
    return { id, name, sky: sky === 'unknown' ? null : SKY_LABELS[sky].ko, temp: observation.temp };
  });
  return { feed: { version: 1, observedAt: kstToIso(at), attribution: '기상청 제공', stations }, missing };
}

/**
 * The feed as JSON text, one station per line, temperatures with KMA's one decimal (`32.0`,
 * still a JSON number) so the file reads like the observation it came from.
 */
export function serializeFeed(feed: OutputFeed): string {
  const lines = feed.stations.map(({ id, name, sky, temp }) => {
    const shown = temp === null ? 'null' : Number.isInteger(temp) ? temp.toFixed(1) : String(temp);
    return `    { "id": ${id}, "name": ${JSON.stringify(name)}, "sky": ${JSON.stringify(sky)}, "temp": ${shown} }`;
  });
  const head = [
    `  "version": ${feed.version}`,
    `  "observedAt": ${JSON.stringify(feed.observedAt)}`,
    ...(feed.attribution === undefined ? [] : [`  "attribution": ${JSON.stringify(feed.attribution)}`]),
  ];
  const body = lines.length === 0 ? '  "stations": []' : `  "stations": [\n${lines.join(',\n')}\n  ]`;
  return `{\n${[...head, body].join(',\n')}\n}\n`;
}
