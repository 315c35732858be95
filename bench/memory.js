// Whether the strip's JS heap stays flat: across many connect/disconnect cycles, and across many
// ticks (driven by fake timers so that 10 000 ticks take seconds, with a real frame rendered
// after every few ticks so that styles, transitions and observers run as they would).
import { FAKE_TIMERS, heapAfterGc, sleep } from './measure.js';

const SAMPLES = 4;

async function openPage(browser, origin, { fakeTimers }) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  if (fakeTimers) await page.addInitScript(FAKE_TIMERS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(`${origin}/page/memory.html?delay=0`);
  await page.waitForFunction(
    () => document.querySelector('weather-strip')?.shadowRoot?.querySelectorAll('li.station').length === 16,
    null,
    { timeout: 20_000 },
  );
  return { context, page, cdp };
}

// Runs `step(warmUp)` once, then `step(count)` SAMPLES times, reading the heap after a GC before
// the warm-up and after each run. The warm-up's growth is reported beside the steady growth.
async function heapSeries(page, cdp, total, warmUp, step) {
  const cold = await heapAfterGc(page, cdp);
  await step(warmUp);
  const heap = [await heapAfterGc(page, cdp)];
  for (let i = 0; i < SAMPLES; i++) {
    await step(total / SAMPLES);
    await sleep(300);
    heap.push(await heapAfterGc(page, cdp));
  }
  return {
    cold,
    warmUp,
    heap,
    growth: heap[heap.length - 1] / heap[0] - 1,
    warmUpGrowth: heap[0] / cold - 1,
  };
}

/**
 * 1 000 cycles each of: the same strip removed and put back; a new strip with data added and
 * removed. Each is measured after as many warm-up cycles: the first few hundred grow the heap once
 * (V8 keeps the bytecode and optimised code of the paths they run there; a leak keeps growing).
 */
export async function connectCycles(browser, origin, cycles) {
  const { context, page, cdp } = await openPage(browser, origin, { fakeTimers: false });
  await page.evaluate(async () => {
    window.__feed = await (await fetch('/feed.json')).json();
  });
  const reconnect = await heapSeries(page, cdp, cycles, cycles, (n) =>
    page.evaluate(async (count) => {
      const strip = document.querySelector('weather-strip');
      const host = strip.parentElement;
      for (let i = 0; i < count; i++) {
        strip.remove();
        host.append(strip);
        await strip.updateComplete;
        if (i % 10 === 9) await new Promise((r) => requestAnimationFrame(() => r()));
      }
    }, n),
  );
  const fresh = await heapSeries(page, cdp, cycles, cycles, (n) =>
    page.evaluate(async (count) => {
      const host = document.getElementById('host');
      for (let i = 0; i < count; i++) {
        const strip = document.createElement('weather-strip');
        strip.data = window.__feed;
        host.append(strip);
        await strip.updateComplete;
        if (i % 10 === 9) await new Promise((r) => requestAnimationFrame(() => r()));
        strip.remove();
      }
    }, n),
  );
  const stations = await page.evaluate(
    () => document.querySelector('weather-strip')?.shadowRoot?.querySelectorAll('li.station').length ?? 0,
  );
  await context.close();
  return { cycles, reconnect, fresh, stationsAfter: stations };
}

/** `ticks` roll steps of the reference strip, `batch` at a time between rendered frames. */
export async function manyTicks(browser, origin, ticks, batch = 10) {
  const { context, page, cdp } = await openPage(browser, origin, { fakeTimers: true });
  // Fake timers from now on; pausing and resuming (public API) re-arms the roll timer on them.
  await page.evaluate(async () => {
    window.__clock.install();
    const strip = document.querySelector('weather-strip');
    strip.paused = true;
    await strip.updateComplete;
    strip.paused = false;
    await strip.updateComplete;
  });
  let fired = 0;
  const run = async (n) => {
    fired += await page.evaluate(
      async ([count, size]) => {
        const before = window.__clock.fired;
        for (let i = 0; i < count; i += size) {
          for (let j = 0; j < size; j++) window.__clock.tick(3000);
          await new Promise((r) => requestAnimationFrame(() => r()));
        }
        return window.__clock.fired - before;
      },
      [n, batch],
    );
  };
  const series = await heapSeries(page, cdp, ticks, 160, run);
  const moved = await page.evaluate(
    () => document.querySelector('weather-strip')?.shadowRoot?.querySelector('.track')?.style.transform ?? '',
  );
  await context.close();
  return { ticks, timersFired: fired, lastTransform: moved, ...series };
}
