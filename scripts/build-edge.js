// Builds `weather-strip/edge`: dist/edge/index.js (the handler with the feed core bundled in, one
// module with no imports, so that workerd, Deno, Bun and Node load it alike), dist/edge/node.js
// (the Node adapter), and their type declarations. An argument replaces dist/edge.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { preferTypeScript } from './prefer-typescript.js';

const args = process.argv.slice(2);
/** `--js-only`: the modules without their declarations (the tests' quick build). */
const jsOnly = args.includes('--js-only');
const outdir = resolve(args.find((arg) => !arg.startsWith('--')) ?? 'dist/edge');
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/edge/index.ts', node: 'src/edge/node.ts' },
  outdir,
  bundle: true,
  platform: 'neutral',
  format: 'esm',
  target: 'es2022',
  plugins: [preferTypeScript],
  legalComments: 'none',
  logLevel: 'warning',
});

if (jsOnly) process.exit(0);

// Declarations: tsc writes every module's; the package keeps those the entry points reach, which
// must stay inside edge/ (the public types name nothing of the feed core).
const temp = mkdtempSync(join(tmpdir(), 'weather-strip-edge-types-'));
try {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(root, 'tsconfig.edge.json'),
      '--noEmit',
      'false',
      '--declaration',
      '--emitDeclarationOnly',
      '--rootDir',
      join(root, 'src'),
      '--outDir',
      temp,
    ],
    { stdio: 'inherit' },
  );
  const pending = ['index.d.ts', 'node.d.ts'];
  const copied = new Set();
  mkdirSync(outdir, { recursive: true });
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (copied.has(file)) continue;
    copied.add(file);
    const text = readFileSync(join(temp, 'edge', file), 'utf8');
    for (const [, specifier] of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]/gm)) {
      if (!/^\.\/[\w-]+\.js$/.test(specifier)) {
        throw new Error(`edge/${file} imports ${specifier}: the public types must stay inside edge/`);
      }
      pending.push(specifier.slice(2).replace(/\.js$/, '.d.ts'));
    }
    writeFileSync(join(outdir, file), text);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
