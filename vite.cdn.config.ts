import { defineConfig } from 'vite';

// The CDN bundle: one self-contained, minified ES module with Lit inside that registers every
// element. `<script type="module" src=".../dist/cdn/weather-strip.js">` is the whole install.
export default defineConfig({
  publicDir: false,
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
    rolldownOptions: { output: { minify: true } },
  },
});
