import { parseArgs } from 'node:util';
import { CliError, EXIT } from './errors.js';
import { DEFAULT_STATIONS, parseWantedStations, type WantedStation } from './feed.js';
import { isKmaTime } from './time.js';

/** Environment variable holding the API Hub key. */
export const AUTH_KEY_ENV = 'WEATHER_STRIP_AUTH_KEY';

/** The command's name, as messages and `--help` give it. */
export const NAME = 'weather-strip-feed';

const OPTIONS = {
  source: { type: 'string', default: 'apihub' },
  'auth-key': { type: 'string' },
  input: { type: 'string' },
  time: { type: 'string' },
  stations: { type: 'string' },
  out: { type: 'string' },
  'allow-partial': { type: 'boolean', default: false },
  timeout: { type: 'string', default: '20' },
  retries: { type: 'string', default: '2' },
  'retry-delay': { type: 'string', default: '2' },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** A bad-options error, pointing at `--help`. */
export function usage(reason: string): CliError {
  return new CliError(EXIT.usage, reason, `Run ${NAME} --help for the options`);
}

function seconds(value: string, option: string, min: number): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < min) {
    throw usage(`--${option} must be a number of seconds of at least ${min}, not "${value}"`);
  }
  return number;
}

/** What the options ask for. */
export interface Settings {
  readonly authKey: string | undefined;
  readonly input: string | undefined;
  readonly time: string | undefined;
  readonly wanted: readonly WantedStation[];
  readonly out: string | undefined;
  readonly allowPartial: boolean;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly verbose: boolean;
}

/** Reads the options and the environment; `'help'` for `--help`. Throws a usage `CliError`. */
export function settings(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Settings | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    throw usage(error instanceof Error ? error.message.split('\n')[0]!.replace(/\.$/, '') : String(error));
  }
  const { values } = parsed;
  if (values.help) return 'help';
  if (values.source !== 'apihub') throw usage(`--source must be apihub, not "${values.source}"`);
  if (values.input !== undefined && values['auth-key'] !== undefined) {
    throw usage('give either --input (a saved response) or --auth-key (fetch), not both');
  }
  const authKey = values.input === undefined ? (values['auth-key'] ?? env[AUTH_KEY_ENV])?.trim() : undefined;
  if (values.input === undefined && !authKey) {
    throw usage(
      `no data: give --auth-key KEY (or set ${AUTH_KEY_ENV}) to fetch from KMA API Hub, or --input FILE`,
    );
  }
  if (values.time !== undefined && !isKmaTime(values.time)) {
    throw usage(`--time must be YYYYMMDDHHmm in KST, as 202508011500, not "${values.time}"`);
  }
  let wanted = DEFAULT_STATIONS;
  if (values.stations !== undefined) {
    try {
      wanted = parseWantedStations(values.stations);
    } catch (error) {
      throw usage(`--stations: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const retries = Number(values.retries);
  if (!Number.isInteger(retries) || retries < 0 || retries > 10) {
    throw usage(`--retries must be a whole number from 0 to 10, not "${values.retries}"`);
  }
  return {
    authKey,
    input: values.input,
    time: values.time,
    wanted,
    out: values.out,
    allowPartial: values['allow-partial'],
    timeoutMs: seconds(values.timeout, 'timeout', 0.1) * 1000,
    retries,
    retryDelayMs: seconds(values['retry-delay'], 'retry-delay', 0) * 1000,
    verbose: values.verbose,
  };
}
