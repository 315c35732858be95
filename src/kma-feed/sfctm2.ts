import { KNOWN_LAYOUTS, readAirTemperature, readNumber } from './sfctm2-columns.js';
import { columnsFromHeader, isNamesLine, readingFor, type RowReading } from './sfctm2-header.js';

/**
 * Parser for KMA API Hub `kma_sfctm2.php` responses (and `kma_sfctm3.php`, the same rows over a
 * period): hourly surface observations as text, `#` header lines naming the columns, then one
 * whitespace-separated row per station and hour. Pure: no Node, no DOM.
 */

export {
  AIR_TEMPERATURE_RANGE,
  COLUMN_KINDS,
  SFCTM2_COLUMNS,
  SFCTM2_COLUMNS_45,
  readAirTemperature,
  readNumber,
  type ColumnKind,
  type Sfctm2Column,
} from './sfctm2-columns.js';
export { columnsFromHeader } from './sfctm2-header.js';

/**
 * The largest response read, in characters. An hour of every KMA station is about 100 rows
 * (≈ 30 kB); this leaves room for a saved period of a few stations, and keeps a runaway or hostile
 * answer from holding the process.
 */
export const SFCTM2_MAX_LENGTH = 8 * 1024 * 1024;

/** One station's observation at one hour. */
export interface Observation {
  /** Observation time, KST, `YYYYMMDDHHmm`. */
  readonly time: string;
  /** KMA ASOS station number. */
  readonly station: number;
  /** Air temperature `TA` in °C, `null` when missing or outside −60…60 °C. */
  readonly temp: number | null;
  /** WMO 4677 present-weather code `WC` (0–99), `null` when missing. */
  readonly presentWeather: number | null;
  /** Total cloud amount `CA_TOT` in tenths (0–10), `null` when missing. */
  readonly cloudAmount: number | null;
}

/** What a response held. */
export interface Sfctm2Result {
  /** Column names the rows were read with (of the last rows read). */
  readonly columns: readonly string[];
  /** The rows that could be read, in response order. */
  readonly observations: readonly Observation[];
  /** Whether a `#7777END` trailer was present. */
  readonly complete: boolean;
  /** What a maintainer may want to know: columns taken by position, rows skipped, values dropped. */
  readonly notes: readonly string[];
}

/** The text is not a `kma_sfctm2` response that can be read whole. */
export class Sfctm2FormatError extends Error {
  override name = 'Sfctm2FormatError';

  constructor(
    message: string,
    /** What to do about it. */
    readonly fix: string,
    /** The 1-based line the problem is on, when there is one. */
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Options of {@link parseSfctm2}. */
export interface Sfctm2Options {
  /** Longest text read, in characters (default {@link SFCTM2_MAX_LENGTH}). */
  readonly maxLength?: number;
}

const TIME = /^\d{12}$/;
const START = /^#\s*START7777\s*$/;
const END = /^#\s*7777END\s*$/;
const SAVE_AGAIN = 'Fetch it again, or save it whole: a kma_sfctm2 response ends with a #7777END line';

function shortRow(line: number, width: number, header: readonly string[], headerLine: number) {
  return new Sfctm2FormatError(
    `line ${line} has ${width} fields where the names line (line ${headerLine}) names ${header.length}: the response was cut short`,
    SAVE_AGAIN,
    line,
  );
}

/** Where the reading of rows stands while the lines go by. */
interface Reading {
  header?: readonly string[];
  headerLine: number;
  // How each row width is read under the current header, decided once per width.
  byWidth: Map<number, RowReading>;
}

function decide(state: Reading, width: number, firstField: string, line: number, notes: string[]) {
  let reading = state.byWidth.get(width);
  if (reading) return reading;
  if (state.header) {
    reading = readingFor(state.header, width, state.headerLine);
    if (reading.kind === 'layout' && reading.note) notes.push(reading.note);
  } else {
    const layout = KNOWN_LAYOUTS.find((l) => l.length === width);
    if (!layout || !TIME.test(firstField)) {
      throw new Sfctm2FormatError(
        `line ${line} has ${width} fields but no header line names the columns (expected KMA's 46 or 45)`,
        'Save the response of kma_sfctm2.php with its # header lines',
        line,
      );
    }
    reading = { kind: 'layout', columns: layout };
    notes.push("no header line: columns read by position in KMA's layout");
  }
  state.byWidth.set(width, reading);
  return reading;
}

/** The field index of each column the strip needs, `-1` when the columns lack it. */
function indexes(columns: readonly string[]) {
  return {
    time: columns.indexOf('TM'),
    station: columns.indexOf('STN'),
    temp: columns.indexOf('TA'),
    weather: columns.indexOf('WC'),
    clouds: columns.indexOf('CA_TOT'),
  };
}

/**
 * Parses a `kma_sfctm2` response. Rows are read by the header's column names, or by position in
 * KMA's 46- or 45-column layout when the rows have that many fields and the header does not name
 * KMA's columns (or there is no header). Throws `Sfctm2FormatError` for text that cannot be read
 * whole: longer than `maxLength`, cut short (a `#START7777` without its `#7777END`, or a row with
 * fewer fields than its header), or rows whose columns cannot be known.
 */
export function parseSfctm2(text: string, options: Sfctm2Options = {}): Sfctm2Result {
  const maxLength = options.maxLength ?? SFCTM2_MAX_LENGTH;
  if (text.length > maxLength) {
    throw new Sfctm2FormatError(
      `the text is ${text.length.toLocaleString('en')} characters, more than the ${maxLength.toLocaleString('en')} a kma_sfctm2 response is read up to (an hour of every station is about 30,000)`,
      'Save one hour (tm=YYYYMMDDHH00) rather than a long period, or split the file',
    );
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  const state: Reading = { headerLine: 0, byWidth: new Map() };
  const observations: Observation[] = [];
  const notes: string[] = [];
  let lastColumns: readonly string[] = [];
  let at = indexes(lastColumns);
  let startLine = 0;
  let lastLine = 0;
  let complete = false;
  let skipped = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (line.trim() === '') continue;
    lastLine = i + 1;
    if (line.startsWith('#')) {
      // A #7777END closes the #START7777 before it; a later #START7777 opens another response.
      if (START.test(line)) [startLine, complete] = [i + 1, false];
      if (END.test(line)) complete = true;
      if (START.test(line) || END.test(line) || !isNamesLine(line)) continue;
      const next = lines[i + 1];
      const units =
        next !== undefined &&
        next.startsWith('#') &&
        !START.test(next) &&
        !END.test(next) &&
        !isNamesLine(next)
          ? next
          : undefined;
      state.header = columnsFromHeader(line, units);
      state.headerLine = i + 1;
      state.byWidth = new Map();
      if (units !== undefined) i++;
      continue;
    }
    const fields = line.trim().split(/\s+/);
    const reading = decide(state, fields.length, fields[0]!, i + 1, notes);
    if (reading.kind === 'short') throw shortRow(i + 1, fields.length, state.header!, state.headerLine);
    if (reading.kind === 'unknown') {
      const names = reading.strangers.slice(0, 3).join(', ');
      throw new Sfctm2FormatError(
        `line ${i + 1} has ${fields.length} fields, and the names line (line ${state.headerLine}) names columns that are not kma_sfctm2's (${names}${reading.strangers.length > 3 ? ', …' : ''})`,
        'Save the response of kma_sfctm2.php as KMA sends it (help=0), with its # header lines',
        i + 1,
      );
    }
    if (reading.columns !== lastColumns) {
      lastColumns = reading.columns;
      at = indexes(lastColumns);
    }
    const time = fields[at.time];
    const station = readNumber('integer', fields[at.station]);
    if (time === undefined || !TIME.test(time) || station === null || station < 1 || station > 99999) {
      skipped++;
      continue;
    }
    const temp = readAirTemperature(at.temp < 0 ? undefined : fields[at.temp]);
    if (temp.outOfRange !== undefined) {
      notes.push(
        `line ${i + 1}: TA ${temp.outOfRange} °C of station ${station} at ${time} is outside −60…60 °C: read as missing`,
      );
    }
    const weather = readNumber('code', at.weather < 0 ? undefined : fields[at.weather]);
    const clouds = readNumber('integer', at.clouds < 0 ? undefined : fields[at.clouds]);
    observations.push({
      time,
      station,
      temp: temp.value,
      presentWeather: weather !== null && weather >= 0 && weather <= 99 ? weather : null,
      cloudAmount: clouds !== null && clouds >= 0 && clouds <= 10 ? clouds : null,
    });
  }

  if (startLine > 0 && !complete) {
    throw new Sfctm2FormatError(
      `the response begins with #START7777 (line ${startLine}) but has no #7777END: it was cut short after line ${lastLine}`,
      SAVE_AGAIN,
      lastLine,
    );
  }
  if (skipped > 0) notes.push(`${skipped} row(s) without a readable time or station were skipped`);
  if (observations.length > 0 && at.temp < 0 && at.weather < 0 && at.clouds < 0) {
    throw new Sfctm2FormatError(
      `the columns hold none of TA, WC and CA_TOT (they are ${lastColumns.slice(0, 6).join(' ')}…): there is no temperature or sky to read`,
      'Save the response of kma_sfctm2.php with every column (help=0)',
    );
  }
  if (observations.length > 0 && at.temp < 0) notes.push('no TA column: temperatures are missing');
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
