/** Temperature units the strip shows. */
export const UNITS = ['c', 'f'] as const;

/** A temperature unit: Celsius or Fahrenheit. */
export type Unit = (typeof UNITS)[number];

/** What the strip shows for a missing temperature. */
export const MISSING_TEMPERATURE = '-';

/**
 * A temperature given in °C, shown with one decimal and its unit sign: `32.0℃`, `-3.5℃`,
 * `90.1℉`. `null` (missing) shows `-`.
 */
export function formatTemperature(celsius: number | null, unit: Unit = 'c'): string {
  if (celsius === null || !Number.isFinite(celsius)) return MISSING_TEMPERATURE;
  const value = unit === 'f' ? (celsius * 9) / 5 + 32 : celsius;
  const fixed = value.toFixed(1);
  // -0.04 rounds to "-0.0": a reader sees zero, not a negative zero.
  const text = fixed === '-0.0' ? '0.0' : fixed;
  return `${text}${unit === 'f' ? '℉' : '℃'}`;
}
