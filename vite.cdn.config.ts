import { defineConfig } from 'vite';
import { minifyLiteralsPlugin } from './scripts/minify-literals.js';

// The CDN bundle: one self-contained, minified ES module with Lit inside that registers every
// element. `<script type="module" src=".../dist/cdn/weather-strip.js">` is the whole install.
/** Lit's notice, once for all of its modules (they differ only in the year). */
const LIT_LICENSE = `/**
 * @license Lit (https://lit.dev)
 * Copyright 2017 Google LLC
 * SPDX-License-Identifier: BSD-3-Clause
 */`;

export default defineConfig({
  publicDir: false,
  // Lit's css``/html`` text is shipped as written; minify it (whitespace only where it is safe).
  plugins: [minifyLiteralsPlugin()],
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    minify: true,
    lib: {
      entry: { 'weather-strip': 'src/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    // Pure annotations only help a bundler that re-bundles this file; nobody does. Every Lit
    // module carries the same license comment: the bundle states it once, at the top.
    rolldownOptions: {
      output: {
        minify: true,
        postBanner: LIT_LICENSE,
        comments: { legal: false, annotation: false, jsdoc: false },
      },
    },
  },
});
