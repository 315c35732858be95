// Medians, ranges, ratios to the baseline, the targets, and the Markdown report.

export const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** `{ median, min, max, n }` of a list of numbers. */
export function stats(values) {
  const finite = values.filter(Number.isFinite);
  return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), n: finite.length };
}

const KIB = 1024;

export const fmt = (value, digits) => {
  if (!Number.isFinite(value)) return '–';
  if (digits === undefined) digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toFixed(digits);
};

/** "57.1 (55.0–60.2) ×1.00": median, range, ratio to the baseline's median. */
export function cell(s, base, digits) {
  if (!s || !Number.isFinite(s.median)) return '–';
  const range = s.n > 1 && s.min !== s.max ? ` (${fmt(s.min, digits)}–${fmt(s.max, digits)})` : '';
  const ratio =
    base && Number.isFinite(base.median) && base.median > 0 ? ` ×${(s.median / base.median).toFixed(2)}` : '';
  return `${fmt(s.median, digits)}${range}${ratio}`;
}

const bytes = (n) => `${(n / KIB).toFixed(1)}`;

/** The columns of the main table: [heading, key in the summary, digits]. */
const COLUMNS = [
  ['main-thread CPU / window (ms)', 'mainMs', 1],
  ['per tick (ms)', 'perTickMs', 2],
  ['renderer+GPU CPU / window (ms)', 'rendererGpuMs', 0],
  ['layouts / tick', 'layoutsPerTick', 2],
  ['style recalcs / tick', 'recalcsPerTick', 2],
  ['CLS (feed 1.5 s late)', 'cls', 3],
  ['JS heap after GC (KiB)', 'heapKiB', 0],
];

/** Per-variant statistics from the per-round samples. */
export function summarize(samples, tickSeconds, seconds) {
  const ticks = seconds / tickSeconds;
  const pick = (fn) => stats(samples.map(fn));
  return {
    mainMs: pick((s) => s.tick.mainMs),
    perTickMs: pick((s) => s.tick.mainMs / ticks),
    rendererGpuMs: pick((s) => s.tick.rendererGpuMs),
    rendererMs: pick((s) => s.tick.rendererMs),
    gpuMs: pick((s) => s.tick.gpuMs),
    layoutsPerTick: pick((s) => s.tick.layouts / ticks),
    recalcsPerTick: pick((s) => s.tick.recalcs / ticks),
    cls: pick((s) => s.cls),
    heapKiB: pick((s) => s.heap / KIB),
    offscreen: samples[0]?.offscreen ? idleStats(samples.map((s) => s.offscreen)) : undefined,
    hidden: samples[0]?.hidden ? idleStats(samples.map((s) => s.hidden)) : undefined,
  };
}

function idleStats(windows) {
  return {
    mainMs: stats(windows.map((w) => w.mainMs)),
    layouts: stats(windows.map((w) => w.layouts)),
    recalcs: stats(windows.map((w) => w.recalcs)),
    rendererGpuMs: stats(windows.map((w) => w.rendererGpuMs)),
  };
}

/** Idle windows count as zero CPU when the main thread did (next to) nothing: no style, no layout. */
export const IDLE_MAIN_MS = 1;

/** Checks each target of `ours` against the baseline; returns `[{ target, value, pass }]`. */
export function checkTargets({ summary, bundle, memory, seconds }) {
  const ours = summary.ours;
  const base = summary.timer;
  const results = [];
  const add = (target, value, pass) => results.push({ target, value, pass: Boolean(pass) });
  const elements = bundle.elements.join(', ');
  add(
    `gzip of the CDN bundle ≤ ${bytes(bundle.gzipCeiling)} KiB, the ceiling in .size-limit.js (both elements and Lit)`,
    `${bytes(bundle.gzip)} KiB (defines: ${elements || 'none'})`,
    bundle.gzip <= bundle.gzipCeiling && bundle.elements.includes('article-card'),
  );
  if (ours) {
    if (base) {
      const tickLimit = base.perTickMs.median * 1.1;
      add(
        'main-thread CPU per roll step ≤ 1.1 × timer + transition baseline',
        `${fmt(ours.perTickMs.median, 2)} ms vs limit ${fmt(tickLimit, 2)} ms (baseline ${fmt(base.perTickMs.median, 2)} ms)`,
        ours.perTickMs.median <= tickLimit,
      );
    }
    add(
      'no layout per tick',
      `${fmt(ours.layoutsPerTick.median, 2)} layouts/tick (max ${fmt(ours.layoutsPerTick.max, 2)})`,
      ours.layoutsPerTick.max === 0,
    );
    if (base) {
      const limit = base.rendererGpuMs.median * 1.2;
      add(
        `renderer+GPU CPU / ${seconds} s ≤ 1.2 × timer baseline`,
        `${fmt(ours.rendererGpuMs.median, 0)} ms vs limit ${fmt(limit, 0)} ms`,
        ours.rendererGpuMs.median <= limit,
      );
    }
    add('CLS 0 with the feed 1.5 s late (every round)', `max ${fmt(ours.cls.max, 4)}`, ours.cls.max === 0);
    for (const [key, label] of [
      ['offscreen', 'scrolled out of view'],
      ['hidden', 'tab hidden'],
    ]) {
      const idle = ours[key];
      if (!idle) continue;
      add(
        `zero CPU while ${label}`,
        `main ${fmt(idle.mainMs.max, 2)} ms, ${idle.recalcs.max} recalcs, ${idle.layouts.max} layouts (worst round)`,
        idle.mainMs.max <= IDLE_MAIN_MS && idle.recalcs.max === 0 && idle.layouts.max === 0,
      );
    }
  }
  if (memory?.cyclesError)
    add('heap flat (≤ 5%) across connect/disconnect cycles', memory.cyclesError, false);
  if (memory?.ticksError) add('heap flat (≤ 5%) across ticks', memory.ticksError, false);
  if (memory?.cycles) {
    const { reconnect, fresh, cycles } = memory.cycles;
    add(
      `heap flat (≤ 5%) across ${cycles} connect/disconnect cycles`,
      `same element ${pct(reconnect.growth)}, new elements ${pct(fresh.growth)} after ${cycles} warm-up cycles` +
        ` (which grew ${pct(reconnect.warmUpGrowth)} and ${pct(fresh.warmUpGrowth)} once)`,
      reconnect.growth <= 0.05 && fresh.growth <= 0.05,
    );
  }
  if (memory?.ticks) {
    const { ticks, growth, timersFired } = memory.ticks;
    add(
      `heap flat (≤ 5%) across ${ticks} ticks`,
      `${pct(growth)} (${timersFired} timers fired)`,
      growth <= 0.05 && timersFired >= ticks,
    );
  }
  return results;
}

const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

/** The desktop section of the report as Markdown. */
export function markdown({ meta, labels, sizes, summary, bundle, memory, targets }) {
  const names = Object.keys(summary);
  const base = summary.timer;
  const lines = [];
  const la = (l) => l.map((x) => x.toFixed(2)).join(' / ');
  lines.push(`## Desktop: ticking, idle and memory (1000 × 700 px, no throttling)`, '');
  lines.push(
    `${meta.chromium} · ${meta.rounds} interleaved round(s) · ticking window ${meta.seconds} s (3 s per station) · ` +
      `idle windows ${meta.idleSeconds} s · load average (1 / 5 / 15 min) ${la(meta.loadAverage.before)} before, ` +
      `${la(meta.loadAverage.after)} after, on ${meta.cpus} CPUs`,
    '',
    'Every ticker sits in a news header: logo, a `flex: 1` menu, the ticker right-aligned at the end of the row.',
    '',
    'Cells: median (min–max over rounds) ×ratio to the plain-DOM timer baseline. CPU is thread time ' +
      '(CDP `Performance.getMetrics`, `timeDomain: threadTicks`); renderer+GPU is the CPU time of those ' +
      'processes (/proc schedstat). Bytes: JS+CSS each page loads, as served / minified / gzip -9 of the minified.',
    '',
  );
  lines.push(`| | JS+CSS KiB raw / min / gzip | ${COLUMNS.map((c) => c[0]).join(' | ')} |`);
  lines.push(`|---|---|${COLUMNS.map(() => '---').join('|')}|`);
  for (const name of names) {
    const s = summary[name];
    const size = sizes[name];
    const sizeCell = `${bytes(size.raw)} / ${bytes(size.min)} / ${bytes(size.gzip)}${
      name !== 'timer' && sizes.timer ? ` ×${(size.gzip / sizes.timer.gzip).toFixed(1)}` : ''
    }`;
    const cells = COLUMNS.map(([, key, digits]) =>
      cell(s[key], name === 'timer' ? undefined : base?.[key], digits),
    );
    lines.push(`| ${labels[name]} | ${sizeCell} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  const idleNames = names.filter((n) => summary[n].offscreen || summary[n].hidden);
  if (idleNames.length) {
    lines.push(`### While nothing can be seen (${meta.idleSeconds} s windows)`, '');
    lines.push(
      'Scrolled out of view: the page scrolled 300 vh down. Tab hidden: the page is told so ' +
        '(`document.visibilityState` reads `hidden` and `visibilitychange` fires); headless Chromium ' +
        'never hides a tab itself, and keeps rendering, so whatever work remains is counted.',
      '',
    );
    lines.push('| | state | main-thread CPU (ms) | style recalcs | layouts | renderer+GPU CPU (ms) |');
    lines.push('|---|---|---|---|---|---|');
    for (const name of idleNames) {
      for (const key of ['offscreen', 'hidden']) {
        const idle = summary[name][key];
        if (!idle) continue;
        lines.push(
          `| ${labels[name]} | ${key === 'offscreen' ? 'out of view' : 'tab hidden'} | ${cell(idle.mainMs, undefined, 2)} | ` +
            `${cell(idle.recalcs, undefined, 0)} | ${cell(idle.layouts, undefined, 0)} | ${cell(idle.rendererGpuMs, undefined, 0)} |`,
        );
      }
    }
    lines.push('');
  }
  if (memory?.cycles || memory?.ticks) {
    lines.push('### Memory (weather-strip, JS heap after forced GC)', '');
    lines.push(
      '| check | heap KiB before warm-up; after warm-up → samples | warm-up growth | growth |',
      '|---|---|---|---|',
    );
    const series = ({ cold, warmUp, heap }) =>
      `${(cold / KIB).toFixed(0)}; after ${warmUp} → ${heap.map((h) => (h / KIB).toFixed(0)).join(' → ')}`;
    if (memory.cycles) {
      const { cycles, reconnect, fresh } = memory.cycles;
      lines.push(
        `| ${cycles} × remove and re-append the same strip (src) | ${series(reconnect)} | ${pct(reconnect.warmUpGrowth)} | ${pct(reconnect.growth)} |`,
      );
      lines.push(
        `| ${cycles} × append and remove a new strip (data) | ${series(fresh)} | ${pct(fresh.warmUpGrowth)} | ${pct(fresh.growth)} |`,
      );
    }
    if (memory.ticks) {
      const { ticks, growth, warmUpGrowth, timersFired } = memory.ticks;
      lines.push(
        `| ${ticks} roll ticks (fake timers, ${timersFired} fired) | ${series(memory.ticks)} | ${pct(warmUpGrowth)} | ${pct(growth)} |`,
      );
    }
    lines.push('');
  }
  lines.push('### Bytes per file', '', '| page | file | raw | min | gzip |', '|---|---|---|---|---|');
  for (const name of names) {
    for (const part of sizes[name].parts) {
      lines.push(`| ${labels[name]} | ${part.name} | ${part.raw} | ${part.min} | ${part.gzip} |`);
    }
  }
  lines.push(
    '',
    `CDN bundle as shipped: ${bundle.raw} B, gzip -9 ${bundle.gzip} B (${bytes(bundle.gzip)} KiB).`,
    '',
  );
  lines.push(
    '### Desktop targets (weather-strip, roll mode)',
    '',
    '| target | measured | |',
    '|---|---|---|',
  );
  for (const t of targets) lines.push(`| ${t.target} | ${t.value} | ${t.pass ? 'PASS' : 'FAIL'} |`);
  lines.push('');
  return lines.join('\n');
}
