/**
 * When each source's data of an hour can first be fetched, so that a shell knows how long a feed
 * stays the newest one there is: an HTTP cache's lifetime, a schedule's minute.
 */
import { PUBLISHED_AT_MINUTE as DATAGOKR_PUBLISHED_AT_MINUTE } from './datagokr-request.js';
import type { SourceName } from './source.js';
import { latestHour, shiftHours } from './time.js';

/**
 * Minute of the hour from which the hour's data can be fetched. API Hub publishes an hour's
 * observations a few minutes after it; data.go.kr's 실황 is out at about HH:40 and the 예보 that
 * gives the sky at about HH:45, so an hour is whole from HH:45.
 */
export const PUBLISHED_AT_MINUTE: Readonly<Record<SourceName, number>> = {
  apihub: 10,
  datagokr: Math.max(...Object.values(DATAGOKR_PUBLISHED_AT_MINUTE)),
};

/** The schedule of hourly runs that fits API Hub: a little after `PUBLISHED_AT_MINUTE.apihub`. */
export const APIHUB_CRON = '12 * * * *';

const HOUR_MS = 3600_000;

/** The newest hour (KST `YYYYMMDDHH00`) whose data a source should have published at `now`. */
export function publishedHour(source: SourceName, now: Date): string {
  const hour = latestHour(now);
  // KST is a whole number of hours ahead of UTC: the minutes are the same.
  return now.getUTCMinutes() >= PUBLISHED_AT_MINUTE[source] ? hour : shiftHours(hour, -1);
}

/** The first instant after `now` at which a source can publish an hour newer than it had. */
export function nextPublication(source: SourceName, now: Date): Date {
  const next = new Date(now.getTime());
  next.setUTCMinutes(PUBLISHED_AT_MINUTE[source], 0, 0);
  return next.getTime() > now.getTime() ? next : new Date(next.getTime() + HOUR_MS);
}
