// Bundles the feed command into one executable ES module for Node: dist/cli/weather-strip-feed.js
// (or the path given as the first argument), with the scheduled-publishing workflow inside it;
// the default build also ships the workflow as dist/workflow/weather-feed.yml.
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { preferTypeScript } from './prefer-typescript.js';

const outfile = process.argv[2] ?? 'dist/cli/weather-strip-feed.js';
const WORKFLOW = 'src/cli/weather-feed.yml';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [preferTypeScript],
  loader: { '.yml': 'text' },
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
if (process.argv[2] === undefined) {
  mkdirSync('dist/workflow', { recursive: true });
  copyFileSync(WORKFLOW, 'dist/workflow/weather-feed.yml');
}
