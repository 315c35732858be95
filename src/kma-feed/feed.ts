/**
 * The weather feed (version 1) from what a source read: one function that every shell calls, so
 * that a feed says the same whichever portal it came from and whoever serves it.
 */
import { summarizeProblems, validateWeatherFeed, type WeatherFeed } from '../feed/weather-feed.js';
import { FeedError } from './errors.js';
import type { SourceReading } from './source.js';
import type { ResolvedStation } from './station-query.js';
import { describeKst, kstToIso } from './time.js';

/** A station as the feed writes it: `sky` and `temp` are `null` when not observed. */
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

/** The weather feed (version 1) as the feed core writes it. */
export type OutputFeed = Omit<WeatherFeed, 'stations'> & { stations: FeedStation[] };

/** A station the feed is asked for: its number and the Korean name the feed gives it. */
export type FeedStationRef = Pick<ResolvedStation, 'id' | 'ko'>;

/** A wanted station the source had no data for. */
export interface MissingStation {
  readonly id: number;
  readonly name: string;
  /** Why, when the source said. */
  readonly why?: string;
}

/** The outcome of building a feed: the feed, and the stations it had no data for. */
export interface BuiltFeed {
  /** The weather feed, version 1. */
  readonly feed: OutputFeed;
  /** Wanted stations absent from the reading. */
  readonly missing: readonly MissingStation[];
}

/**
 * Builds a weather feed from a reading, one entry per wanted station, in the wanted order. A
 * station without data gets `sky` and `temp` `null` and is listed in `missing`.
 */
export function buildFeed(
  reading: Pick<SourceReading, 'hour' | 'weather' | 'gaps'>,
  stations: readonly FeedStationRef[],
): BuiltFeed {
  const missing: MissingStation[] = [];
  const entries = stations.map(({ id, ko: name }): FeedStation => {
    const weather = reading.weather.get(id);
    if (weather) return { id, name, sky: weather.sky, temp: weather.temp };
    const why = reading.gaps.get(id);
    missing.push(why === undefined ? { id, name } : { id, name, why });
    return { id, name, sky: null, temp: null };
  });
  const feed = {
    version: 1 as const,
    observedAt: kstToIso(reading.hour),
    attribution: '기상청 제공',
    stations: entries,
  };
  return { feed, missing };
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

/** How strict `feedFromReading` is. */
export interface FeedOptions {
  /** Write a station without data with `null`s (and warn) instead of failing. */
  readonly allowPartial: boolean;
  /** Where warnings go. */
  readonly warn: (line: string) => void;
}

/** A feed ready to serve: the feed, its text, and what the reading lacked. */
export interface FinishedFeed extends BuiltFeed {
  /** The feed as `serializeFeed` writes it. */
  readonly text: string;
}

/**
 * The feed of the wanted stations from a reading, checked as a strip will read it. Throws a
 * `FeedError`: `missingStation` for a station without data (unless `allowPartial`, and then
 * still when every station lacks data), `empty` when no station has a sky or a temperature.
 */
export function feedFromReading(
  reading: SourceReading,
  stations: readonly FeedStationRef[],
  options: FeedOptions,
): FinishedFeed {
  const built = buildFeed(reading, stations);
  const when = describeKst(reading.hour);
  if (built.missing.length > 0) {
    const names = built.missing.map((s) => `${s.id} ${s.name}`).join(', ');
    const whys = [...new Set(built.missing.flatMap((s) => (s.why === undefined ? [] : [s.why])))];
    const because = whys.length > 0 ? ` (${whys.join('; ')})` : '';
    const them = built.missing.length > 1 ? 'them' : 'it';
    if (!options.allowPartial || built.missing.length === stations.length) {
      throw new FeedError(
        'missingStation',
        `No observation for ${names} at ${when}${because}`,
        options.allowPartial
          ? 'None of the stations is in the response: check --stations'
          : `Remove ${them} from --stations, or add --allow-partial to write null for ${them}`,
      );
    }
    options.warn(`warning: no observation for ${names} at ${when}${because}; written with null sky and temp`);
  }
  if (built.feed.stations.every((s) => s.sky === null && s.temp === null)) {
    throw new FeedError(
      'empty',
      `No station has a sky or a temperature at ${when}: every value is missing`,
      'Choose another hour with --time, or stations that report weather (run with --verbose for the notes)',
    );
  }
  // What is served is what a strip will read: check it as the strip does.
  const text = serializeFeed(built.feed);
  const check = validateWeatherFeed(JSON.parse(text));
  if (!check.value || check.problems.length > 0) {
    throw new FeedError(
      'internal',
      `The feed failed validation: ${summarizeProblems(check.problems)}`,
      'Please report this bug',
    );
  }
  return { ...built, text };
}
