// What one page costs, read from Chromium: CDP thread-time metrics of the page's main thread,
// CPU time of the renderer and GPU processes from /proc, layout shifts and the first station
// seen on screen from inside the page.
import { readFile, readdir } from 'node:fs/promises';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs in every page before its own scripts: sums layout shifts, and records when the first
 * station is first seen on screen (laid out, not clipped or covered: hit-tested at its centre
 * line) by polling once per frame until it is.
 */
export function initScript(firstStation) {
  return `(() => {
  const b = (window.__bench = { cls: 0, shifts: 0, first: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) { b.cls += e.value; b.shifts += 1; }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
  const seen = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || !el.textContent.trim()) return false;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const x = r.left + Math.min(r.width / 2, 8), y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
    const hit = el.getRootNode().elementFromPoint(x, y);
    return hit !== null && (hit === el || el.contains(hit));
  };
  const poll = () => {
    const el = ${firstStation};
    if (el && seen(el)) b.first = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;
}

/**
 * Fake timers for the long-run checks. Real until `__clock.install()`; from then on `setTimeout`
 * queues and `__clock.tick(ms)` runs what falls due, in order. Only timers are faked: rendering,
 * events and fetch stay real.
 */
export const FAKE_TIMERS = `(() => {
  const realSet = window.setTimeout.bind(window);
  const realClear = window.clearTimeout.bind(window);
  const queue = new Map();
  let now = 0, nextId = 1 << 30, fired = 0, installed = false;
  window.setTimeout = (fn, ms = 0, ...args) => {
    if (!installed) return realSet(fn, ms, ...args);
    const id = nextId++;
    queue.set(id, { at: now + Math.max(0, Number(ms) || 0), fn, args });
    return id;
  };
  window.clearTimeout = (id) => { if (!queue.delete(id)) realClear(id); };
  window.__clock = {
    get fired() { return fired; },
    install() { installed = true; },
    tick(ms) {
      const end = now + ms;
      for (;;) {
        let due;
        for (const entry of queue) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        queue.delete(due[0]);
        now = due[1].at;
        fired += 1;
        if (typeof due[1].fn === 'function') due[1].fn(...due[1].args);
      }
      now = end;
    },
  };
})();`;

/** The page's CDP metrics as an object (seconds for durations, with thread time when enabled so). */
export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

// CPU time of every thread of a process, in ns (schedstat: exact, unlike the 10 ms ticks of stat).
async function threadTimes(pid) {
  const times = new Map();
  let tids;
  try {
    tids = await readdir(`/proc/${pid}/task`);
  } catch {
    return times;
  }
  await Promise.all(
    tids.map(async (tid) => {
      try {
        const text = await readFile(`/proc/${pid}/task/${tid}/schedstat`, 'utf8');
        times.set(`${pid}/${tid}`, Number(text.split(' ')[0]));
      } catch {
        // The thread ended meanwhile.
      }
    }),
  );
  return times;
}

/** CPU time per thread of the renderer and GPU processes, keyed by kind. */
export async function processTimes(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  const sample = { renderer: new Map(), gpu: new Map() };
  for (const { type, id } of processInfo) {
    const kind = type === 'renderer' ? 'renderer' : type === 'GPU' ? 'gpu' : undefined;
    if (!kind) continue;
    for (const [key, ns] of await threadTimes(id)) sample[kind].set(key, ns);
  }
  return sample;
}

// ms of CPU between two samples; a thread that started in between counts in full.
function cpuBetween(before, after) {
  let ns = 0;
  for (const [key, value] of after) ns += value - (before.get(key) ?? 0);
  return ns / 1e6;
}

/** Measures a window of `seconds`: main-thread CPU, layouts, style recalcs, renderer and GPU CPU. */
export async function measureWindow(cdp, browserCdp, seconds) {
  const m0 = await metrics(cdp);
  const p0 = await processTimes(browserCdp);
  await sleep(seconds * 1000);
  const m1 = await metrics(cdp);
  const p1 = await processTimes(browserCdp);
  const renderer = cpuBetween(p0.renderer, p1.renderer);
  const gpu = cpuBetween(p0.gpu, p1.gpu);
  return {
    mainMs: (m1.TaskDuration - m0.TaskDuration) * 1000,
    scriptMs: (m1.ScriptDuration - m0.ScriptDuration) * 1000,
    layouts: m1.LayoutCount - m0.LayoutCount,
    recalcs: m1.RecalcStyleCount - m0.RecalcStyleCount,
    rendererMs: renderer,
    gpuMs: gpu,
    rendererGpuMs: renderer + gpu,
  };
}

/** JS heap in use after forced full garbage collections. */
export async function heapAfterGc(page, cdp) {
  await page.evaluate(() => {
    for (let i = 0; i < 4; i++) window.gc?.();
  });
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize;
}

/** Tells the page its tab is hidden (or visible again), as a tab switch would. */
export async function emulateHidden(page, hidden) {
  await page.evaluate((on) => {
    if (on) {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    } else {
      delete document.visibilityState;
      delete document.hidden;
    }
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}
