import { closeSync, openSync, readSync } from 'node:fs';
import { summarizeProblems, validateWeatherFeed } from '../feed/weather-feed.js';
import {
  APIHUB_URL_ENV,
  DEFAULT_APIHUB_URL,
  classifyResponse,
  fetchObservations,
  megabytes,
} from './apihub.js';
import { CliError, EXIT, type ExitCode } from './errors.js';
import { buildFeed, serializeFeed } from './feed.js';
import { HELP } from './help.js';
import { NAME, settings, usage, type Settings } from './options.js';
import { writeFileAtomic } from './output.js';
import {
  SFCTM2_MAX_LENGTH,
  Sfctm2FormatError,
  decodeKmaBytes,
  parseSfctm2,
  type Observation,
} from './sfctm2.js';
import { describeTime, latestHour, previousHour } from './time.js';

export { AUTH_KEY_ENV } from './options.js';

/** What the command touches outside itself, so that tests can run it in-process. */
export interface CliIO {
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** Reads standard input (`--input -`), stopping once it holds more than `maxBytes`. */
  readonly readStdin: (maxBytes: number) => Promise<Uint8Array>;
  /** The current time. */
  readonly now: () => Date;
}

function parse(text: string, source: string, log: (line: string) => void): Observation[] {
  try {
    const result = parseSfctm2(text);
    for (const note of result.notes) log(`note: ${source}: ${note}`);
    return [...result.observations];
  } catch (error) {
    if (error instanceof Sfctm2FormatError) {
      throw new CliError(
        EXIT.badResponse,
        `${source} is not a kma_sfctm2 response that can be read: ${error.message}`,
        error.fix,
      );
    }
    throw error;
  }
}

function tooLarge(source: string): CliError {
  return new CliError(
    EXIT.badResponse,
    `${source} is larger than the ${megabytes(SFCTM2_MAX_LENGTH)} a kma_sfctm2 response is read up to (an hour of every station is about 30 kB)`,
    'Save one hour (tm=YYYYMMDDHH00) rather than a long period, or split the file',
  );
}

/** Reads a file, but stops once it holds more than `limit` bytes: enough to tell it is too large. */
function readFileUpTo(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= limit) {
      const chunk = Buffer.alloc(64 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

async function readInput(path: string, io: CliIO, log: (line: string) => void): Promise<Observation[]> {
  const source = path === '-' ? 'standard input' : path;
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await io.readStdin(SFCTM2_MAX_LENGTH) : readFileUpTo(path, SFCTM2_MAX_LENGTH);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new CliError(
      EXIT.file,
      `Cannot read --input ${path} (${code})`,
      'Check the path and its permissions',
    );
  }
  if (bytes.length > SFCTM2_MAX_LENGTH) throw tooLarge(source);
  const text = decodeKmaBytes(bytes);
  const problem = classifyResponse(text, 200);
  if (problem) throw new CliError(problem.code, `${source}: ${problem.reason}`, problem.fix);
  const observations = parse(text, source, log);
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
    const observations = parse(text, "KMA API Hub's answer", log);
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
    config.input !== undefined
      ? await readInput(config.input, io, log)
      : await fetchLatest(config, env, io, log);
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
  if (built.feed.stations.every((s) => s.sky === null && s.temp === null)) {
    throw new CliError(
      EXIT.empty,
      `No station has a sky or a temperature at ${when}: every value is missing`,
      'Choose another hour with --time, or stations that report weather (run with --verbose for the notes)',
    );
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
  if (config.out === undefined || config.out === '-') {
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
