import { parseArgs } from 'node:util';
import {
  FeedError,
  SOURCE_ENV,
  SOURCE_VARIABLES,
  STATIONS_ENV,
  StationQueryError,
  isKstTime,
  isSourceName,
  resolveStations,
  type ResolvedStation,
  type SourceName,
} from '../kma-feed/index.js';

/** The command's name, as messages and `--help` give it. */
export const NAME = 'weather-strip-feed';

const OPTIONS = {
  source: { type: 'string' },
  'auth-key': { type: 'string' },
  'service-key': { type: 'string' },
  input: { type: 'string' },
  time: { type: 'string' },
  stations: { type: 'string' },
  out: { type: 'string' },
  'allow-partial': { type: 'boolean', default: false },
  timeout: { type: 'string', default: '20' },
  retries: { type: 'string', default: '2' },
  'retry-delay': { type: 'string', default: '2' },
  verbose: { type: 'boolean', default: false },
  'print-workflow': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Per source: its key option, what it reads, and the words for `--input`. */
const SOURCES: Readonly<Record<SourceName, { keyOption: string; portal: string; saved: string }>> = {
  apihub: { keyOption: 'auth-key', portal: 'KMA API Hub', saved: 'FILE' },
  datagokr: { keyOption: 'service-key', portal: 'data.go.kr', saved: 'FOLDER' },
};

/** A bad-options error, pointing at `--help`. */
export function usage(reason: string): FeedError {
  return new FeedError('usage', reason, `Run ${NAME} --help for the options`);
}

function seconds(value: string, option: string, min: number): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < min) {
    throw usage(`--${option} must be a number of seconds of at least ${min}, not "${value}"`);
  }
  return number;
}

/** What the options and the environment ask for. */
export interface Settings {
  readonly source: SourceName;
  /** The source's key, from its option or its environment variable; never printed. */
  readonly key: string | undefined;
  /** The portal's address, when the environment replaces it. */
  readonly baseUrl: string | undefined;
  readonly input: string | undefined;
  readonly time: string | undefined;
  readonly stations: readonly ResolvedStation[];
  readonly out: string | undefined;
  readonly allowPartial: boolean;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly verbose: boolean;
}

/** `--print-workflow`: the scheduled-publishing workflow, to standard output or `--out`. */
export interface WorkflowRequest {
  readonly printWorkflow: true;
  readonly out: string | undefined;
}

/** An environment variable's value; blank counts as not set (a CI variable not set is ""). */
const fromEnv = (env: Readonly<Record<string, string | undefined>>, name: string) =>
  env[name]?.trim() || undefined;

/**
 * Reads the options and the environment; `'help'` for `--help`. Throws a usage `FeedError`.
 * `WEATHER_STRIP_SOURCE` and `WEATHER_STRIP_STATIONS` stand in for `--source` and `--stations`,
 * as they do for the edge handler and the scheduled workflow.
 */
export function settings(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Settings | WorkflowRequest | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    throw usage(error instanceof Error ? error.message.split('\n')[0]!.replace(/\.$/, '') : String(error));
  }
  const { values } = parsed;
  if (values.help) return 'help';
  if (values['print-workflow']) {
    const other = (['source', 'auth-key', 'service-key', 'input', 'time', 'stations'] as const).find(
      (name) => values[name] !== undefined,
    );
    if (other) {
      throw usage(
        `--print-workflow writes one workflow for both sources, set up by repository variables and secrets; give it no --${other}, only --out`,
      );
    }
    return { printWorkflow: true, out: values.out };
  }
  const source = values.source ?? fromEnv(env, SOURCE_ENV) ?? 'apihub';
  if (!isSourceName(source)) {
    const from = values.source === undefined ? SOURCE_ENV : '--source';
    throw usage(`${from} must be apihub or datagokr, not "${source}"`);
  }
  const { keyOption, portal, saved } = SOURCES[source];
  const keys: Record<SourceName, string | undefined> = {
    apihub: values['auth-key'],
    datagokr: values['service-key'],
  };
  const other = source === 'apihub' ? 'datagokr' : 'apihub';
  if (keys[other] !== undefined) {
    throw usage(
      `--${SOURCES[other].keyOption} is the key of --source ${other}; ${portal}'s is --${keyOption}`,
    );
  }
  const given = keys[source];
  if (values.input !== undefined && given !== undefined) {
    throw usage(`give either --input (a saved response) or --${keyOption} (fetch), not both`);
  }
  const variables = SOURCE_VARIABLES[source];
  const key = values.input === undefined ? (given ?? env[variables.key])?.trim() : undefined;
  if (values.input === undefined && !key) {
    throw usage(
      `no data: give --${keyOption} KEY (or set ${variables.key}) to fetch from ${portal}, or --input ${saved}`,
    );
  }
  if (values.time !== undefined && !isKstTime(values.time)) {
    throw usage(`--time must be YYYYMMDDHHmm in KST, as 202508011500, not "${values.time}"`);
  }
  let stations: ResolvedStation[];
  const stationList = values.stations ?? fromEnv(env, STATIONS_ENV);
  try {
    stations = resolveStations(stationList);
  } catch (error) {
    if (!(error instanceof StationQueryError)) throw error;
    throw usage(`${values.stations === undefined ? STATIONS_ENV : '--stations'}: ${error.message}`);
  }
  const retries = Number(values.retries);
  if (!Number.isInteger(retries) || retries < 0 || retries > 10) {
    throw usage(`--retries must be a whole number from 0 to 10, not "${values.retries}"`);
  }
  return {
    source,
    key,
    baseUrl: env[variables.url]?.trim() || undefined,
    input: values.input,
    time: values.time,
    stations,
    out: values.out,
    allowPartial: values['allow-partial'],
    timeoutMs: seconds(values.timeout, 'timeout', 0.1) * 1000,
    retries,
    retryDelayMs: seconds(values['retry-delay'], 'retry-delay', 0) * 1000,
    verbose: values.verbose,
  };
}
