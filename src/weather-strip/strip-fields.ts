import { dayInZone, parseDay, type CalendarDay } from '../format/date.js';
import type { Lang } from '../format/locale.js';
import { MESSAGES } from '../format/messages.js';

// The strip's fields that both the author and the feed can give: what the author writes wins.

/**
 * The day of the date header: the author's `date` when it names a real day, else the day the
 * feed was observed, else today, in `timeZone`.
 */
export function headerDay(
  date: string | null | undefined,
  observedAt: string | undefined,
  timeZone: string | null | undefined,
): CalendarDay {
  return parseDay(date) ?? dayInZone(observedAt ? new Date(observedAt) : new Date(), timeZone ?? undefined);
}

/**
 * The attribution: the author's text, else the feed's, else KMA's in the reader's language. A
 * feed that gives KMA's own Korean words reads as giving none, so that English readers see
 * English.
 */
export function attributionText(
  author: string | null | undefined,
  fromFeed: string | undefined,
  lang: Lang,
): string {
  const feedText = fromFeed && fromFeed !== MESSAGES.ko.attribution ? fromFeed : undefined;
  return author?.trim() || feedText || MESSAGES[lang].attribution;
}
