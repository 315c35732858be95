// Bytes of JS and CSS each page loads: as served, minified (esbuild), and gzip -9 of the minified.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { CDN_BUNDLE, VARIANTS, inlineCode } from './pages.js';

const ROOT = resolve(import.meta.dirname, '..');

/** gzip at level 9, as CDNs serve static files. */
export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

async function measure(type, code) {
  const raw = Buffer.byteLength(code);
  const { code: min } = await transform(code, { loader: type, minify: true, legalComments: 'none' });
  // An already-minified file can come out a few bytes larger; keep the smaller.
  const minified = Buffer.byteLength(min) < raw ? min : code;
  return { raw, min: Buffer.byteLength(minified), gzip: gzipSize(Buffer.from(minified)) };
}

/**
 * Bytes per variant: `{ raw, min, gzip, parts: [{ name, raw, min, gzip }] }`. `served` maps a
 * path to the bytes actually served for it (the CDN bundle as read when the server started).
 */
export async function variantSizes(name, served = {}) {
  const variant = VARIANTS[name];
  const parts = [];
  for (const file of variant.files) {
    const code = served[file.path]?.toString('utf8') ?? (await readFile(resolve(ROOT, file.path), 'utf8'));
    parts.push({ name: file.path.split('/').pop(), ...(await measure(file.type, code)) });
  }
  for (const { type, code } of inlineCode(variant, { feedUrl: '/feed.json' })) {
    parts.push({ name: `inline ${type}`, ...(await measure(type, code)) });
  }
  const sum = (key) => parts.reduce((total, part) => total + part[key], 0);
  return { raw: sum('raw'), min: sum('min'), gzip: sum('gzip'), parts };
}

/** The gzip ceiling `npm run check:size` holds the CDN bundle to (.size-limit.js), in bytes. */
async function gzipCeiling() {
  const { default: limits } = await import(pathToFileURL(resolve(ROOT, '.size-limit.js')).href);
  const entry = limits.find((l) => l.path === CDN_BUNDLE && l.gzip);
  const match = /^([\d.]+)\s*(B|KiB|kB)$/.exec(entry?.limit ?? '');
  if (!match) throw new Error(`bench: no gzip ceiling for ${CDN_BUNDLE} in .size-limit.js`);
  return Number(match[1]) * { B: 1, KiB: 1024, kB: 1000 }[match[2]];
}

/** The CDN bundle as shipped (the bytes the server sends): size and gzip -9 of the file itself, and its ceiling. */
export async function bundleFacts(bytes) {
  return { raw: bytes.length, gzip: gzipSize(bytes), gzipCeiling: await gzipCeiling() };
}
