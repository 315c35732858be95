// Size ceilings of the CDN bundles (`npm run check:size`, after the build). Bytes are a
// ceiling, never a target: gzip is what the ceilings hold; Brotli and the minified bytes are
// printed beside them so that growth shows in every run. The ceilings were 18.5 and 16 KiB until
// Lit's reactive-property declarations and the phone start-up work (a first render in a task of
// its own, dates without Intl) outgrew them by about 0.3 KiB that no minifier setting recovers.
const BUNDLES = [
  // Both elements with Lit: one script tag is the whole install.
  { name: 'everything', path: 'dist/cdn/weather-strip.js', gzipLimit: '19 KiB' },
  // The strip alone: a page without article cards need not pay for them.
  { name: 'the strip alone', path: 'dist/cdn/weather-strip-only.js', gzipLimit: '16.5 KiB' },
];

export default BUNDLES.flatMap(({ name, path, gzipLimit }) => [
  { name: `${name} (${path}), gzip, ceiling ${gzipLimit}`, path, gzip: true, limit: gzipLimit },
  { name: `${name}, brotli`, path, brotli: true },
  { name: `${name}, minified`, path, brotli: false },
]);
