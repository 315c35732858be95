/**
 * The handler's settings, read from `env` on every request (bindings can change between
 * deployments, never within one). A bad setting is named in the answer; a key never is.
 */
import {
  SOURCE_ENV,
  SOURCE_NAMES,
  SOURCE_VARIABLES,
  STATIONS_ENV,
  StationQueryError,
  isSourceName,
  resolveStations,
  type ResolvedStation,
  type SourceName,
} from '../kma-feed/index.js';
import type { EdgeEnv } from './types.js';

/** Environment variable naming the origins allowed to read the feed. */
export const ALLOW_ORIGIN_ENV = 'WEATHER_STRIP_ALLOW_ORIGIN';

/** What the settings ask for. */
export interface EdgeConfig {
  readonly source: SourceName;
  /** The source's key; never printed. */
  readonly key: string;
  /** The address override, when set. */
  readonly baseUrl: string | undefined;
  readonly stations: readonly ResolvedStation[];
  /** `*`, or the origins allowed to read the feed. */
  readonly allowOrigin: '*' | readonly string[];
  /** What identifies the feed these settings make (source, address, stations), without the key. */
  readonly feedId: string;
}

/** A setting that cannot be used, and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';

  constructor(
    /** The environment variable at fault. */
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/** A string binding, trimmed; blank or absent is `undefined` (a CI variable that is not set is ""). */
function setting(env: EdgeEnv, name: string): string | undefined {
  const value = env[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ConfigError(name, `${name} must be a text variable or secret`);
  return value.trim() || undefined;
}

function baseUrl(env: EdgeEnv, source: SourceName): string | undefined {
  const name = SOURCE_VARIABLES[source].url;
  const value = setting(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `${name} is not a URL; unset it to reach KMA directly`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(name, `${name} must be an http(s) address`);
  }
  // data.go.kr's operation name and query follow the base address.
  if (source === 'datagokr' && (url.search !== '' || url.hash !== '')) {
    throw new ConfigError(name, `${name} must be the service's base address, without a query`);
  }
  return value;
}

function origins(env: EdgeEnv): '*' | readonly string[] {
  const value = setting(env, ALLOW_ORIGIN_ENV);
  if (value === undefined || value === '*') return '*';
  return value.split(/[\s,]+/).map((origin) => {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || url.origin !== origin.replace(/\/$/, '') || url.origin === 'null') {
      throw new ConfigError(
        ALLOW_ORIGIN_ENV,
        `${ALLOW_ORIGIN_ENV}: "${origin}" is not an origin; write * or origins such as https://news.example.kr`,
      );
    }
    return url.origin;
  });
}

function stations(env: EdgeEnv, source: SourceName): ResolvedStation[] {
  let list: ResolvedStation[];
  try {
    list = resolveStations(setting(env, STATIONS_ENV));
  } catch (error) {
    if (error instanceof StationQueryError)
      throw new ConfigError(STATIONS_ENV, `${STATIONS_ENV}: ${error.message}`);
    throw error;
  }
  const outside = list.filter((station) => station.nx === null || station.ny === null);
  if (source === 'datagokr' && outside.length > 0) {
    throw new ConfigError(
      STATIONS_ENV,
      `${STATIONS_ENV}: ${outside.map((s) => `${s.id} ${s.ko}`).join(', ')} has no forecast grid point, which data.go.kr needs; choose stations of the built-in table`,
    );
  }
  return list;
}

/** Reads the settings; throws a `ConfigError` naming the setting at fault. */
export function readConfig(env: EdgeEnv): EdgeConfig {
  const sourceName = setting(env, SOURCE_ENV) ?? 'apihub';
  if (!isSourceName(sourceName)) {
    throw new ConfigError(
      SOURCE_ENV,
      `${SOURCE_ENV} must be ${SOURCE_NAMES.join(' or ')}, not "${sourceName}"`,
    );
  }
  const source: SourceName = sourceName;
  const keyName = SOURCE_VARIABLES[source].key;
  const key = setting(env, keyName);
  if (key === undefined) {
    const other = SOURCE_NAMES.find((name) => name !== source)!;
    const hint =
      setting(env, SOURCE_VARIABLES[other].key) === undefined
        ? ''
        : `; ${SOURCE_VARIABLES[other].key} is the key of ${SOURCE_ENV}=${other}`;
    throw new ConfigError(keyName, `${keyName} is not set: add it as a secret${hint}`);
  }
  const url = baseUrl(env, source);
  const list = stations(env, source);
  return {
    source,
    key,
    baseUrl: url,
    stations: list,
    allowOrigin: origins(env),
    feedId: [source, url ?? '', list.map((s) => `${s.id}=${s.ko}`).join(',')].join('|'),
  };
}
