// npm run bench: weather-strip against the tickers news sites use, in headless Chromium.
//
//   npm run bench                      desktop (ticking, idle, memory), phone (start-up), parser (~13 min)
//   npm run bench -- --phone           the phone profile alone: 4× CPU, 412 px, 5 cold loads each (~4 min)
//   npm run bench -- --desktop         the desktop section alone (~9 min)
//   npm run bench -- --quick           1 round, 9 s windows, 2 phone loads, shorter memory runs (~3 min)
//   npm run bench -- --check           exit 1 when a target fails
//   npm run bench -- --parse           only the feed command's kma_sfctm2 parser (seconds, no browser)
//   npm run bench -- --only ours,timer --rounds 2 --seconds 30 --idle 8 --loads 5 --build
//   BENCH_ROUNDS, BENCH_SECONDS, BENCH_IDLE_SECONDS, BENCH_LOADS: the same as the flags.
//
// Results: a table on stdout, bench/results/latest.md and bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/browsers.js';
import { CDN_BUNDLE, PHONE_VARIANTS, VARIANTS } from './pages.js';
import { startServer } from './server.js';
import { bundleFacts, variantSizes } from './sizes.js';
import { emulateHidden, heapAfterGc, initScript, measureWindow, sleep } from './measure.js';
import { connectCycles, manyTicks } from './memory.js';
import { checkTargets, markdown, summarize } from './report.js';
import { parseBench } from './parse.js';
import { runPhone } from './phone.js';
import { checkPhoneTargets, phoneMarkdown, summarizePhone } from './phone-report.js';
import { loadSourceMap } from './trace.js';

const ROOT = resolve(import.meta.dirname, '..');
const TICK_SECONDS = 3;
const FEED_DELAY_MS = 1500;
const VIEWPORT = { width: 1000, height: 700 };
// The scrolled-out and hidden-tab checks run for these (ours has the target; the baseline shows the contrast).
const IDLE_VARIANTS = ['ours', 'timer'];

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    phone: { type: 'boolean', default: false },
    desktop: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    only: { type: 'string' },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    idle: { type: 'string' },
    loads: { type: 'string' },
    'no-memory': { type: 'boolean', default: false },
    parse: { type: 'boolean', default: false },
  },
});

const num = (flag, env, fallback) => {
  const value = Number(flag ?? process.env[env] ?? fallback);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`bench: bad value for ${env}: ${flag ?? process.env[env]}`);
  return value;
};
const config = {
  rounds: num(flags.rounds, 'BENCH_ROUNDS', flags.quick ? 1 : 2),
  seconds: num(flags.seconds, 'BENCH_SECONDS', flags.quick ? 9 : 30),
  idleSeconds: num(flags['idle'], 'BENCH_IDLE_SECONDS', flags.quick ? 4 : 8),
  // Phone profile: cold loads per ticker and page.
  loads: num(flags.loads, 'BENCH_LOADS', flags.quick ? 2 : 5),
  cycles: flags.quick ? 200 : 1000,
  ticks: flags.quick ? 2000 : 10000,
  memory: !flags['no-memory'],
};
const names = flags.only ? flags.only.split(',').map((s) => s.trim()) : Object.keys(VARIANTS);
for (const name of names) if (!VARIANTS[name]) throw new Error(`bench: unknown variant ${name}`);
const phoneNames = PHONE_VARIANTS.filter((n) => names.includes(n));
// Both sections unless one is asked for.
const sections = {
  desktop: flags.desktop || !flags.phone,
  phone: (flags.phone || !flags.desktop) && phoneNames.length > 0,
  parse: !flags.phone && !flags.desktop,
};

const log = (...args) => console.error('[bench]', ...args);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function ensureBundle() {
  const bundle = resolve(ROOT, CDN_BUNDLE);
  if (flags.build || !existsSync(bundle)) {
    log(`building ${CDN_BUNDLE} (npm run build:cdn)`);
    execFileSync('npm', ['run', '--silent', 'build:cdn'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } else if (newestSource(resolve(ROOT, 'src')) > statSync(bundle).mtimeMs) {
    log(
      `note: ${CDN_BUNDLE} is older than src/; pass --build (or run npm run build) to measure the current code`,
    );
  }
}

async function launch() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
  return { browser, browserCdp: await browser.newBrowserCDPSession() };
}

async function openVariant(browser, origin, name, delay) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(initScript(VARIANTS[name].first));
  await page.goto(`${origin}/page/${name}.html?delay=${delay}`);
  // The first station on screen, and the probe that watches for it done.
  await page.waitForFunction(() => window.__bench.settled, null, { timeout: 20_000, polling: 100 });
  return { context, page };
}

/** One round of one variant: load with the feed late, tick, then (for some) scroll away and hide. */
async function measureVariant(browser, browserCdp, origin, name) {
  const { context, page } = await openVariant(browser, origin, name, FEED_DELAY_MS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await sleep(1000);
  const tick = await measureWindow(cdp, browserCdp, config.seconds);
  const cls = await page.evaluate(() => window.__bench.cls);
  const sample = { tick, cls };
  // The idle windows before the forced GCs of the heap reading: V8's memory reducer answers those
  // with a major GC some seconds later, which is no work of the page's.
  if (IDLE_VARIANTS.includes(name)) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await sleep(1000);
    sample.offscreen = await measureWindow(cdp, browserCdp, config.idleSeconds);
    await page.evaluate(() => window.scrollTo(0, 0));
    await emulateHidden(page, true);
    await sleep(1000);
    sample.hidden = await measureWindow(cdp, browserCdp, config.idleSeconds);
    await emulateHidden(page, false);
  }
  sample.heap = await heapAfterGc(page, cdp);
  await context.close();
  return sample;
}

const labels = Object.fromEntries(names.map((n) => [n, VARIANTS[n].label]));

/** The desktop section: ticking, idle, CLS and memory, interleaved rounds. */
async function desktopSection(server) {
  const loadAverage = { before: loadavg() };
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  let chromiumVersion = '';
  let elements = [];
  const estimate =
    config.rounds *
    names.reduce(
      (t, n) => t + config.seconds + 4 + (IDLE_VARIANTS.includes(n) ? 2 * config.idleSeconds + 3 : 0),
      0,
    );
  log(
    `desktop: ${names.length} variants × ${config.rounds} round(s), ${config.seconds} s windows; about ${Math.ceil(estimate / 60)} min before the memory checks`,
  );
  for (let round = 0; round < config.rounds; round++) {
    const { browser, browserCdp } = await launch();
    chromiumVersion = `Chromium ${browser.version()}`;
    // Interleaved: every variant once per round, starting one further along each round.
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      log(`desktop round ${round + 1}/${config.rounds}: ${name}`);
      samples[name].push(await measureVariant(browser, browserCdp, server.origin, name));
    }
    if (round === 0 && names.includes('ours')) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.origin}/page/ours.html?delay=0`);
      elements = await page.evaluate(() =>
        ['weather-strip', 'weather-station', 'article-card'].filter((tag) => customElements.get(tag)),
      );
      await context.close();
    }
    await browser.close();
  }
  const memory = {};
  if (config.memory && names.includes('ours')) {
    const { browser } = await launch();
    // A failing check is reported, not fatal: the rounds above are worth keeping.
    try {
      log(`memory: ${config.cycles} connect/disconnect cycles`);
      memory.cycles = await connectCycles(browser, server.origin, config.cycles);
    } catch (error) {
      memory.cyclesError = String(error);
      log(`memory cycles failed: ${error}`);
    }
    try {
      log(`memory: ${config.ticks} ticks`);
      memory.ticks = await manyTicks(browser, server.origin, config.ticks);
    } catch (error) {
      memory.ticksError = String(error);
      log(`memory ticks failed: ${error}`);
    }
    await browser.close();
  }
  loadAverage.after = loadavg();

  const sizes = {};
  for (const name of names) sizes[name] = await variantSizes(name, { [CDN_BUNDLE]: server.bundle });
  const bundle = { ...(await bundleFacts(server.bundle)), elements };
  const summary = Object.fromEntries(
    names.map((n) => [n, summarize(samples[n], TICK_SECONDS, config.seconds)]),
  );
  const targets = checkTargets({ summary, bundle, memory, seconds: config.seconds });
  const meta = {
    chromium: chromiumVersion,
    cpus: cpus().length,
    rounds: config.rounds,
    seconds: config.seconds,
    idleSeconds: config.idleSeconds,
    feedDelayMs: FEED_DELAY_MS,
    loadAverage,
  };
  return {
    markdown: markdown({ meta, labels, sizes, summary, bundle, memory, targets }),
    json: { meta, sizes, bundle, summary, samples, memory },
    targets,
  };
}

/** The phone section: cold start-up on a throttled CPU, and the strip's traced phases. */
async function phoneSection(server) {
  const sourceMapFile = resolve(ROOT, `${CDN_BUNDLE}.map`);
  const map = existsSync(sourceMapFile) ? loadSourceMap(await readFile(sourceMapFile, 'utf8')) : undefined;
  const estimate = config.loads * (phoneNames.length * 2 + 2) * 4.5;
  log(
    `phone: ${phoneNames.length} tickers × 2 pages × ${config.loads} cold loads, plus 2 traced loads of the strip per round; about ${Math.ceil(estimate / 60)} min`,
  );
  const run = await runPhone({ origin: server.origin, names: phoneNames, loads: config.loads, log, map });
  const phone = summarizePhone(run);
  const targets = checkPhoneTargets(phone, run.samples);
  const meta = {
    chromium: run.chromium,
    cpus: cpus().length,
    loads: config.loads,
    loadAverage: run.loadAverage,
    errors: run.errors,
  };
  const phoneLabels = Object.fromEntries(phoneNames.map((n) => [n, labels[n]]));
  return {
    markdown: phoneMarkdown({ meta, labels: phoneLabels, phone, targets }),
    json: { meta, ...phone, loads: run.samples, traces: run.traces, calibrationMs: run.calibration },
    targets,
  };
}

async function main() {
  const started = Date.now();
  ensureBundle();
  const server = await startServer();
  try {
    const parts = [];
    const json = {};
    if (sections.desktop) parts.push(['desktop', await desktopSection(server)]);
    if (sections.phone) parts.push(['phone', await phoneSection(server)]);
    for (const [key, part] of parts) json[key] = part.json;
    const targets = parts.flatMap(([, part]) => part.targets);
    const meta = {
      date: new Date().toISOString(),
      node: process.versions.node,
      cpus: cpus().length,
      sections: Object.keys(sections).filter((k) => sections[k]),
      ...config,
      minutes: +((Date.now() - started) / 60000).toFixed(1),
    };
    let text =
      `# weather-strip benchmark\n\n${meta.date} · Node ${meta.node} · ${meta.cpus} CPUs · ` +
      `sections: ${meta.sections.join(', ')} · ${meta.minutes} min\n\n` +
      parts.map(([, part]) => part.markdown).join('\n');
    if (sections.parse) {
      const parse = await parseBench({ log });
      text += `\n${parse.markdown}`;
      json.parse = parse.rows;
    }
    const dir = resolve(ROOT, 'bench/results');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'latest.md'), text);
    await writeFile(join(dir, 'latest.json'), `${JSON.stringify({ meta, ...json, targets }, null, 2)}\n`);
    console.log(text);
    log(`written bench/results/latest.md and latest.json in ${meta.minutes} min`);
    const failed = targets.filter((t) => !t.pass);
    if (failed.length) log(`${failed.length} target(s) not met`);
    if (flags.check && failed.length) process.exitCode = 1;
  } finally {
    await server.close();
  }
}

if (flags.parse) {
  const { rows, markdown: text } = await parseBench({ log });
  console.log(text);
  const dir = resolve(ROOT, 'bench/results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'parse.md'), text);
  await writeFile(
    join(dir, 'parse.json'),
    `${JSON.stringify({ node: process.versions.node, rows }, null, 2)}\n`,
  );
  log('written bench/results/parse.md and parse.json');
} else {
  await main();
}
