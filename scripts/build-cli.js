// Bundles the feed command into one executable ES module for Node: dist/cli/weather-strip-feed.js
// (or the path given as the first argument).
import { chmodSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';

const outfile = process.argv[2] ?? 'dist/cli/weather-strip-feed.js';

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
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
