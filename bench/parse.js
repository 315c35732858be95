// The kma_sfctm2 parser of the feed command: an hour of every station, a 50 MB input, and a
// header that repeats one name 40,000 times. Node only, a few seconds.
//
//   npm run bench -- --parse           this section alone
//
// The parser is bundled from src/kma-feed/sfctm2.ts with esbuild, so the current source is measured.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { median } from './report.js';

const ROOT = resolve(import.meta.dirname, '..');
const MB = 1024 * 1024;

async function loadParser() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-parse-'));
  const outfile = join(dir, 'sfctm2.mjs');
  await build({
    entryPoints: [join(ROOT, 'src/kma-feed/sfctm2.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'warning',
  });
  const parser = await import(pathToFileURL(outfile).href);
  rmSync(dir, { recursive: true, force: true });
  return parser;
}

/** Milliseconds of each of `runs` calls of `fn`, after one call to warm up. */
function time(fn, runs) {
  fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

function inputs() {
  const reference = readFileSync(
    join(ROOT, 'tests/fixtures/kma/kma_sfctm2_reference_202508011500.txt'),
    'utf8',
  );
  const lines = reference.split('\n');
  const header = lines.slice(0, 4).join('\n');
  const rows = lines.filter((line) => /^\d{12} /.test(line));
  // About 100 stations report each hour: KMA's 19 reference rows under 100 station numbers.
  const hourRows = Array.from({ length: 100 }, (_, i) =>
    rows[i % rows.length].replace(/^(\d{12}) +\d+/, (_m, tm) => `${tm} ${String(90 + i * 3).padStart(3)}`),
  );
  const hour = `${header}\n${hourRows.join('\n')}\n#7777END\n`;
  const block = `${rows.join('\n')}\n`;
  const big = `${header}\n${block.repeat(Math.ceil((50 * MB) / block.length))}#7777END\n`;
  const names = `# YYMMDDHHMI STN ${'RN '.repeat(40_000)}`;
  const units = `#        KST  ID ${'mm '.repeat(40_000)}`;
  const repeats = `#START7777\n${names}\n${units}\n#7777END\n`;
  return { hour, big, repeats, hourRows: hourRows.length, bigRows: (big.match(/\n\d{12} /g) ?? []).length };
}

/** Runs the parse benchmark; returns its figures and a Markdown table of them. */
export async function parseBench({ log = console.error } = {}) {
  const { parseSfctm2, SFCTM2_MAX_LENGTH } = await loadParser();
  const input = inputs();
  log('parse: an hour of every station, 50 MB, a header that repeats one name 40,000 times');
  const unbounded = { maxLength: Infinity };
  const cases = [
    ['an hour of every station', input.hour, input.hourRows, () => parseSfctm2(input.hour), 200],
    [
      '50 MB, read whole (bound lifted)',
      input.big,
      input.bigRows,
      () => parseSfctm2(input.big, unbounded),
      3,
    ],
    [
      `50 MB, as the command reads it (refused over ${SFCTM2_MAX_LENGTH / MB} MB)`,
      input.big,
      0,
      () => {
        try {
          parseSfctm2(input.big);
        } catch {
          return;
        }
        throw new Error('a 50 MB input was not refused');
      },
      20,
      'refused',
    ],
    ['header: one name 40,000 times', input.repeats, 0, () => parseSfctm2(input.repeats), 5],
  ];
  const rows = cases.map(([name, text, count, fn, runs, refused]) => {
    const samples = time(fn, runs);
    const ms = median(samples);
    return {
      name,
      kB: text.length / 1024,
      rows: count,
      runs,
      ms,
      minMs: Math.min(...samples),
      maxMs: Math.max(...samples),
      // Throughput of text read; a refusal reads nothing.
      mbPerSecond: refused ? NaN : text.length / MB / (ms / 1000),
    };
  });
  const fmt = (n, d) =>
    !Number.isFinite(n) ? '–' : n >= 1000 ? Math.round(n).toLocaleString('en') : n.toFixed(d);
  const markdown = [
    '## kma_sfctm2 parser',
    '',
    `Node ${process.versions.node}. Median of the runs (range).`,
    '',
    '| input | size (kB) | rows | runs | ms | MB/s |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${fmt(r.kB, 1)} | ${r.rows ? r.rows.toLocaleString('en') : '–'} | ${r.runs} | ${fmt(r.ms, 2)} (${fmt(r.minMs, 2)}–${fmt(r.maxMs, 2)}) | ${fmt(r.mbPerSecond, 0)} |`,
    ),
    '',
  ].join('\n');
  return { rows, markdown };
}
