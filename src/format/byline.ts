import type { Lang } from './locale.js';
import { MESSAGES } from './messages.js';

/**
 * An article's byline: `서울복지타임즈 이재연 기자` in Korean, `By 이재연, 서울복지타임즈` in
 * English. Either part may be missing; with neither, the byline is empty.
 */
export function formatByline(
  publisher: string | undefined,
  reporter: string | undefined,
  lang: Lang,
): string {
  return MESSAGES[lang].byline(publisher?.trim(), reporter?.trim());
}
