import { defineConfig } from 'vite';
import { getBabelOutputPlugin } from '@rollup/plugin-babel';
import typescript from '@rollup/plugin-typescript';
import { idiomaticDecoratorsTransformer } from '@lit/ts-transformers';
import browserslistToEsbuild from 'browserslist-to-esbuild';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';

// The CDN bundle: one self-contained, minified ES module with Lit inside that registers every
// element. `<script type="module" src=".../dist/cdn/weather-strip.js">` is the whole install.
/** Lit's notice, once for all of its modules (they differ only in the year). */
const LIT_LICENSE = `/**
 * @license Lit (https://lit.dev)
 * Copyright 2017 Google LLC
 * SPDX-License-Identifier: BSD-3-Clause
 */`;

/** package.json's `browserslist`, as the minifier names browsers (`chrome85`, `safari15`…). */
const BROWSERS = browserslistToEsbuild();

export default defineConfig({
  publicDir: false,
  plugins: [
    // Lit's decorators become the plain JavaScript they stand for (`static properties`, field
    // values set in the constructor), by Lit's own transformer: the source keeps `@property`
    // and `@state`, and the bundle carries neither the decorator runtime nor `__decorate` calls.
    {
      ...typescript({
        tsconfig: './tsconfig.json',
        include: ['src/**/*.ts'],
        compilerOptions: { noEmit: false, declaration: false, sourceMap: true, inlineSources: true },
        transformers: { before: [{ type: 'program', factory: idiomaticDecoratorsTransformer }] },
      }),
      enforce: 'pre',
    },
    // Lit's css``, html`` and svg`` text is shipped as written: minify it.
    minifyTemplateLiterals({
      include: ['src/**/*.ts'],
      failOnError: true,
      // svg`` fragments are parsed as SVG, where `<path/>` must stay self-closing.
      options: { minifyOptions: { keepClosingSlash: true } },
    }),
    // Lowers the bundle to the browserslist (babel.config.js): class static blocks, which
    // TypeScript's class fields become, are a SyntaxError before Chrome 94 and Safari 16.4.
    getBabelOutputPlugin({ configFile: './babel.config.js' }),
  ],
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    sourcemap: true,
    // No lowering by the bundler: its own lowering to the browserslist would turn every
    // `#private` member into a WeakMap (before Chrome 98 and Safari 16), where Babel lowers only
    // what the browsers lack.
    target: 'es2022',
    // Terser's compressor first (it folds more than Oxc's), then Oxc's minifier on its output
    // (`output.minify` below): about 200 B of gzip less than Oxc alone. Safe transforms only:
    // no `unsafe` or `pure_getters`, which could drop a property read kept for its side effect.
    minify: 'terser',
    terserOptions: {
      module: true,
      ecma: 2020,
      compress: { passes: 3 },
      mangle: false, // Oxc mangles afterwards
      format: { comments: false },
    },
    lib: {
      entry: { 'weather-strip': 'src/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    // Oxc writes only syntax the browserslist parses. Pure annotations only help a bundler that
    // re-bundles this file; nobody does. Every Lit module carries the same license comment: the
    // bundle states it once, at the top, after V8's hint to compile every function eagerly.
    rolldownOptions: {
      output: {
        minify: { compress: { target: BROWSERS }, mangle: true, codegen: true },
        postBanner: `//# allFunctionsCalledOnLoad\n${LIT_LICENSE}`,
        comments: { legal: false, annotation: false, jsdoc: false },
      },
    },
  },
});
