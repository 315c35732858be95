/**
 * The columns of KMA API Hub `kma_sfctm2.php` (and `kma_sfctm3.php`, the same rows over a period)
 * and how each writes a missing value. Pure: no Node, no DOM.
 */

/** KMA's current 46-column layout, as its `help=1` descriptions name the columns. */
// prettier-ignore
export const SFCTM2_COLUMNS = [
  'TM', 'STN', 'WD', 'WS', 'GST_WD', 'GST_WS', 'GST_TM', 'PA', 'PS', 'PT', 'PR', 'TA', 'TD', 'HM',
  'PV', 'RN', 'RN_DAY', 'RN_JUN', 'RN_INT', 'SD_HR3', 'SD_DAY', 'SD_TOT', 'WC', 'WP', 'WW',
  'CA_TOT', 'CA_MID', 'CH_MIN', 'CT', 'CT_TOP', 'CT_MID', 'CT_LOW', 'VS', 'SS', 'SI', 'ST_GD',
  'TS', 'TE_005', 'TE_01', 'TE_02', 'TE_03', 'ST_SEA', 'WH', 'BF', 'IR', 'IX',
] as const;

/** A column of the 46-column layout. */
export type Sfctm2Column = (typeof SFCTM2_COLUMNS)[number];

/** The older 45-column layout, without `RN_JUN`. */
export const SFCTM2_COLUMNS_45: readonly Sfctm2Column[] = SFCTM2_COLUMNS.filter((name) => name !== 'RN_JUN');

/** The layouts a row can be read in by position, widest first. */
export const KNOWN_LAYOUTS: readonly (readonly Sfctm2Column[])[] = [SFCTM2_COLUMNS, SFCTM2_COLUMNS_45];

/**
 * How a column writes a missing value (KMA's `help=1` and its published files):
 * - `integer`, `code`: `-9` (station, cloud amount and height, visibility; WMO and KMA codes);
 * - `decimal`: `-9.0` (wind, gust, precipitation, snow; pressure, humidity, sunshine, waves);
 * - `temperature`: `-99.0` or lower (`TA`, `TD`, `TS`, `TE_*`): `-9.0` is a real temperature;
 * - `radiation`: `-9.00` (`SI`);
 * - `text`: `-` (`WW`, `CT`);
 * - `time`: never missing.
 */
export type ColumnKind = 'time' | 'integer' | 'code' | 'decimal' | 'temperature' | 'radiation' | 'text';

// prettier-ignore
export const COLUMN_KINDS: Readonly<Record<Sfctm2Column, ColumnKind>> = {
  TM: 'time', STN: 'integer', WD: 'code', WS: 'decimal', GST_WD: 'code', GST_WS: 'decimal',
  GST_TM: 'integer', PA: 'decimal', PS: 'decimal', PT: 'code', PR: 'decimal', TA: 'temperature',
  TD: 'temperature', HM: 'decimal', PV: 'decimal', RN: 'decimal', RN_DAY: 'decimal',
  RN_JUN: 'decimal', RN_INT: 'decimal', SD_HR3: 'decimal', SD_DAY: 'decimal', SD_TOT: 'decimal',
  WC: 'code', WP: 'code', WW: 'text', CA_TOT: 'integer', CA_MID: 'integer', CH_MIN: 'integer',
  CT: 'text', CT_TOP: 'code', CT_MID: 'code', CT_LOW: 'code', VS: 'integer', SS: 'decimal',
  SI: 'radiation', ST_GD: 'code', TS: 'temperature', TE_005: 'temperature', TE_01: 'temperature',
  TE_02: 'temperature', TE_03: 'temperature', ST_SEA: 'code', WH: 'decimal', BF: 'code',
  IR: 'code', IX: 'code',
};

/** Air temperatures outside this range (°C) are read as missing: no station in Korea sees them. */
export const AIR_TEMPERATURE_RANGE = { min: -60, max: 60 } as const;

/** At or below this, a temperature column holds KMA's missing value (`-99.0`, `-99.9`, `-999.0`). */
const TEMPERATURE_MISSING_AT_OR_BELOW = -99;

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Reads a numeric field of a column kind: `null` for the kind's missing value, for `-`, and for
 * anything that is not a plain decimal number. `-0.0` reads as `0`.
 */
export function readNumber(kind: ColumnKind, field: string | undefined): number | null {
  if (field === undefined || kind === 'text' || kind === 'time') return null;
  const whole = kind === 'integer' || kind === 'code';
  if (!(whole ? INTEGER : DECIMAL).test(field)) return null;
  const value = Number(field) + 0;
  switch (kind) {
    case 'temperature':
      return value <= TEMPERATURE_MISSING_AT_OR_BELOW ? null : value;
    case 'radiation':
    case 'decimal':
    case 'integer':
    case 'code':
      return value === -9 ? null : value;
  }
}

/** The air temperature of a `TA` field: a number, missing, or out of range (then also missing). */
export type AirTemperature =
  | { readonly value: number; readonly outOfRange?: undefined }
  | { readonly value: null; readonly outOfRange?: number };

/** Reads `TA`: `-99.0` or lower is missing; a value outside −60…60 °C is missing and reported. */
export function readAirTemperature(field: string | undefined): AirTemperature {
  const value = readNumber('temperature', field);
  if (value === null) return { value: null };
  if (value < AIR_TEMPERATURE_RANGE.min || value > AIR_TEMPERATURE_RANGE.max) {
    return { value: null, outOfRange: value };
  }
  return { value };
}
