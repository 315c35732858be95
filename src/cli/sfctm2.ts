import { TEMPERATURE_RANGE } from '../feed/weather-feed.js';

/**
 * Parser for KMA API Hub `kma_sfctm2.php` responses: hourly surface observations as text, `#`
 * header lines naming the columns, then one whitespace-separated row per station and hour.
 */

/** KMA's current 46-column layout, as its `help=1` descriptions name the columns. */
// prettier-ignore
export const SFCTM2_COLUMNS = [
  'TM', 'STN', 'WD', 'WS', 'GST_WD', 'GST_WS', 'GST_TM', 'PA', 'PS', 'PT', 'PR', 'TA', 'TD', 'HM',
  'PV', 'RN', 'RN_DAY', 'RN_JUN', 'RN_INT', 'SD_HR3', 'SD_DAY', 'SD_TOT', 'WC', 'WP', 'WW',
  'CA_TOT', 'CA_MID', 'CH_MIN', 'CT', 'CT_TOP', 'CT_MID', 'CT_LOW', 'VS', 'SS', 'SI', 'ST_GD',
  'TS', 'TE_005', 'TE_01', 'TE_02', 'TE_03', 'ST_SEA', 'WH', 'BF', 'IR', 'IX',
] as const;

/** The older 45-column layout, without `RN_JUN`. */
export const SFCTM2_COLUMNS_45: readonly string[] = SFCTM2_COLUMNS.filter((name) => name !== 'RN_JUN');

const KNOWN_LAYOUTS: readonly (readonly string[])[] = [SFCTM2_COLUMNS, SFCTM2_COLUMNS_45];

/** One station's observation at one hour. */
export interface Observation {
  /** Observation time, KST, `YYYYMMDDHHmm`. */
  readonly time: string;
  /** KMA ASOS station number. */
  readonly station: number;
  /** Air temperature `TA` in °C, `null` when missing or implausible. */
  readonly temp: number | null;
  /** WMO 4677 present-weather code `WC` (0–99), `null` when missing. */
  readonly presentWeather: number | null;
  /** Total cloud amount `CA_TOT` in tenths (0–10), `null` when missing. */
  readonly cloudAmount: number | null;
}

/** What a response held. */
export interface Sfctm2Result {
  /** Column names the rows were read with (of the last header seen). */
  readonly columns: readonly string[];
  /** The rows that could be read, in response order. */
  readonly observations: readonly Observation[];
  /** Whether a `#7777END` trailer was present. */
  readonly complete: boolean;
  /** Things a maintainer may want to know (rows skipped, columns taken by position). */
  readonly notes: readonly string[];
}

/** The text is not a `kma_sfctm2` response that can be read. */
export class Sfctm2FormatError extends Error {
  override name = 'Sfctm2FormatError';
}

/** KMA's missing-value sentinels: `-9`, `-9.0`, `-99.0`, `-9.00`, `-999`…, and `-` for text. */
const MISSING = /^(?:-|-9+(?:\.0+)?)$/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const TIME = /^\d{12}$/;

/** Reads a numeric field; sentinels and anything not a plain decimal number are `null`. */
export function readNumber(field: string | undefined): number | null {
  if (field === undefined || MISSING.test(field) || !NUMBER.test(field)) return null;
  return Number(field);
}

function readInteger(field: string | undefined, min: number, max: number): number | null {
  const value = readNumber(field);
  return value !== null && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

function readTemperature(field: string | undefined): number | null {
  const value = readNumber(field);
  return value !== null && value >= TEMPERATURE_RANGE.min && value <= TEMPERATURE_RANGE.max ? value : null;
}

/** The name's word before any `_` suffix: `GST_WD` → `GST`, `TM` for the time column. */
function baseName(name: string): string {
  return name.split('_')[0]!;
}

/** Names that appear once in the header but that KMA's descriptions spell with a suffix. */
const SINGLE_ALIASES: Readonly<Record<string, string>> = { YYMMDDHHMI: 'TM', YYMMDDHH: 'TM', CH: 'CH_MIN' };

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

/** A units-line word that completes a doubled name: `DAY` in `RN_DAY`, `5` (cm) in `TE_005`. */
function suffix(unit: string): string | undefined {
  if (/^[A-Z][A-Z0-9]*$/.test(unit)) return unit;
  // Soil depths in cm; KMA names them in metres without the point: 5 → 005, 10 → 01.
  if (/^\d+$/.test(unit)) return String(Number(unit) / 100).replace('.', '');
  return undefined;
}

/**
 * Column names from the names line and, when present, the units line under it. KMA labels some
 * columns twice (`RN RN RN RN`) with the second word below (`mm DAY JUN INT`): the units are
 * right-aligned under their names, so a unit belongs to the name whose span it overlaps.
 */
export function columnsFromHeader(namesLine: string, unitsLine?: string): string[] {
  const names = tokens(namesLine);
  const units = unitsLine === undefined ? [] : tokens(unitsLine);
  const counts = new Map<string, number>();
  for (const { text } of names) counts.set(text, (counts.get(text) ?? 0) + 1);
  const used = new Set<string>();
  return names.map(({ text, start, end }) => {
    let name = text;
    if ((counts.get(text) ?? 0) > 1) {
      const unit = units.find((u) => u.start <= end && u.end >= start);
      const tail = unit ? suffix(unit.text) : undefined;
      if (tail) name = `${text}_${tail}`;
    } else name = SINGLE_ALIASES[text] ?? text;
    // A repeat that the units did not tell apart gets a counter: RN, RN_2…
    let unique = name;
    for (let n = 2; used.has(unique); n++) unique = `${name}_${n}`;
    used.add(unique);
    return unique;
  });
}

/**
 * The names to read a row of `width` fields with. A header whose words are KMA's layout (or the
 * start of it, when the source cut the line) takes the known names; any other header is used as
 * it stands.
 */
function columnsForRow(header: readonly string[], width: number): readonly string[] {
  const bases = header.map(baseName);
  for (const layout of KNOWN_LAYOUTS) {
    if (layout.length !== width || bases.length > width) continue;
    const names = layout.map(baseName);
    if (bases.every((base, i) => base === names[i])) return layout;
  }
  return header;
}

function isNamesLine(line: string): boolean {
  const words = tokens(line).map((t) => t.text);
  return words.includes('STN') && (words.includes('TM') || words.some((w) => w.startsWith('YYMMDDHH')));
}

function isMarker(line: string): boolean {
  return /^#\s*(?:START7777|7777END)\s*$/.test(line);
}

function indexOf(columns: readonly string[], name: string): number {
  const exact = columns.indexOf(name);
  return exact >= 0 ? exact : columns.findIndex((column) => baseName(column) === baseName(name));
}

/**
 * Parses a `kma_sfctm2` response. Rows are read by the header's column names; a response
 * without a header is read by position when its rows have KMA's 46 or 45 columns. Rows that
 * cannot be read (no time or station) are skipped and noted. Throws `Sfctm2FormatError` when
 * the columns cannot be known at all.
 */
export function parseSfctm2(text: string): Sfctm2Result {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  let header: string[] | undefined;
  let lastColumns: readonly string[] = [];
  const observations: Observation[] = [];
  const notes: string[] = [];
  let complete = false;
  let skipped = 0;
  let positional = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      if (/^#\s*7777END/.test(line)) complete = true;
      if (isMarker(line) || !isNamesLine(line)) continue;
      const next = lines[i + 1];
      const units =
        next !== undefined && next.startsWith('#') && !isMarker(next) && !isNamesLine(next)
          ? next
          : undefined;
      header = columnsFromHeader(line, units);
      if (units !== undefined) i++;
      continue;
    }
    const fields = line.trim().split(/\s+/);
    let columns: readonly string[];
    if (header) columns = columnsForRow(header, fields.length);
    else {
      const layout = KNOWN_LAYOUTS.find((l) => l.length === fields.length);
      if (!layout || !TIME.test(fields[0]!)) {
        throw new Sfctm2FormatError(
          `line ${i + 1} has ${fields.length} fields but no header line names the columns (expected KMA's 46 or 45)`,
        );
      }
      columns = layout;
      positional = true;
    }
    lastColumns = columns;
    const field = (name: string): string | undefined => {
      const index = indexOf(columns, name);
      return index >= 0 ? fields[index] : undefined;
    };
    const time = field('TM');
    const station = readInteger(field('STN'), 1, 99999);
    if (time === undefined || !TIME.test(time) || station === null) {
      skipped++;
      continue;
    }
    observations.push({
      time,
      station,
      temp: readTemperature(field('TA')),
      presentWeather: readInteger(field('WC'), 0, 99),
      cloudAmount: readInteger(field('CA_TOT'), 0, 10),
    });
  }

  if (positional) notes.push("no header line: columns read by position in KMA's layout");
  if (skipped > 0) notes.push(`${skipped} row(s) without a readable time or station were skipped`);
  if (observations.length > 0 && indexOf(lastColumns, 'TA') < 0) {
    notes.push('no TA column: temperatures are missing');
  }
  return { columns: lastColumns, observations, complete, notes };
}

/**
 * Decodes a response body: UTF-8 when the bytes are valid UTF-8 (or the server said so),
 * otherwise EUC-KR, which KMA still sends.
 */
export function decodeKmaBytes(bytes: Uint8Array, charset?: string): string {
  const declared = charset?.trim().toLowerCase();
  if (declared && /^(?:euc-kr|ks_c_5601-1987|cp949|x-windows-949|windows-949)$/.test(declared)) {
    return new TextDecoder('euc-kr').decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('euc-kr').decode(bytes);
  }
}
