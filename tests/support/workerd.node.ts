// The edge handler in workerd, Cloudflare's runtime, through miniflare: the module
// `npm run build` ships (built afresh into a temporary directory), one workerd process per test
// file, one worker per setting under test. Workers reach the local stand-ins over real HTTP:
// miniflare's outbound network allows private addresses.
//
// A `clock` worker wraps `createHandler({ now })` so that a test can move the handler's clock
// (workerd's own cannot be faked) and start a fresh handler, as a new isolate would be; a worker
// without it runs the default export as deployed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { ROOT } from './kma-fixtures.node.js';

let built: string | undefined;

/** dist/edge/index.js as `npm run build` makes it, built into a temporary directory once. */
export function builtEdgeModule(): string {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'weather-strip-edge-'));
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build-edge.js'), dir, '--js-only'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build-edge failed: ${result.stderr}`);
  built = join(dir, 'index.js');
  return built;
}

const CLOCK_WORKER = `
import { createHandler } from './edge.js';
let clock;
const start = () => createHandler({ now: () => (clock === undefined ? new Date() : new Date(clock)) });
let handler = start();
export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === '/__test/clock') {
      clock = Number(url.searchParams.get('ms'));
      return new Response(null, { status: 204 });
    }
    if (url.pathname === '/__test/restart') {
      handler = start();
      return new Response(null, { status: 204 });
    }
    return handler.fetch(request, env, ctx);
  },
};
`;

const DEFAULT_WORKER = `export { default } from './edge.js';\n`;

/** A worker under test. */
export interface WorkerSpec {
  readonly name: string;
  /** The handler's settings (the worker's `vars` and secrets). */
  readonly bindings: Readonly<Record<string, string>>;
  /** Wrap `createHandler` with a clock the test moves (`setClock`); else the default export. */
  readonly clock?: boolean;
}

/** A response as a test reads it. */
export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** workerd running the workers. */
export interface Workerd {
  /** Sends a request to a worker; the URL's host is the worker's own. */
  request(worker: string, path: string, init?: RequestInit): Promise<Answer>;
  /** Moves a clock worker's clock. */
  setClock(worker: string, at: Date): Promise<void>;
  /** Replaces a clock worker's handler with a new one, its memory empty, as a new isolate. */
  restart(worker: string): Promise<void>;
  /** Everything the workers wrote to standard output and error. */
  readonly output: () => string;
  close(): Promise<void>;
}

/** Starts workerd with one worker per spec. */
export async function startWorkerd(specs: readonly WorkerSpec[]): Promise<Workerd> {
  const edge = readFileSync(builtEdgeModule(), 'utf8');
  let output = '';
  const mf = new Miniflare({
    workers: specs.map((spec) => ({
      name: spec.name,
      compatibilityDate: '2025-04-01',
      modules: [
        {
          type: 'ESModule' as const,
          path: 'worker.js',
          contents: spec.clock ? CLOCK_WORKER : DEFAULT_WORKER,
        },
        { type: 'ESModule' as const, path: 'edge.js', contents: edge },
      ],
      bindings: { ...spec.bindings },
      // Each worker answers its own host, as a route of a zone would.
      routes: [`${spec.name}.example/*`],
    })),
    handleRuntimeStdio(stdout, stderr) {
      stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    },
  });
  await mf.ready;
  return {
    async request(name, path, init = {}) {
      const response = await mf.dispatchFetch(`http://${name}.example${path}`, init as never);
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => (headers[key] = value));
      return { status: response.status, headers, body: await response.text() };
    },
    async setClock(name, at) {
      const response = await mf.dispatchFetch(`http://${name}.example/__test/clock?ms=${at.getTime()}`);
      await response.arrayBuffer();
      if (response.status !== 204) throw new Error(`${name} has no test clock`);
    },
    async restart(name) {
      const response = await mf.dispatchFetch(`http://${name}.example/__test/restart`);
      await response.arrayBuffer();
      if (response.status !== 204) throw new Error(`${name} cannot restart`);
    },
    output: () => output,
    close: () => mf.dispose(),
  };
}
