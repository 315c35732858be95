// What one page costs, read from Chromium: CDP thread-time metrics of the page's main thread,
// CPU time of the renderer and GPU processes from /proc, layout shifts and the first station
// seen on screen from inside the page.
import { readFile, readdir } from 'node:fs/promises';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** How long the first station must stay on screen before it counts (a flash does not). */
export const FIRST_STABLE_MS = 1000;

/**
 * Runs in every page before its own scripts: collects long tasks, paint timings and layout
 * shifts, marks `customElements.define` calls and the strip's first update (User Timing, for
 * traces), and watches for the first station on screen.
 *
 * `firstStation` is an expression giving the elements that may show the first station: the
 * ticker's own rendering first, then any fallback (the `<weather-station>` text before the
 * strip is defined). A station is on screen in a frame when its text is laid out whole: not
 * clipped by any ancestor, inside the viewport, not hidden, and hit-tested at its start. It is
 * checked every frame; the time is taken after that frame's rendering, and only counts when the
 * station then stays on screen for FIRST_STABLE_MS (checked every 100 ms); if it goes, the
 * clock starts again.
 * `first` is the first frame with either element, `setUp` the first with the ticker's own.
 */
export function initScript(firstStation) {
  return `(() => {
  const b = (window.__bench = {
    cls: 0, shifts: 0, longTasks: [], fcp: null,
    first: null, setUp: null, lost: 0, settled: false, probeEnd: null,
  });
  const observe = (type, fn) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch {}
  };
  observe('layout-shift', (e) => { if (!e.hadRecentInput) { b.cls += e.value; b.shifts += 1; } });
  observe('longtask', (e) => b.longTasks.push([e.startTime, e.duration]));
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') b.fcp = e.startTime; });

  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (tag, ...rest) {
    performance.mark('define ' + tag + ':start');
    try { return define.call(this, tag, ...rest); } finally { performance.mark('define ' + tag + ':end'); }
  };
  const attachShadow = Element.prototype.attachShadow;
  let updateMarked = false;
  Element.prototype.attachShadow = function (...args) {
    const root = attachShadow.apply(this, args);
    if (!updateMarked && this.localName === 'weather-strip') {
      updateMarked = true;
      Promise.resolve().then(() => this.updateComplete).then(() => performance.mark('weather-strip first update:end'));
    }
    return root;
  };

  const inside = (r, c) => r.left >= c.left - 1 && r.right <= c.right + 1 && r.top >= c.top - 1 && r.bottom <= c.bottom + 1;
  const parentOf = (el) => el.assignedSlot ?? el.parentElement ?? el.getRootNode().host ?? null;
  const seen = (el) => {
    if (!el || !el.isConnected || !el.textContent.trim()) return false;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    if (!inside(r, { left: 0, top: 0, right: innerWidth, bottom: innerHeight })) return false;
    for (let a = parentOf(el); a; a = parentOf(a)) {
      const style = getComputedStyle(a);
      if ((style.overflowX !== 'visible' || style.overflowY !== 'visible') && !inside(r, a.getBoundingClientRect())) return false;
    }
    const hit = el.getRootNode().elementFromPoint(r.left + Math.min(r.width / 2, 8), r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  };
  // The time after the current frame's rendering: a message posted from requestAnimationFrame
  // runs in the next task.
  const afterFrame = (fn) => { const c = new MessageChannel(); c.port1.onmessage = () => fn(performance.now()); c.port2.postMessage(0); };
  let since = { first: null, setUp: null };
  const check = () => {
    const els = ${firstStation} || [];
    const own = seen(els[0]);
    const any = own || els.slice(1).some(seen);
    afterFrame((now) => {
      for (const [key, on] of [['first', any], ['setUp', own]]) {
        if (on && since[key] === null) since[key] = now;
        if (!on && since[key] !== null) { since[key] = null; b[key] = null; b.lost += 1; }
        if (on && b[key] === null && now - since[key] >= ${FIRST_STABLE_MS}) b[key] = since[key];
      }
      if (b.first !== null && b.setUp !== null) { b.settled = true; b.probeEnd = now; return; }
      // Every frame until both show; then every 100 ms while they have to stay.
      if (since.first === null || since.setUp === null) requestAnimationFrame(check);
      else setTimeout(() => requestAnimationFrame(check), 100);
    });
  };
  requestAnimationFrame(check);
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
