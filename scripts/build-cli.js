// Bundles the feed command into one executable ES module for Node: dist/cli/weather-strip-feed.js
// (or the path given as the first argument), with the scheduled-publishing workflow inside it;
// the default build also ships the workflow as dist/workflow/weather-feed.yml.
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';

const outfile = process.argv[2] ?? 'dist/cli/weather-strip-feed.js';
const WORKFLOW = 'src/cli/weather-feed.yml';

/** Sources import each other as `./x.js`: bundle `x.ts` even when a compiled `x.js` lies beside it. */
const preferTypeScript = {
  name: 'prefer-typescript',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.?\/.*\.js$/ }, ({ path, importer }) => {
      const source = resolve(dirname(importer), path.replace(/\.js$/, '.ts'));
      return existsSync(source) ? { path: source } : undefined;
    });
  },
};

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
