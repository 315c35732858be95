import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { summarizeProblems, validateWeatherFeed } from '../feed/weather-feed.js';
import { APIHUB_URL_ENV, DEFAULT_APIHUB_URL, classifyResponse, fetchObservations } from './apihub.js';
import { CliError, EXIT, type ExitCode } from './errors.js';
import {
  DEFAULT_STATIONS,
  buildFeed,
  parseWantedStations,
  serializeFeed,
  type WantedStation,
} from './feed.js';
import { HELP } from './help.js';
import { writeFileAtomic } from './output.js';
import { Sfctm2FormatError, decodeKmaBytes, parseSfctm2, type Observation } from './sfctm2.js';
import { describeTime, isKmaTime, latestHour, previousHour } from './time.js';

/** Environment variable holding the API Hub key. */
export const AUTH_KEY_ENV = 'WEATHER_STRIP_AUTH_KEY';

/** What the command touches outside itself, so that tests can run it in-process. */
export interface CliIO {
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** Reads standard input whole (`--input -`). */
  readonly readStdin: () => Promise<Uint8Array>;
  /** The current time. */
  readonly now: () => Date;
}

const NAME = 'weather-strip-feed';

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

function usage(reason: string): CliError {
  return new CliError(EXIT.usage, reason, `Run ${NAME} --help for the options`);
}

function seconds(value: string, option: string, min: number): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < min) {
    throw usage(`--${option} must be a number of seconds of at least ${min}, not "${value}"`);
  }
  return number;
}

interface Settings {
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

function settings(
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

function parse(text: string, source: string): Observation[] {
  try {
    const result = parseSfctm2(text);
    return [...result.observations];
  } catch (error) {
    if (error instanceof Sfctm2FormatError) {
      throw new CliError(
        EXIT.badResponse,
        `${source} is not a kma_sfctm2 response: ${error.message}`,
        'Save the response of kma_sfctm2.php with help=0, or check WEATHER_STRIP_APIHUB_URL if you set it',
      );
    }
    throw error;
  }
}

async function readInput(path: string, io: CliIO): Promise<Observation[]> {
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await io.readStdin() : readFileSync(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new CliError(
      EXIT.file,
      `Cannot read --input ${path} (${code})`,
      'Check the path and its permissions',
    );
  }
  const text = decodeKmaBytes(bytes);
  const source = path === '-' ? 'standard input' : path;
  const problem = classifyResponse(text, 200);
  if (problem) throw new CliError(problem.code, `${source}: ${problem.reason}`, problem.fix);
  const observations = parse(text, source);
  if (observations.length === 0) {
    throw new CliError(
      EXIT.empty,
      `${source} holds no observations`,
      'Save a response of an hour KMA has published',
    );
  }
  return observations;
}

async function fetchLatest(
  config: Settings,
  env: Readonly<Record<string, string | undefined>>,
  io: CliIO,
  log: (line: string) => void,
) {
  const baseUrl = env[APIHUB_URL_ENV]?.trim() || DEFAULT_APIHUB_URL;
  try {
    new URL(baseUrl);
  } catch {
    throw usage(`${APIHUB_URL_ENV} is not a URL`);
  }
  const first = config.time ?? latestHour(io.now());
  // The latest hour may not be published yet: then the hour before. A chosen hour is not moved.
  const hours = config.time === undefined ? [first, previousHour(first)] : [first];
  for (const time of hours) {
    log(`fetching ${describeTime(time)}`);
    const text = await fetchObservations({ ...config, authKey: config.authKey!, baseUrl, time, log });
    const observations = parse(text, "KMA API Hub's answer");
    if (observations.length > 0) return observations;
    log(`no observations for ${describeTime(time)} yet`);
  }
  throw new CliError(
    EXIT.empty,
    `KMA API Hub has no observations for ${hours.map(describeTime).join(' or ')}`,
    config.time === undefined
      ? 'KMA may be late: try again in a few minutes'
      : 'Choose an hour KMA has published with --time',
  );
}

async function execute(
  config: Settings,
  env: Readonly<Record<string, string | undefined>>,
  io: CliIO,
  log: (line: string) => void,
) {
  const observations =
    config.input !== undefined ? await readInput(config.input, io) : await fetchLatest(config, env, io, log);
  if (
    config.input !== undefined &&
    config.time !== undefined &&
    !observations.some((o) => o.time === config.time)
  ) {
    throw new CliError(
      EXIT.empty,
      `${config.input} holds no observations for ${describeTime(config.time)}`,
      'Choose an hour the file holds with --time',
    );
  }
  // A fetched hour is taken as KMA labels it; a saved file may hold several hours.
  const built = buildFeed(observations, config.wanted, config.input !== undefined ? config.time : undefined);
  if (!built)
    throw new CliError(EXIT.internal, 'No observations to build a feed from', 'Please report this bug');
  const when = describeTime(built.feed.observedAt.slice(0, 16).replace(/\D/g, ''));
  if (built.missing.length > 0) {
    const names = built.missing.map((s) => `${s.id} ${s.name}`).join(', ');
    const them = built.missing.length > 1 ? 'them' : 'it';
    if (!config.allowPartial || built.missing.length === config.wanted.length) {
      throw new CliError(
        EXIT.missingStation,
        `No observation for ${names} at ${when}`,
        config.allowPartial
          ? 'None of the stations is in the response: check --stations'
          : `Remove ${them} from --stations, or add --allow-partial to write null for ${them}`,
      );
    }
    io.stderr(`${NAME}: warning: no observation for ${names} at ${when}; written with null sky and temp\n`);
  }
  // What is written is what a strip will read: check it as the strip does.
  const text = serializeFeed(built.feed);
  const check = validateWeatherFeed(JSON.parse(text));
  if (!check.value || check.problems.length > 0) {
    throw new CliError(
      EXIT.internal,
      `The feed failed validation: ${summarizeProblems(check.problems)}`,
      'Please report this bug',
    );
  }
  if (config.out === undefined) {
    io.stdout(text);
    return;
  }
  try {
    writeFileAtomic(config.out, text);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unwritable';
    throw new CliError(
      EXIT.file,
      `Cannot write --out ${config.out} (${code}); the previous file is unchanged`,
      'Check that the directory exists and is writable',
    );
  }
  log(`wrote ${config.out}: ${built.feed.stations.length} stations at ${when}`);
}

/** Runs the command; returns its exit code. Never throws. */
export async function run(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIO,
): Promise<ExitCode> {
  let key: string | undefined;
  // The key must never show, whatever a message quotes.
  const redact = (text: string) =>
    key ? text.split(key).join('***').split(encodeURIComponent(key)).join('***') : text;
  const say = (line: string) => io.stderr(redact(line));
  try {
    const config = settings(argv, env);
    if (config === 'help') {
      io.stdout(HELP);
      return EXIT.ok;
    }
    key = config.authKey;
    const log = (line: string) => {
      if (config.verbose) say(`${NAME}: ${line}\n`);
    };
    await execute(config, env, { ...io, stderr: say }, log);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      say(`${NAME}: ${error.message}.\n`);
      return error.code;
    }
    say(
      `${NAME}: unexpected error: ${error instanceof Error ? error.message : String(error)}. Please report this bug.\n`,
    );
    return EXIT.internal;
  }
}
