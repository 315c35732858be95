/** The sources by name, and the environment variables that configure them in every shell. */
import { APIHUB_URL_ENV, AUTH_KEY_ENV } from './apihub-fetch.js';
import { apihubSource } from './apihub.js';
import { DATAGOKR_URL_ENV, SERVICE_KEY_ENV } from './datagokr-request.js';
import { datagokrSource } from './datagokr-source.js';
import { SOURCE_NAMES, type Source, type SourceName, type SourceSettings } from './source.js';

/** Environment variable naming the source (the edge handler's; the command has `--source`). */
export const SOURCE_ENV = 'WEATHER_STRIP_SOURCE';
/** Environment variable holding the station list (the edge handler's; the command has `--stations`). */
export const STATIONS_ENV = 'WEATHER_STRIP_STATIONS';

/** Per source: the environment variables of its key and of its address override. */
export const SOURCE_VARIABLES: Readonly<Record<SourceName, { readonly key: string; readonly url: string }>> =
  {
    apihub: { key: AUTH_KEY_ENV, url: APIHUB_URL_ENV },
    datagokr: { key: SERVICE_KEY_ENV, url: DATAGOKR_URL_ENV },
  };

/** Whether a string names a source. */
export function isSourceName(name: string): name is SourceName {
  return (SOURCE_NAMES as readonly string[]).includes(name);
}

/** The source of that name, reaching its portal as `settings` say. */
export function createSource(name: SourceName, settings: SourceSettings): Source {
  return name === 'apihub' ? apihubSource(settings) : datagokrSource(settings);
}
