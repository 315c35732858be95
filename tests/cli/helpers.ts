// Shared by the feed command's Node tests: paths, fixtures, and the command run as a process.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/kma-fixtures.node.js';

export * from '../support/kma-fixtures.node.js';

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
