import { DEFAULT_TIME_ZONE, validTimeZone, type Lang } from './locale.js';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const KOREAN_WEEKDAYS = '일월화수목금토';

// Korea Standard Time is UTC+9 with no daylight saving since 1988: dates in Asia/Seoul are
// plain arithmetic. The browser's first Intl.DateTimeFormat costs tens of milliseconds on a
// phone, so only other zones, older instants and English month names use Intl.
const SEOUL_OFFSET_MS = 9 * 3_600_000;
const SEOUL_FIXED_SINCE = Date.UTC(1989, 0, 1);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/** A calendar day: what the date header shows. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A calendar day and a time of day (24-hour clock). */
interface WallTime extends CalendarDay {
  readonly hour: number;
  readonly minute: number;
}

/** The calendar day and time of an instant in a time zone (Asia/Seoul by default, or when unknown). */
function wallTime(instant: Date, timeZone: string | undefined): WallTime {
  const zone = validTimeZone(timeZone);
  if (zone === DEFAULT_TIME_ZONE && instant.getTime() >= SEOUL_FIXED_SINCE) {
    const seoul = new Date(instant.getTime() + SEOUL_OFFSET_MS);
    return {
      year: seoul.getUTCFullYear(),
      month: seoul.getUTCMonth() + 1,
      day: seoul.getUTCDate(),
      hour: seoul.getUTCHours(),
      minute: seoul.getUTCMinutes(),
    };
  }
  const parts = formatter('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** Parses a `YYYY-MM-DD` string into a real calendar day, or `undefined`. */
export function parseDay(value: string | null | undefined): CalendarDay | undefined {
  const match = value ? DAY_PATTERN.exec(value.trim()) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** The calendar day of an instant in a time zone (Asia/Seoul by default). */
export function dayInZone(instant: Date, timeZone?: string): CalendarDay {
  const { year, month, day } = wallTime(instant, timeZone);
  return { year, month, day };
}

/** `YYYY-MM-DD`, for a `<time datetime>` attribute. */
export function isoDay({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The strip's date header: `2025.08.01 (금)` in Korean, `Fri, Aug 1, 2025` in English.
 */
export function formatDayHeader(day: CalendarDay, lang: Lang): string {
  // Noon UTC keeps the weekday right in every zone; the day itself is already resolved.
  const noon = new Date(Date.UTC(day.year, day.month - 1, day.day, 12));
  if (lang === 'en') {
    return formatter('en-US', {
      timeZone: 'UTC',
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
    }).format(noon);
  }
  return `${day.year}.${pad(day.month)}.${pad(day.day)} (${KOREAN_WEEKDAYS[noon.getUTCDay()]})`;
}

/**
 * An article's date and time: `2025.08.01 09:00` in Korean, `Aug 1, 2025, 9:00 AM` in English,
 * in the given zone.
 */
export function formatDateTime(instant: Date, lang: Lang, timeZone?: string): string {
  if (lang === 'en') {
    return formatter('en-US', {
      timeZone: validTimeZone(timeZone),
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(instant);
  }
  const { year, month, day, hour, minute } = wallTime(instant, timeZone);
  return `${year}.${pad(month)}.${pad(day)} ${pad(hour)}:${pad(minute)}`;
}
