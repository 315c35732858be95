// Shared by the feed command's Node tests: paths, fixtures, and the command run as a process.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The project's own KMA fixtures. */
export const FIXTURES = join(ROOT, 'tests/fixtures/kma');
/** Real KMA responses saved from public sources; each file's first line names its origin. */
export const REAL = join(FIXTURES, 'real');
/** The fixture of the reference page's 16 stations at 2025-08-01 15:00. */
export const REFERENCE_FIXTURE = join(FIXTURES, 'kma_sfctm2_reference_202508011500.txt');

/** A fixture's bytes. */
export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** A fixture as UTF-8 text. */
export function fixtureText(name: string): string {
  return fixture(name).toString('utf8');
}

/** A real response (under `real/`) as UTF-8 text. */
export function realText(name: string): string {
  return readFileSync(join(REAL, name), 'utf8');
}

/** The reference page's feed, as the library ships it. */
export function referenceFeed(): unknown {
  return JSON.parse(readFileSync(join(ROOT, 'demo/data/reference-weather.json'), 'utf8'));
}

let bundled: string | undefined;

/**
 * The command bundled the way `npm run build:cli` bundles it, into a temporary directory, so
 * that the tests run what ships without depending on an earlier build.
 */
export function bundledCommand(): string {
  if (bundled) return bundled;
  const out = join(mkdtempSync(join(tmpdir(), 'weather-strip-feed-')), 'weather-strip-feed.js');
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.js'), out], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0 || !existsSync(out)) throw new Error(`build-cli failed: ${result.stderr}`);
  bundled = out;
  return out;
}

/** What a run of the command gave. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundled command with arguments, extra environment and standard input. */
export function runCommand(
  args: readonly string[],
  options: { env?: Record<string, string>; stdin?: string | Buffer; cwd?: string } = {},
): Promise<RunResult> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('WEATHER_STRIP_')) env[key] = value;
  }
  Object.assign(env, options.env);
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [bundledCommand(), ...args],
      { env, cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
    // The command may stop reading early (input over its size bound): a closed pipe is expected.
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.stdin ?? '');
  });
}
