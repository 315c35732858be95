import {
  describe,
  guard,
  isRecord,
  summarizeProblems,
  type FeedProblem,
  type ValidationResult,
} from './problems.js';
import { isIsoDateTime, readEnvelope, readText } from './fields.js';
import { stationById } from '../kma/stations.js';

/** One station's reading in a weather feed. */
export interface WeatherReading {
  /** KMA ASOS station number; a known number fills in the name. */
  id?: number;
  /** Station name as the feed gives it. */
  name?: string;
  /** A sky code or a KMA Korean label, as the feed gives it. */
  sky?: string;
  /** Air temperature in °C, or `null` when missing. */
  temp: number | null;
}

/** A weather feed, version 1 (see `schema/weather-feed.schema.json`). */
export interface WeatherFeed {
  /** Format version: always 1. */
  version: 1;
  /** Observation time, ISO 8601 with an offset; gives the date header. */
  observedAt: string;
  /** Attribution text, `기상청 제공` when absent. */
  attribution?: string;
  /** The stations, in display order. */
  stations: WeatherReading[];
}

/** Longest text kept from a feed's text fields. */
export const MAX_TEXT_LENGTH = 200;
/** Most stations a feed may carry; more are left out and reported. */
export const MAX_STATIONS = 500;
/** Plausible air temperatures in °C; anything outside is a sentinel or an error. */
export const TEMPERATURE_RANGE = { min: -90, max: 70 } as const;

export { isIsoDateTime };

/**
 * Validates one station reading. Returns the cleaned reading, or `undefined` (with problems
 * added) when the station must be left out.
 */
export function validateReading(
  input: unknown,
  path: string,
  problems: FeedProblem[],
): WeatherReading | undefined {
  if (!isRecord(input)) {
    problems.push({ path, message: `expected an object, got ${describe(input)}` });
    return undefined;
  }
  const before = problems.length;
  const reading: WeatherReading = { temp: null };

  const { id } = input;
  if (id !== undefined) {
    if (typeof id === 'number' && Number.isInteger(id) && id > 0 && id < 100000) reading.id = id;
    else
      problems.push({ path: `${path}.id`, message: `expected a positive whole number, got ${describe(id)}` });
  }
  const name = readText(input.name, `${path}.name`, problems, MAX_TEXT_LENGTH);
  if (name) reading.name = name;
  const sky = readText(input.sky, `${path}.sky`, problems, MAX_TEXT_LENGTH);
  if (sky) reading.sky = sky;

  const { temp } = input;
  if (typeof temp === 'number' && Number.isFinite(temp)) {
    if (temp < TEMPERATURE_RANGE.min || temp > TEMPERATURE_RANGE.max) {
      problems.push({
        path: `${path}.temp`,
        message: `${temp} is outside ${TEMPERATURE_RANGE.min}…${TEMPERATURE_RANGE.max} °C`,
      });
    } else reading.temp = temp;
  } else if (temp !== null && temp !== undefined) {
    problems.push({ path: `${path}.temp`, message: `expected a number or null, got ${describe(temp)}` });
  }

  if (reading.id === undefined && reading.name === undefined && problems.length === before) {
    problems.push({ path, message: 'needs an "id" or a "name"' });
  } else if (reading.id !== undefined && reading.name === undefined && !stationById(reading.id)) {
    problems.push({ path: `${path}.id`, message: `unknown station ${reading.id} and no "name" given` });
  }
  return problems.length === before ? reading : undefined;
}

/**
 * Validates a parsed weather feed, or any value given as `data`. Bad stations are left out and
 * reported; a feed without a usable `version`, `observedAt` or station is rejected as a whole.
 * Never throws, and reads at most {@link MAX_STATIONS} stations, whatever the input.
 */
export function validateWeatherFeed(input: unknown): ValidationResult<WeatherFeed> {
  return guard(input, readWeatherFeed);
}

function readWeatherFeed(value: unknown): ValidationResult<WeatherFeed> {
  const problems: FeedProblem[] = [];
  const envelope = readEnvelope(value, problems);
  if (!envelope) return { value: undefined, problems };
  const input = envelope.record;
  let usable = envelope.usable;
  const { observedAt } = input;
  if (typeof observedAt !== 'string' || !isIsoDateTime(observedAt)) {
    problems.push({
      path: 'observedAt',
      message: `expected an ISO 8601 date-time with an offset, got ${describe(observedAt)}`,
    });
    usable = false;
  }
  const attribution = readText(input.attribution, 'attribution', problems, MAX_TEXT_LENGTH);
  if (!Array.isArray(input.stations)) {
    problems.push({ path: 'stations', message: `expected an array, got ${describe(input.stations)}` });
    return { value: undefined, problems };
  }
  const list: unknown[] = input.stations;
  if (list.length > MAX_STATIONS) {
    problems.push({
      path: 'stations',
      message: `${list.length} stations; only the first ${MAX_STATIONS} are used`,
    });
  }
  const stations: WeatherReading[] = [];
  const count = Math.min(list.length, MAX_STATIONS);
  for (let i = 0; i < count; i++) {
    const reading = validateReading(list[i], `stations[${i}]`, problems);
    if (reading) stations.push(reading);
  }
  if (stations.length === 0) {
    problems.push({ path: 'stations', message: count === 0 ? 'empty' : 'no usable station' });
    usable = false;
  }
  if (!usable) return { value: undefined, problems };
  const feed: WeatherFeed = { version: 1, observedAt: observedAt as string, stations };
  if (attribution) feed.attribution = attribution;
  return { value: feed, problems };
}

export { summarizeProblems };
