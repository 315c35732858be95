// An esbuild plugin for the Node-side bundles (the feed command, the edge handler).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Sources import each other as `./x.js`: bundle `x.ts` even when a compiled `x.js` lies beside it. */
export const preferTypeScript = {
  name: 'prefer-typescript',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.?\/.*\.js$/ }, ({ path, importer }) => {
      const source = resolve(dirname(importer), path.replace(/\.js$/, '.ts'));
      return existsSync(source) ? { path: source } : undefined;
    });
  },
};
