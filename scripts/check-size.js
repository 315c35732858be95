// Fails when the CDN bundle is over its size budget (gzip -9, as a CDN serves it), and prints
// the size of every bundle so that growth shows in every run.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const KiB = 1024;

/** Bundles and their gzip budgets in bytes. */
const BUNDLES = [
  // Both elements with Lit: one script tag is the whole install.
  { file: 'dist/cdn/weather-strip.js', budget: 12 * KiB },
  // The strip alone: a page without article cards need not pay for them.
  { file: 'dist/cdn/weather-strip-only.js', budget: 12 * KiB },
];

const kib = (bytes) => `${(bytes / KiB).toFixed(2)} KiB`;
let failed = false;
for (const { file, budget } of BUNDLES) {
  let source;
  try {
    source = readFileSync(file);
  } catch {
    console.error(`${file}: missing; run \`npm run build\` first.`);
    failed = true;
    continue;
  }
  const gzip = gzipSync(source, { level: 9 }).length;
  const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const over = gzip > budget;
  failed ||= over;
  console.log(
    `${over ? '✗' : '✓'} ${file}: ${kib(source.length)} minified, ${kib(gzip)} gzip, ${kib(brotli)} brotli` +
      ` (budget ${kib(budget)} gzip${over ? `: ${kib(gzip - budget)} over` : ''})`,
  );
}
process.exit(failed ? 1 : 0);
