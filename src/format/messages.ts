import type { Lang } from './locale.js';

/** The words the elements show or speak, in one language. */
export interface Messages {
  /** The strip's attribution when neither the author nor the feed names the source. */
  readonly attribution: string;
  /** Accessible name of the strip's region when the author gives none. */
  readonly stripLabel: string;
  /** The pause button's name while the strip moves. */
  readonly pause: string;
  /** The pause button's name once the reader has paused the strip. */
  readonly play: string;
  /** The status mark of weather observed too long ago. */
  readonly stale: string;
  /** The status mark of a feed whose last check failed. */
  readonly failed: string;
  /** A byline from the publisher and the reporter, either of which may be missing. */
  readonly byline: (publisher: string | undefined, reporter: string | undefined) => string;
}

function join(separator: string, ...parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join(separator);
}

/** Every word of the user interface, Korean and English. */
export const MESSAGES: Readonly<Record<Lang, Messages>> = {
  ko: {
    attribution: '기상청 제공',
    stripLabel: '전국 날씨',
    pause: '일시정지',
    play: '재생',
    stale: '오래된 정보',
    failed: '업데이트 실패',
    byline: (publisher, reporter) => join(' ', publisher, reporter && `${reporter} 기자`),
  },
  en: {
    attribution: 'Source: KMA',
    stripLabel: 'Weather',
    pause: 'Pause',
    play: 'Play',
    stale: 'Outdated',
    failed: 'Update failed',
    byline: (publisher, reporter) => join(', ', reporter && `By ${reporter}`, publisher),
  },
};
