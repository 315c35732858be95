// The phone profile's statistics, targets and Markdown.
import { CPU_SLOWDOWN, PHONE, PHONE_FEED_DELAY_MS, PHONE_PAGES, QUIET_MS } from './phone.js';
import { FIRST_STABLE_MS } from './measure.js';
import { cell, fmt, stats } from './report.js';

const FIGURES = [
  'fcpMs',
  'loadMs',
  'firstMs',
  'setUpMs',
  'longestMs',
  'tbtMs',
  'longTasks',
  'feedMs',
  'feedRequestedMs',
  'firstFromFeedMs',
  'setUpFromFeedMs',
  'cls',
  'flashes',
];

/** Rows of the start-up split: [label, key, pages it applies to]. */
const PHASES = [
  ['bundle starts evaluating (ms after navigation)', 'bundleEvaluatedAtMs'],
  ['module compile, main thread (`v8.compileModule`; parsing is streamed off the main thread)', 'compileMs'],
  ['module evaluation (`v8.evaluateModule`)', 'evaluateMs'],
  ['· of which `define(weather-station)`', 'defineStationMs'],
  ['· of which `define(weather-strip)`, with the upgrade of the strip already on the page', 'defineStripMs'],
  ['· of which `define(article-card)` (no card on the page)', 'defineCardMs'],
  ['first update: Lit update and render, up to `updateComplete` (microtasks)', 'firstUpdateMs'],
  ["the bundle's task, whole (evaluation and the microtasks after it)", 'bundleTaskMs'],
  ['· of which V8 compiling (top level and lazy functions)', 'lazyCompileMs'],
  ['· of which forced style and layout', 'forcedStyleLayoutMs'],
  ['first frame after the update: its task', 'frameTaskMs'],
  ['· style recalc', 'frameStyleMs'],
  ['· layout', 'frameLayoutMs'],
  ['· pre-paint, paint, layerize, commit', 'framePaintMs'],
  ["· the strip's script (observer callbacks)", 'frameScriptMs'],
  ['after the feed arrives: main-thread time until its stations are on screen', 'afterFeedBusyMs', 'feed'],
  ['after the feed arrives: longest task', 'afterFeedLongestMs', 'feed'],
  ["strip's own station on screen (ms after navigation, traced load)", 'setUpMs'],
  ['longest task up to then (trace, any length)', 'longestTracedTaskMs'],
];

const perLoadMean = (list, key) => {
  const total = new Map();
  for (const t of list)
    for (const [k, v] of Object.entries(t.samples?.[key] ?? {})) total.set(k, (total.get(k) ?? 0) + v);
  return Object.fromEntries([...total].map(([k, v]) => [k, v / list.length]).sort((a, b) => b[1] - a[1]));
};

/** Medians and ranges of every figure, per page kind and ticker, and of the traced phases. */
export function summarizePhone(run) {
  const summary = {};
  for (const [kind, byName] of Object.entries(run.samples)) {
    summary[kind] = Object.fromEntries(
      Object.entries(byName).map(([name, loads]) => [
        name,
        Object.fromEntries(FIGURES.map((key) => [key, stats(loads.map((l) => l[key]))])),
      ]),
    );
  }
  const phases = {};
  const samples = {};
  for (const [kind, list] of Object.entries(run.traces)) {
    const rows = list.map((t) => ({
      ...t,
      afterFeedBusyMs: t.afterFeed?.busyMs ?? NaN,
      afterFeedLongestMs: t.afterFeed?.longestMs ?? NaN,
    }));
    phases[kind] = Object.fromEntries(PHASES.map(([, key]) => [key, stats(rows.map((r) => r[key]))]));
    phases[kind].loads = list.length;
    samples[kind] = { bySource: perLoadMean(list, 'bySource'), byFunction: perLoadMean(list, 'byFunction') };
  }
  return { summary, phases, samples, calibration: stats(run.calibration) };
}

const ms = (s) => fmt(s?.median, 0);

// How many of the strip's loads are over the limit: whether the verdict stands load by load.
const over = (values, limit) => {
  const n = values.filter((v) => v > limit).length;
  return `; ${n}/${values.length} loads over`;
};

/** The phone targets of `ours` against the plain-DOM timer baseline of the same run. */
export function checkPhoneTargets({ summary }, loads) {
  const results = [];
  const add = (target, value, pass) => results.push({ target, value, pass: Boolean(pass) });
  for (const [kind, firstKey, setUpKey, from] of [
    ['inline', 'firstMs', 'setUpMs', 'after navigation'],
    ['feed', 'firstFromFeedMs', 'setUpFromFeedMs', "after the feed's arrival"],
  ]) {
    const ours = summary[kind]?.ours;
    const base = summary[kind]?.timer;
    if (!ours || !base) continue;
    const values = (key) => (loads?.[kind]?.ours ?? []).map((l) => l[key]).filter(Number.isFinite);
    const page = `phone, ${PHONE_PAGES[kind].label}`;
    const longLimit = Math.max(60, 1.2 * base.longestMs.median);
    add(
      `${page}: longest task ≤ max(60 ms, 1.2 × baseline's)`,
      `${ms(ours.longestMs)} ms vs limit ${fmt(longLimit, 0)} ms (baseline ${ms(base.longestMs)} ms)` +
        over(values('longestMs'), longLimit),
      ours.longestMs.median <= longLimit,
    );
    const tbtLimit = base.tbtMs.median + 25;
    add(
      `${page}: total blocking time ≤ baseline's + 25 ms`,
      `${ms(ours.tbtMs)} ms vs limit ${fmt(tbtLimit, 0)} ms (baseline ${ms(base.tbtMs)} ms)` +
        over(values('tbtMs'), tbtLimit),
      ours.tbtMs.median <= tbtLimit,
    );
    const firstLimit = 1.2 * base[firstKey].median;
    const own =
      ours[setUpKey].median !== ours[firstKey].median
        ? `; the strip's own rendering at ${ms(ours[setUpKey])} ms`
        : '';
    add(
      `${page}: first station on screen ${from} ≤ 1.2 × baseline's`,
      `${ms(ours[firstKey])} ms vs limit ${fmt(firstLimit, 0)} ms (baseline ${ms(base[firstKey])} ms${own})` +
        over(values(firstKey), firstLimit),
      ours[firstKey].median <= firstLimit,
    );
  }
  return results;
}

const spread = (s) => (s && s.median > 0 ? `±${fmt(((s.max - s.min) / 2 / s.median) * 100, 0)}%` : '–');

/** The phone section of the report. */
export function phoneMarkdown({ meta, labels, phone, targets }) {
  const { summary, phases, samples, calibration } = phone;
  const lines = [];
  const la = (l) => l.map((x) => x.toFixed(2)).join(' / ');
  lines.push(
    `## Phone: ${CPU_SLOWDOWN}× CPU throttling, ${PHONE.viewport.width} × ${PHONE.viewport.height} px at ${PHONE.deviceScaleFactor}×, cold loads`,
    '',
    `${meta.chromium} · ${meta.loads} cold loads per ticker and page, interleaved (one of each per round, the order rotating) · ` +
      `load average (1 / 5 / 15 min) ${la(meta.loadAverage.before)} before, ${la(meta.loadAverage.after)} after, on ${meta.cpus} CPUs · ` +
      `noise: a fixed loop on the throttled CPU took ${cell(calibration, undefined, 0)} ms (${spread(calibration)}) across rounds`,
    '',
    'Each load: a new browser context (empty cache, cache disabled), the CPU throttled through CDP before navigating, ' +
      'the page served from 127.0.0.1 (no network throttling). Times in ms from navigation. Cells: median (min–max) ×ratio ' +
      'to the plain-DOM timer baseline of the same run.',
    '',
    `- **first station on screen**: the first frame (taken after its rendering) in which the first station's text is laid out whole ` +
      `inside the ticker's box: not clipped by any ancestor, inside the viewport, visible, and hit-tested at its start; ` +
      `it must then stay on screen for ${FIRST_STABLE_MS} ms (a flash does not count). The same probe for every ticker, ` +
      `polling every frame. Any rendering of the station counts, so for weather-strip the \`<weather-station>\` text that ` +
      `the README's \`:not(:defined)\` rule shows before the script runs; **own rendering** counts only the ticker's set-up ` +
      `form (the strip's shadow DOM, the mounted slide).`,
    `- **longest task**, **TBT**: long tasks (≥ 50 ms) from \`PerformanceObserver('longtask')\` (buffered) until the main ` +
      `thread has been free of them for ${QUIET_MS / 1000} s after the load event and the first station. TBT sums each ` +
      `task's time beyond its first 50 ms that falls after first contentful paint. 0: no long task after FCP.`,
    `- **\`src\` feed**: the server answers the feed ${PHONE_FEED_DELAY_MS} ms after it is asked, so that it arrives after ` +
      `every page's own start-up; **first station after the feed** counts from the feed response's end (Resource Timing ` +
      '`responseEnd`), so it measures data to pixels on a free main thread.',
    '',
  );
  const tables = [
    [
      'inline',
      [
        ['first station on screen', 'firstMs'],
        ['own rendering', 'setUpMs'],
        ['longest task', 'longestMs'],
        ['TBT', 'tbtMs'],
        ['long tasks', 'longTasks'],
        ['FCP', 'fcpMs'],
        ['load event', 'loadMs'],
        ['CLS', 'cls', 3],
      ],
    ],
    [
      'feed',
      [
        ['feed requested', 'feedRequestedMs'],
        ['feed arrives', 'feedMs'],
        ['first station after the feed', 'firstFromFeedMs'],
        ['first station on screen', 'firstMs'],
        ['longest task', 'longestMs'],
        ['TBT', 'tbtMs'],
        ['long tasks', 'longTasks'],
        ['FCP', 'fcpMs'],
        ['load event', 'loadMs'],
        ['CLS', 'cls', 3],
      ],
    ],
  ];
  for (const [kind, columns] of tables) {
    const rows = summary[kind];
    if (!rows) continue;
    lines.push(`### ${PHONE_PAGES[kind].label}`, '');
    lines.push(
      `| | ${columns.map((c) => c[0]).join(' | ')} |`,
      `|---|${columns.map(() => '---').join('|')}|`,
    );
    for (const [name, s] of Object.entries(rows)) {
      const base = name === 'timer' ? undefined : rows.timer;
      lines.push(
        `| ${labels[name]} | ${columns.map(([, key, digits = 0]) => cell(s[key], base?.[key], digits)).join(' | ')} |`,
      );
    }
    const flashes = Object.entries(rows).filter(([, s]) => s.flashes.max > 0);
    if (flashes.length)
      lines.push(
        '',
        `Stations that showed and went again before staying: ${flashes.map(([n, s]) => `${labels[n]} ${s.flashes.max}`).join(', ')}.`,
      );
    lines.push('');
  }
  if (phases.inline?.loads || phases.feed?.loads) {
    lines.push(
      '### weather-strip start-up, from Chrome traces',
      '',
      `${phases.inline?.loads ?? 0} + ${phases.feed?.loads ?? 0} further cold loads of the strip's pages, traced ` +
        '(`devtools.timeline`, `v8`, `v8.execute`, `v8.compile`, `blink.user_timing`, CPU samples); tracing slows them, ' +
        "so read the split, not the totals. `define` times come from marks the page's harness puts around " +
        "`customElements.define`; the first update ends at the strip's `updateComplete`. Median (min–max) ms.",
      '',
      `| phase | ${PHONE_PAGES.inline.label} | ${PHONE_PAGES.feed.label} |`,
      '|---|---|---|',
    );
    for (const [label, key, only] of PHASES) {
      const cells = ['inline', 'feed'].map((k) =>
        only && only !== k ? '' : cell(phases[k]?.[key], undefined, 1),
      );
      lines.push(`| ${label} | ${cells.join(' | ')} |`);
    }
    lines.push('');
    const both = (k) => (samples.inline?.bySource[k] ?? 0) + (samples.feed?.bySource[k] ?? 0);
    const sources = Object.keys({ ...samples.inline?.bySource, ...samples.feed?.bySource }).sort(
      (a, b) => both(b) - both(a),
    );
    if (sources.length) {
      lines.push(
        "#### Where the strip's start-up CPU samples fall",
        '',
        "From the bundle's compile to the first frame after its first update and its own station on screen; on the " +
          "`src` page also from the feed's arrival to its stations on screen. " +
          "Self time, mean ms per traced load (throttled, tracing on). The bundle's frames are mapped to their sources " +
          'through its source map; `(program)` is native work (parsing, style, layout, paint), `(garbage collector)` GC.',
        '',
        `| source | ${PHONE_PAGES.inline.label} | ${PHONE_PAGES.feed.label} |`,
        '|---|---|---|',
      );
      const total = (k) => Object.values(samples[k]?.bySource ?? {}).reduce((a, b) => a + b, 0);
      for (const source of sources.slice(0, 16))
        lines.push(
          `| ${source} | ${fmt(samples.inline?.bySource[source], 1)} | ${fmt(samples.feed?.bySource[source], 1)} |`,
        );
      lines.push(`| all | ${fmt(total('inline'), 1)} | ${fmt(total('feed'), 1)} |`, '');
      const fnBoth = (k) => (samples.inline?.byFunction[k] ?? 0) + (samples.feed?.byFunction[k] ?? 0);
      const functions = Object.keys({ ...samples.inline?.byFunction, ...samples.feed?.byFunction })
        .sort((a, b) => fnBoth(b) - fnBoth(a))
        .slice(0, 15);
      lines.push(`| function | ${PHONE_PAGES.inline.label} | ${PHONE_PAGES.feed.label} |`, '|---|---|---|');
      for (const fn of functions)
        lines.push(
          `| ${fn.replace(/\|/g, '\\|')} | ${fmt(samples.inline?.byFunction[fn], 1)} | ${fmt(samples.feed?.byFunction[fn], 1)} |`,
        );
      lines.push('');
    }
  }
  if (targets.length) {
    lines.push(
      '### Phone targets (weather-strip against the plain-DOM timer baseline)',
      '',
      '| target | measured | |',
      '|---|---|---|',
    );
    for (const t of targets) lines.push(`| ${t.target} | ${t.value} | ${t.pass ? 'PASS' : 'FAIL'} |`);
    lines.push('');
  }
  if (meta.errors?.length) lines.push('Failed loads:', '', ...meta.errors.map((e) => `- ${e}`), '');
  return lines.join('\n');
}
