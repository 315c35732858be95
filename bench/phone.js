// The phone profile: cold loads of each ticker's page on a 4×-throttled CPU in a 412 px wide
// mobile viewport, interleaved round by round, and loads of the strip's pages under a Chrome
// trace for its start-up phases.
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/browsers.js';
import { initScript } from './measure.js';
import { VARIANTS } from './pages.js';
import { TRACE_CATEGORIES, analyzeTrace } from './trace.js';

/** CPU slowdown through CDP (`Emulation.setCPUThrottlingRate`), the usual mobile setting of page-speed tools. */
export const CPU_SLOWDOWN = 4;

/** A mid-range Android phone, as page-speed tools emulate one. */
export const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
};

/** Start-up is over once the main thread has had no long task for this long after the load event and the first station. */
export const QUIET_MS = 2000;
const LONG_TASK_MS = 50;
const LOAD_TIMEOUT_MS = 30_000;

/**
 * How late the feed answers on the `src` pages: late enough that it arrives after every page's
 * own start-up, so that the time from its arrival measures the same thing for every ticker (data
 * to pixels on a main thread that is free), not how busy the page still is.
 */
export const PHONE_FEED_DELAY_MS = 1000;

/** The two pages of each ticker: the stations written into the HTML, or fetched from a feed. */
export const PHONE_PAGES = {
  inline: { label: 'stations in the HTML', query: 'data=inline' },
  feed: { label: '`src` feed', query: `delay=${PHONE_FEED_DELAY_MS}` },
};

/** What one load's page-side figures come to, in ms from navigation. */
export function loadFigures(raw) {
  const longest = Math.max(0, ...raw.longTasks.map(([, duration]) => duration));
  // Each long task blocks input for its time beyond the first 50 ms; only what falls after FCP counts.
  const tbt = raw.longTasks.reduce(
    (sum, [start, duration]) => sum + Math.max(0, start + duration - Math.max(start + LONG_TASK_MS, raw.fcp)),
    0,
  );
  const fromFeed = (t) => (raw.feed === null || t === null ? NaN : t - raw.feed);
  return {
    fcpMs: raw.fcp ?? NaN,
    loadMs: raw.load,
    firstMs: raw.first ?? NaN,
    setUpMs: raw.setUp ?? NaN,
    longestMs: longest,
    tbtMs: tbt,
    longTasks: raw.longTasks.length,
    feedMs: raw.feed ?? NaN,
    feedRequestedMs: raw.feedRequested ?? NaN,
    firstFromFeedMs: fromFeed(raw.first),
    setUpFromFeedMs: fromFeed(raw.setUp),
    cls: raw.cls,
    flashes: raw.lost,
  };
}

/** One cold load: a new context (empty cache, cache disabled), throttled before navigating. */
async function coldLoad(browser, origin, name, kind, { trace = false } = {}) {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.addInitScript(initScript(VARIANTS[name].first));
    if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    let traced;
    try {
      await page.goto(`${origin}/page/${name}.html?${PHONE_PAGES[kind].query}`, { timeout: LOAD_TIMEOUT_MS });
      await page.waitForFunction(
        (quiet) => {
          const b = window.__bench;
          const nav = performance.getEntriesByType('navigation')[0];
          if (!b.settled || !nav?.loadEventEnd) return false;
          const lastLong = b.longTasks.reduce((end, [s, d]) => Math.max(end, s + d), 0);
          return performance.now() - Math.max(nav.loadEventEnd, b.first, b.setUp, lastLong) >= quiet;
        },
        QUIET_MS,
        { polling: 250, timeout: LOAD_TIMEOUT_MS },
      );
    } finally {
      if (trace) traced = await browser.stopTracing();
    }
    const raw = await page.evaluate(() => {
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const entry = (part) => performance.getEntriesByType('resource').find((e) => e.name.includes(part));
      return {
        longTasks: b.longTasks,
        fcp: b.fcp,
        first: b.first,
        setUp: b.setUp,
        lost: b.lost,
        cls: b.cls,
        load: nav.loadEventEnd,
        feed: entry('/feed.json')?.responseEnd ?? null,
        feedRequested: entry('/feed.json')?.startTime ?? null,
        bundle: entry('/cdn/weather-strip.js')?.responseEnd ?? null,
      };
    });
    return { raw, figures: loadFigures(raw), trace: traced };
  } finally {
    await context.close();
  }
}

/** The same fixed loop on the throttled CPU (median of 3 after a warm-up): how much the machine's load moves the clock. */
async function calibrate(browser) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto('about:blank');
  const ms = await page.evaluate(() => {
    const loop = () => {
      const start = performance.now();
      let x = 0;
      for (let i = 0; i < 1e6; i++) x += Math.sqrt(i);
      return x > 0 ? performance.now() - start : NaN;
    };
    loop();
    const times = [loop(), loop(), loop()].sort((a, b) => a - b);
    return times[1];
  });
  await context.close();
  return ms;
}

/**
 * Runs the profile: `loads` rounds; in each, every ticker's two pages once (order rotating from
 * round to round), then the strip's two pages under a trace. Returns the per-load figures, the
 * trace analyses, the calibration loop's times and the load average before and after.
 */
export async function runPhone({ origin, names, loads, log, map }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const kinds = Object.keys(PHONE_PAGES);
  const samples = Object.fromEntries(kinds.map((k) => [k, Object.fromEntries(names.map((n) => [n, []]))]));
  const traces = Object.fromEntries(kinds.map((k) => [k, []]));
  const errors = [];
  const calibration = [];
  const loadAverage = { before: loadavg() };
  const version = browser.version();
  try {
    for (let round = 0; round < loads; round++) {
      calibration.push(await calibrate(browser));
      const order = names.map((_, i) => names[(i + round) % names.length]);
      const kindOrder = round % 2 ? [...kinds].reverse() : kinds;
      log(`phone round ${round + 1}/${loads}: ${order.join(', ')}`);
      for (const name of order) {
        for (const kind of kindOrder) {
          try {
            const { figures } = await coldLoad(browser, origin, name, kind);
            samples[kind][name].push(figures);
          } catch (error) {
            errors.push(`${name} (${kind}), round ${round + 1}: ${String(error).split('\n')[0]}`);
            log(`phone load failed: ${errors.at(-1)}`);
          }
        }
      }
      if (!names.includes('ours')) continue;
      for (const kind of kindOrder) {
        try {
          const { raw, figures, trace } = await coldLoad(browser, origin, 'ours', kind, { trace: true });
          const phases = analyzeTrace(trace, { bundleUrl: '/cdn/weather-strip.js', map, page: raw });
          if (phases) traces[kind].push({ ...phases, setUpMs: figures.setUpMs, firstMs: figures.firstMs });
        } catch (error) {
          errors.push(`traced ours (${kind}), round ${round + 1}: ${String(error).split('\n')[0]}`);
          log(`phone trace failed: ${errors.at(-1)}`);
        }
      }
    }
  } finally {
    loadAverage.after = loadavg();
    await browser.close();
  }
  return { samples, traces, calibration, loadAverage, errors, chromium: `Chromium ${version}` };
}
