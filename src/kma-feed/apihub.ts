/**
 * The API Hub source: hourly surface observations (`kma_sfctm2`) of every station in one answer,
 * fetched or saved, read into each station's sky and temperature.
 */
import { SKY_LABELS } from '../kma/sky.js';
import { classifyResponse } from './apihub-classify.js';
import { APIHUB_URL_ENV, DEFAULT_APIHUB_URL, fetchObservations } from './apihub-fetch.js';
import { FeedError } from './errors.js';
import { megabytes } from './http.js';
import { observedSky } from './present-weather.js';
import {
  SFCTM2_MAX_LENGTH,
  Sfctm2FormatError,
  decodeKmaBytes,
  parseSfctm2,
  type Observation,
} from './sfctm2.js';
import {
  SOURCE_DEFAULTS,
  type InputFile,
  type SavedInput,
  type Source,
  type SourceQuery,
  type SourceReading,
  type SourceSettings,
  type StationWeather,
} from './source.js';
import { publishedHour } from './publication.js';
import { describeKst, previousHour } from './time.js';

const LABEL = 'KMA API Hub';

/**
 * The weather of every station at one hour of the observations: `time`, or the latest hour they
 * hold. `undefined` when they hold none.
 */
export function weatherAt(
  observations: readonly Observation[],
  time?: string,
): { hour: string; weather: Map<number, StationWeather> } | undefined {
  const hour =
    time ??
    observations.reduce<string | undefined>(
      (latest, o) => (!latest || o.time > latest ? o.time : latest),
      undefined,
    );
  if (hour === undefined) return undefined;
  const weather = new Map<number, StationWeather>();
  for (const observation of observations) {
    if (observation.time !== hour) continue;
    const sky = observedSky(observation.presentWeather, observation.cloudAmount);
    weather.set(observation.station, {
      sky: sky === 'unknown' ? null : SKY_LABELS[sky].ko,
      temp: observation.temp,
    });
  }
  return { hour, weather };
}

function parse(text: string, source: string, log: (line: string) => void): Observation[] {
  try {
    const result = parseSfctm2(text);
    for (const note of result.notes) log(`note: ${source}: ${note}`);
    return [...result.observations];
  } catch (error) {
    if (error instanceof Sfctm2FormatError) {
      throw new FeedError(
        'badResponse',
        `${source} is not a kma_sfctm2 response that can be read: ${error.message}`,
        error.fix,
      );
    }
    throw error;
  }
}

function readFile(file: InputFile, log: (line: string) => void): Observation[] {
  if (file.bytes.length > SFCTM2_MAX_LENGTH) {
    throw new FeedError(
      'badResponse',
      `${file.name} is larger than the ${megabytes(SFCTM2_MAX_LENGTH)} a kma_sfctm2 response is read up to (an hour of every station is about 30 kB)`,
      'Save one hour (tm=YYYYMMDDHH00) rather than a long period, or split the file',
    );
  }
  const text = decodeKmaBytes(file.bytes);
  const problem = classifyResponse(text, 200);
  if (problem) throw new FeedError(problem.kind, `${file.name}: ${problem.reason}`, problem.fix);
  return parse(text, file.name, log);
}

/** The API Hub source. `settings.key` is the API Hub key (`authKey`). */
export function apihubSource(settings: SourceSettings): Source {
  const log = settings.log ?? (() => {});
  const transport = { ...SOURCE_DEFAULTS, ...settings, log, onRequest: settings.onRequest ?? (() => {}) };

  async function fetchHours(query: SourceQuery): Promise<SourceReading> {
    const authKey = settings.key?.trim();
    if (!authKey)
      throw new FeedError('usage', 'No API Hub key', `Give --auth-key KEY or set WEATHER_STRIP_AUTH_KEY`);
    const baseUrl = settings.baseUrl?.trim() || DEFAULT_APIHUB_URL;
    try {
      new URL(baseUrl);
    } catch {
      throw new FeedError(
        'usage',
        `${APIHUB_URL_ENV} is not a URL`,
        `Set it to ${DEFAULT_APIHUB_URL}, or unset it`,
      );
    }
    // The newest hour API Hub should have by now (from HH:10), or the hour before it when that one
    // is late. A chosen hour is not moved.
    const first = query.time ?? publishedHour('apihub', query.now);
    const hours = query.time === undefined ? [first, previousHour(first)] : [first];
    let requests = 0;
    for (const time of hours) {
      log(`fetching ${describeKst(time)}`);
      const text = await fetchObservations({
        ...transport,
        authKey,
        baseUrl,
        time,
        onRequest: () => {
          requests++;
          transport.onRequest();
        },
      });
      const read = weatherAt(parse(text, "KMA API Hub's answer", log));
      if (read) return { ...read, label: LABEL, requests, gaps: new Map() };
      log(`no observations for ${describeKst(time)} yet`);
    }
    throw new FeedError(
      'empty',
      `KMA API Hub has no observations for ${hours.map(describeKst).join(' or ')}`,
      query.time === undefined
        ? 'KMA may be late: try again in a few minutes'
        : 'Choose an hour KMA has published with --time',
    );
  }

  async function readSaved(input: SavedInput, query: SourceQuery): Promise<SourceReading> {
    const observations = input.files.flatMap((file) => readFile(file, log));
    if (observations.length === 0) {
      throw new FeedError(
        'empty',
        `${input.name} holds no observations`,
        'Save a response of an hour KMA has published',
      );
    }
    if (query.time !== undefined && !observations.some((o) => o.time === query.time)) {
      throw new FeedError(
        'empty',
        `${input.name} holds no observations for ${describeKst(query.time)}`,
        'Choose an hour the file holds with --time',
      );
    }
    // A saved file may hold several hours: the one asked for, or the latest.
    const read = weatherAt(observations, query.time)!;
    return { ...read, label: input.name, requests: 0, gaps: new Map() };
  }

  return { name: 'apihub', label: LABEL, fetch: fetchHours, read: readSaved };
}
