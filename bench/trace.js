// The strip's start-up read from a Chrome trace of one load: where the main thread's time goes
// from the bundle's arrival to the first frame that shows its stations, and which code the CPU
// samples fall in (mapped back to the sources through the bundle's source map).
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

/** Trace categories of the traced loads (timeline, V8 compile and execution, user timing, CPU samples). */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'loading',
];

const COMPILE = /^(v8\.compile|V8\.(Compile|ParseFunction|ParseProgram|PreParse))/;
const STYLE = /^(UpdateLayoutTree|RecalculateStyles)$/;
const PAINT = /^(PrePaint|Paint|Layerize|Commit)$/;

/** The bundle's source map, for `analyzeTrace`. */
export const loadSourceMap = (text) => new TraceMap(text);

/** Total length of the union of `[start, end]` intervals (nested events counted once), µs. */
function unionLength(intervals) {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [start, end] = [-Infinity, -Infinity];
  for (const [s, e] of sorted) {
    if (s > end) {
      if (end > start) total += end - start;
      [start, end] = [s, e];
    } else end = Math.max(end, e);
  }
  if (end > start) total += end - start;
  return total;
}

const within = (outer) => (e) => e.ts >= outer.ts && e.ts + e.dur <= outer.ts + outer.dur;
const busy = (events, test) =>
  unionLength(events.filter((e) => test.test(e.name)).map((e) => [e.ts, e.ts + e.dur])) / 1000;

// Groups a source path of the bundle: Lit's modules by package, ours by file.
function sourceGroup(source) {
  if (!source) return 'bundle (unmapped)';
  const path = source.replace(/^(\.\.\/)+/, '');
  const lit = /node_modules\/((?:@lit\/)?[^/]+)\/(.+)$/.exec(path);
  return lit ? `${lit[1]}/${lit[2]}` : path;
}

/**
 * CPU samples of the page's main thread within `windows` (`[from, to]` pairs, trace µs), as self
 * time per function and per source file. Native work (parsing, style, layout, paint) shows as
 * `(program)`.
 */
function selfTimes(events, main, windows, bundleUrl, map) {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid);
  if (!profile) return undefined;
  const nodes = new Map();
  const samples = [];
  const deltas = [];
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== main.pid || e.id !== profile.id) continue;
    const { cpuProfile = {}, timeDeltas = [] } = e.args.data;
    for (const node of cpuProfile.nodes ?? []) nodes.set(node.id, node);
    samples.push(...(cpuProfile.samples ?? []));
    deltas.push(...timeDeltas);
  }
  const byFunction = new Map();
  const bySource = new Map();
  const add = (m, key, us) => m.set(key, (m.get(key) ?? 0) + us / 1000);
  let t = profile.args.data.startTime;
  for (let i = 0; i < samples.length - 1; i++) {
    t += deltas[i];
    const next = t + deltas[i + 1];
    if (!windows.some(([from, to]) => t >= from && t < to)) continue;
    const frame = nodes.get(samples[i])?.callFrame;
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(root)') continue;
    let fn;
    let source;
    if (frame.url && frame.url.includes(bundleUrl)) {
      const at = map
        ? originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber })
        : { source: null, line: null, name: null };
      source = sourceGroup(at.source);
      fn = `${at.name ?? (frame.functionName || '(anonymous)')} (${source}${at.line ? `:${at.line}` : ''})`;
    } else if (frame.functionName.startsWith('(')) {
      source = fn = frame.functionName;
    } else if (frame.functionName === 'CustomElementRegistry.define') {
      // The harness's wrapper: its own time is the browser's, registering and upgrading.
      source = fn = 'customElements.define, native part (registration and upgrade)';
    } else if (String(frame.scriptId) === '0') {
      source = 'DOM and built-in calls (with the style and layout they force)';
      fn = `${frame.functionName} (DOM or built-in)`;
    } else {
      source = 'benchmark probe and page scripts (with the style and layout they force)';
      fn = `${frame.functionName || '(anonymous)'} (probe or page script)`;
    }
    add(byFunction, fn, next - t);
    add(bySource, source, next - t);
  }
  return { byFunction: Object.fromEntries(byFunction), bySource: Object.fromEntries(bySource) };
}

/**
 * The start-up phases of the strip in one traced load. `page` holds the page-side figures of
 * the same load (performance.now() times): `feed` (the feed's response end, or null) and
 * `setUp` (the strip's own station on screen). Returns ms, or `undefined` when the trace holds
 * no sign of the bundle.
 */
export function analyzeTrace(buffer, { bundleUrl, map, page }) {
  const events = JSON.parse(buffer.toString('utf8')).traceEvents;
  // User Timing marks carry their performance.now() time: they give the thread and the clock.
  const anchor = events.find(
    (e) => e.cat === 'blink.user_timing' && e.name.startsWith('define weather-strip:'),
  );
  if (!anchor) return undefined;
  const main = { pid: anchor.pid, tid: anchor.tid };
  const offset = anchor.ts - anchor.args.data.startTime * 1000;
  const ms = (ts) => (ts - offset) / 1000;
  const us = (pageMs) => offset + pageMs * 1000;
  const thread = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const marks = new Map(
    events
      .filter((e) => e.cat === 'blink.user_timing' && e.pid === main.pid && e.ph !== 'X' && e.args?.data)
      .map((e) => [e.name, e.ts]),
  );
  const tasks = thread.filter((e) => e.name === 'RunTask' && e.cat.includes('devtools.timeline'));
  const taskAt = (ts) => tasks.find((t) => t.ts <= ts && ts <= t.ts + t.dur);

  const evaluate = thread.find(
    (e) => e.name === 'v8.evaluateModule' && e.ts <= anchor.ts && anchor.ts <= e.ts + e.dur,
  );
  const compile = thread.find((e) => e.name === 'v8.compileModule' && e.args?.data?.url?.includes(bundleUrl));
  const defineMs = (tag) => {
    const [start, end] = [marks.get(`define ${tag}:start`), marks.get(`define ${tag}:end`)];
    return start !== undefined && end !== undefined ? (end - start) / 1000 : NaN;
  };
  const updateEnd = marks.get('weather-strip first update:end');
  const microtasks =
    updateEnd === undefined
      ? undefined
      : thread.find(
          (e) => e.name === 'RunMicrotasks' && e.ts <= updateEnd && updateEnd <= e.ts + e.dur + 100,
        );
  const bundleTask = evaluate ? taskAt(evaluate.ts) : undefined;
  const inBundleTask = bundleTask ? thread.filter(within(bundleTask)) : [];

  // The first frame painted after the first update: its task's style, layout and paint.
  const frameTask =
    updateEnd === undefined
      ? undefined
      : tasks.find((t) => t.ts >= updateEnd && thread.some((e) => e.name === 'Paint' && within(t)(e)));
  const inFrame = frameTask ? thread.filter(within(frameTask)) : [];

  // With a feed: the main thread's tasks from the feed's arrival to the strip's station on screen.
  let afterFeed;
  if (page.feed !== null && Number.isFinite(page.setUp)) {
    const span = tasks.filter((t) => t.ts >= us(page.feed) && t.ts < us(page.setUp));
    afterFeed = {
      busyMs: span.reduce((sum, t) => sum + t.dur, 0) / 1000,
      longestMs: Math.max(0, ...span.map((t) => t.dur / 1000)),
      tasks: span.filter((t) => t.dur >= 1000).length,
    };
  }

  // The samples of the strip's own start-up: from its compile to the first frame after its
  // update and its station on screen; with a feed, from the feed's arrival to its stations.
  const startUpFrom = compile?.ts ?? bundleTask?.ts ?? anchor.ts;
  const frameEnd = frameTask ? frameTask.ts + frameTask.dur : (bundleTask?.ts ?? 0) + (bundleTask?.dur ?? 0);
  const setUpAt = Number.isFinite(page.setUp) ? us(page.setUp) : 0;
  const windows =
    page.feed !== null
      ? [
          [startUpFrom, frameEnd],
          [us(page.feed), setUpAt],
        ]
      : [[startUpFrom, Math.max(frameEnd, setUpAt)]];
  const beforeSetUp = tasks.filter((t) => ms(t.ts) < (Number.isFinite(page.setUp) ? page.setUp : Infinity));
  return {
    bundleEvaluatedAtMs: evaluate ? ms(evaluate.ts) : NaN,
    compileMs: compile ? compile.dur / 1000 : NaN,
    evaluateMs: evaluate ? evaluate.dur / 1000 : NaN,
    defineStationMs: defineMs('weather-station'),
    defineStripMs: defineMs('weather-strip'),
    defineCardMs: defineMs('article-card'),
    firstUpdateMs: microtasks ? (updateEnd - microtasks.ts) / 1000 : NaN,
    firstUpdateInBundleTask: Boolean(microtasks && bundleTask && within(bundleTask)(microtasks)),
    bundleTaskMs: bundleTask ? bundleTask.dur / 1000 : NaN,
    lazyCompileMs: busy(inBundleTask, COMPILE),
    forcedStyleLayoutMs: busy(inBundleTask, /^(UpdateLayoutTree|Layout)$/),
    frameTaskMs: frameTask ? frameTask.dur / 1000 : NaN,
    frameStyleMs: busy(inFrame, STYLE),
    frameLayoutMs: busy(inFrame, /^Layout$/),
    framePaintMs: busy(inFrame, PAINT),
    frameScriptMs: busy(
      inFrame.filter((e) => e.args?.data?.url?.includes(bundleUrl)),
      /^FunctionCall$/,
    ),
    longestTracedTaskMs: Math.max(0, ...beforeSetUp.map((t) => t.dur / 1000)),
    afterFeed,
    samples: selfTimes(events, main, windows, bundleUrl, map),
  };
}
