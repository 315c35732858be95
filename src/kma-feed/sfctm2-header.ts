import { KNOWN_LAYOUTS, SFCTM2_COLUMNS, type Sfctm2Column } from './sfctm2-columns.js';

/**
 * The `#` header lines of a `kma_sfctm2` response: which line names the columns, the names it
 * gives, and how a row of a given width is read under them. Every step is linear in the length of
 * the header, however many names it repeats. Pure: no Node, no DOM.
 */

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function tokens(line: string): Token[] {
  const found: Token[] = [];
  for (const match of line.slice(1).matchAll(/\S+/g)) {
    const start = match.index + 1;
    found.push({ text: match[0], start, end: start + match[0].length - 1 });
  }
  return found;
}

/** Names that appear once in the header but that KMA's descriptions spell with a suffix. */
const SINGLE_ALIASES = new Map([
  ['YYMMDDHHMI', 'TM'],
  ['YYMMDDHH', 'TM'],
  ['CH', 'CH_MIN'],
]);

/** A units-line word that completes a doubled name: `DAY` in `RN_DAY`, `5` (cm) in `TE_005`. */
function suffix(unit: string): string | undefined {
  if (/^[A-Z][A-Z0-9]*$/.test(unit)) return unit;
  // Soil depths in cm; KMA names them in metres without the point: 5 → 005, 10 → 01.
  if (/^\d{1,3}$/.test(unit)) return String(Number(unit) / 100).replace('.', '');
  return undefined;
}

/**
 * Column names from the names line and, when present, the units line under it. KMA labels some
 * columns twice (`RN RN RN RN`) with the second word below (`mm DAY JUN INT`): the units are
 * right-aligned under their names, so a unit belongs to the name whose span it overlaps. Both
 * lines are walked once, left to right.
 */
export function columnsFromHeader(namesLine: string, unitsLine?: string): string[] {
  const names = tokens(namesLine);
  const units = unitsLine === undefined ? [] : tokens(unitsLine);
  const counts = new Map<string, number>();
  for (const { text } of names) counts.set(text, (counts.get(text) ?? 0) + 1);
  const used = new Set<string>();
  // Per name, the counter a repeat tries first: RN, RN_2, RN_3… without rescanning from 2.
  const nextCounter = new Map<string, number>();
  let unit = 0;
  return names.map(({ text, start, end }) => {
    let name = text;
    if ((counts.get(text) ?? 0) > 1) {
      while (unit < units.length && units[unit]!.end < start) unit++;
      const below = units[unit];
      const tail = below && below.start <= end ? suffix(below.text) : undefined;
      if (tail) name = `${text}_${tail}`;
    } else name = SINGLE_ALIASES.get(text) ?? text;
    let unique = name;
    if (used.has(unique)) {
      let n = nextCounter.get(name) ?? 2;
      while (used.has(`${name}_${n}`)) n++;
      unique = `${name}_${n}`;
      nextCounter.set(name, n + 1);
    }
    used.add(unique);
    return unique;
  });
}

/** Whether a `#` line names the columns: it has `STN` and a time column. */
export function isNamesLine(line: string): boolean {
  const words = tokens(line).map((t) => t.text);
  return words.includes('STN') && (words.includes('TM') || words.some((w) => w.startsWith('YYMMDDHH')));
}

/** The name's word before any `_` suffix: `GST_WD` → `GST`. */
function baseName(name: string): string {
  return name.split('_')[0]!;
}

const KMA_NAMES: ReadonlySet<string> = new Set(SFCTM2_COLUMNS);

/** How the rows of one width are read under one header. */
export type RowReading =
  /** By KMA's layout; `note` says why when the header did not spell it out. */
  | { readonly kind: 'layout'; readonly columns: readonly Sfctm2Column[]; readonly note?: string }
  /** By the header's own names, all of them KMA's: a response trimmed to some columns. */
  | { readonly kind: 'names'; readonly columns: readonly string[] }
  /** Fewer fields than the header names: the row, or the response, was cut. */
  | { readonly kind: 'short' }
  /** Names that are not KMA's, and a width that is not KMA's. */
  | { readonly kind: 'unknown'; readonly strangers: readonly string[] };

/**
 * Decides how a row of `width` fields is read under `header` (the names of the line `headerLine`):
 * by KMA's layout when the header spells it, or its start (a names line cut by whoever saved the
 * response), or when the header's names are not KMA's but the row has KMA's 46 or 45 fields; by
 * the header's names when they are all KMA's and as many as the fields. A row with fewer fields
 * than its header is short; anything else is unknown.
 */
export function readingFor(header: readonly string[], width: number, headerLine: number): RowReading {
  const bases = header.map(baseName);
  for (const layout of KNOWN_LAYOUTS) {
    if (layout.length !== width || bases.length > width) continue;
    if (!bases.every((base, i) => base === baseName(layout[i]!))) continue;
    if (bases.length === width) return { kind: 'layout', columns: layout };
    return {
      kind: 'layout',
      columns: layout,
      note: `the names line (line ${headerLine}) stops after ${header.length} of the ${width} columns (at ${header.at(-1) ?? 'nothing'}): rows read in KMA's ${width}-column layout`,
    };
  }
  if (width < header.length) return { kind: 'short' };
  const strangers = header.filter((name) => !KMA_NAMES.has(name));
  if (width === header.length && strangers.length === 0 && header.includes('TM') && header.includes('STN')) {
    return { kind: 'names', columns: header };
  }
  const layout = KNOWN_LAYOUTS.find((l) => l.length === width);
  if (layout) {
    const shown = strangers.slice(0, 3).join(', ') + (strangers.length > 3 ? ', …' : '');
    return {
      kind: 'layout',
      columns: layout,
      note: `the names line (line ${headerLine}) does not name KMA's columns (${shown || `${header.length} names for ${width} fields`}): rows of ${width} fields read by position in KMA's ${width}-column layout`,
    };
  }
  return { kind: 'unknown', strangers };
}
