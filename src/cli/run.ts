// The command's shell: settings in, the feed core in the middle, the feed and one line per
// failure out. Everything about KMA lives in ../kma-feed/.
import {
  EXIT,
  FeedError,
  SOURCE_VARIABLES,
  createSource,
  describeKst,
  feedFromReading,
  redactServiceKey,
  type ExitCode,
  type SourceReading,
} from '../kma-feed/index.js';
import { HELP } from './help.js';
import { readInput } from './input.js';
import { NAME, settings, type Settings } from './options.js';
import { writeFileAtomic } from './output.js';
import { printWorkflow } from './workflow.js';

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

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `16 stations at 2025-08-01 15:00 KST from data.go.kr, 32 requests`: a run's last verbose line. */
function summary(reading: SourceReading, stations: number, fetched: boolean): string {
  const from = fetched ? `${reading.label}, ${plural(reading.requests, 'request')}` : reading.label;
  return `${plural(stations, 'station')} at ${describeKst(reading.hour)} from ${from}`;
}

async function execute(
  config: Settings,
  io: CliIO,
  log: (line: string) => void,
  onRequest: () => void,
): Promise<void> {
  const source = createSource(config.source, {
    key: config.key,
    baseUrl: config.baseUrl,
    fetch: (url, init) => fetch(url, init),
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    retryDelayMs: config.retryDelayMs,
    log,
    onRequest,
  });
  const query = { stations: config.stations, time: config.time, now: io.now() };
  const fetched = config.input === undefined;
  const reading = fetched
    ? await source.fetch(query)
    : await source.read(await readInput(config.input!, io.readStdin), query);
  const { text } = feedFromReading(reading, config.stations, {
    allowPartial: config.allowPartial,
    warn: (line) => io.stderr(`${NAME}: ${line}\n`),
  });
  const done = summary(reading, config.stations.length, fetched);
  if (config.out === undefined || config.out === '-') {
    io.stdout(text);
    log(`wrote standard output: ${done}`);
    return;
  }
  try {
    writeFileAtomic(config.out, text);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unwritable';
    throw new FeedError(
      'file',
      `Cannot write --out ${config.out} (${code}); the previous file is unchanged`,
      'Check that the directory exists and is writable',
    );
  }
  log(`wrote ${config.out}: ${done}`);
}

/** Runs the command; returns its exit code. Never throws. */
export async function run(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIO,
): Promise<ExitCode> {
  // Every key the run may hold, in every form, is taken out of whatever it prints.
  const keys = Object.values(SOURCE_VARIABLES).map(({ key }) => env[key]);
  const redact = (text: string) => keys.reduce<string>((out, key) => redactServiceKey(out, key), text);
  const say = (line: string) => io.stderr(redact(line));
  let verbose = false;
  let requests = 0;
  try {
    const config = settings(argv, env);
    if (config === 'help') {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if ('printWorkflow' in config) {
      try {
        printWorkflow(config.out, io.stdout);
      } catch (error) {
        const code = error instanceof Error && 'code' in error ? String(error.code) : 'unwritable';
        throw new FeedError(
          'file',
          `Cannot write --out ${config.out} (${code})`,
          'Check that the path is writable',
        );
      }
      return EXIT.ok;
    }
    keys.push(config.key);
    verbose = config.verbose;
    const log = (line: string) => {
      if (verbose) say(`${NAME}: ${line}\n`);
    };
    await execute(config, { ...io, stderr: say }, log, () => requests++);
    return EXIT.ok;
  } catch (error) {
    if (verbose && requests > 0) say(`${NAME}: ${plural(requests, 'request')} made before the failure\n`);
    if (error instanceof FeedError) {
      say(`${NAME}: ${error.message}.\n`);
      return error.exitCode;
    }
    say(
      `${NAME}: unexpected error: ${error instanceof Error ? error.message : String(error)}. Please report this bug.\n`,
    );
    return EXIT.internal;
  }
}
