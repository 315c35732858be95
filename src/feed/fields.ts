import { describe, isRecord, type FeedProblem } from './problems.js';

/**
 * ISO 8601 date-time with an offset: the same pattern as the published schemas. Fractions stop
 * at milliseconds, the precision every engine's `Date` parses.
 */
export const ISO_DATE_TIME =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Absolute `http:`/`https:` URL with a host: the same pattern as the published schemas. */
const HTTP_URL = /^https?:\/\/[^\s/?#]+\S*$/i;

/** Whether a string is an ISO 8601 date-time with an offset that names a real day. */
export function isIsoDateTime(value: string): boolean {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return false;
  // Engines roll 02-30 over to March instead of refusing it.
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Whether a string is an absolute `http:` or `https:` URL that parses. */
export function isHttpUrl(value: string): boolean {
  if (!HTTP_URL.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads an optional text field: trimmed, empty as absent. Not a string: reported, `false`.
 * Longer than `max`: cut at `max` (never inside a surrogate pair) and reported.
 */
export function readText(
  value: unknown,
  path: string,
  problems: FeedProblem[],
  max: number,
): string | undefined | false {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.push({ path, message: `expected a string, got ${describe(value)}` });
    return false;
  }
  let text = value.trim();
  if (text.length > max) {
    problems.push({ path, message: `longer than ${max} characters; cut` });
    const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
    text = text.slice(0, end).trimEnd();
  }
  return text === '' ? undefined : text;
}

/**
 * Reads what both feed formats share: a JSON object with `version: 1`. Returns the object, or
 * `undefined` when the input is not one; a wrong version is reported and makes `usable` false.
 */
export function readEnvelope(
  input: unknown,
  problems: FeedProblem[],
): { readonly record: Record<string, unknown>; readonly usable: boolean } | undefined {
  if (!isRecord(input)) {
    problems.push({ path: '(feed)', message: `expected an object, got ${describe(input)}` });
    return undefined;
  }
  const usable = input.version === 1;
  if (!usable) problems.push({ path: 'version', message: `expected 1, got ${describe(input.version)}` });
  return { record: input, usable };
}
