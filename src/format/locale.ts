/** Languages the elements speak. */
export const LANGS = ['ko', 'en'] as const;

/** A language the elements speak. */
export type Lang = (typeof LANGS)[number];

/** Reads a `lang` attribute value (`ko`, `en`, `en-US`, `ko-KR`…); anything else is Korean. */
export function toLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'ko';
}

/** The default zone of every date the elements show. */
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

/** Returns `zone` when the browser knows it, else Asia/Seoul, so a typo never breaks the page. */
export function validTimeZone(zone: string | null | undefined): string {
  // The default needs no check: the first Intl.DateTimeFormat is slow to create on a phone.
  if (!zone || zone === DEFAULT_TIME_ZONE) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}
