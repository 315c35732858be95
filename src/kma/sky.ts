/** Korean and English labels of a sky code. */
export interface SkyLabel {
  /** KMA's Korean wording. */
  readonly ko: string;
  /** The English shown with `lang="en"`. */
  readonly en: string;
}

/** Every canonical sky code, in the order of API.md, with its labels. */
export const SKY_LABELS = {
  clear: { ko: '맑음', en: 'Clear' },
  'partly-cloudy': { ko: '구름조금', en: 'Partly cloudy' },
  'mostly-cloudy': { ko: '구름많음', en: 'Mostly cloudy' },
  overcast: { ko: '흐림', en: 'Overcast' },
  rain: { ko: '비', en: 'Rain' },
  drizzle: { ko: '이슬비', en: 'Drizzle' },
  shower: { ko: '소나기', en: 'Showers' },
  snow: { ko: '눈', en: 'Snow' },
  sleet: { ko: '비/눈', en: 'Sleet' },
  thunderstorm: { ko: '뇌우', en: 'Thunderstorm' },
  fog: { ko: '안개', en: 'Fog' },
  mist: { ko: '박무', en: 'Mist' },
  haze: { ko: '연무', en: 'Haze' },
  dust: { ko: '황사', en: 'Yellow dust' },
  unknown: { ko: '정보 없음', en: 'Unknown' },
} as const satisfies Record<string, SkyLabel>;

/** A canonical sky condition. */
export type SkyCode = keyof typeof SKY_LABELS;

/** Canonical sky codes, in the order of API.md. */
export const SKY_CODES = Object.keys(SKY_LABELS) as readonly SkyCode[];

/** Whether a string is a canonical sky code. */
export function isSkyCode(value: string): value is SkyCode {
  return Object.prototype.hasOwnProperty.call(SKY_LABELS, value);
}

/**
 * KMA present-weather texts, spaces removed, matched in order: the first rule whose pattern
 * occurs in the text wins. Thunder and mixed precipitation come before plain rain or snow, and
 * drizzle and showers before rain, so that the most specific phenomenon decides.
 *
 * data.go.kr's precipitation types 빗방울, 빗방울눈날림 and 눈날림 are KMA's words for rain, rain
 * and snow, and snow too light to measure (under 0.1 mm an hour): rain, sleet and snow. 빗방울 is
 * named by its amount, not by drop size as 이슬비 (drizzle) is. `빗` is not `비`: 빗방울 needs
 * its own pattern.
 */
const TEXT_RULES: Readonly<Partial<Record<SkyCode, RegExp>>> = {
  thunderstorm: /뇌우|뇌전|천둥|번개|우박/,
  sleet: /진눈깨비|얼음싸라기|비\/?눈|눈\/?비|빗방울\/?눈|비와눈|눈과비|비또는눈|눈또는비/,
  shower: /소나기|소낙비/,
  drizzle: /이슬비|안개비|가랑비/,
  snow: /눈/,
  rain: /비|강수|빗방울/,
  fog: /안개/,
  mist: /박무/,
  haze: /연무|연기/,
  dust: /황사|먼지|모래/,
  'partly-cloudy': /구름조금/,
  'mostly-cloudy': /구름많음|구름많고/,
  overcast: /흐림|흐리고|흐린/,
  clear: /맑음|맑고|맑은/,
};

// `강수없음` names no phenomenon; it must not read as rain.
const NONE = /강수없음|무강수/g;

/**
 * Maps a feed's `sky` value (a canonical code, or a KMA Korean label in its current spaced or
 * legacy spaceless form) to a sky code. A text naming a phenomenon that ended within the hour
 * (`비 끝남`, as weather.go.kr writes it) maps to that phenomenon, the nearest code there is,
 * and the strip shows the feed's own words beside its icon. (The feed command writes no such
 * label: it leaves an ended phenomenon, WMO codes 20–29, to the cloud amount.) Texts that name
 * no known phenomenon map to `unknown`.
 */
export function skyFromText(text: string): SkyCode {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if (isSkyCode(lower)) return lower;
  const compact = trimmed.replace(/\s+/g, '').replace(NONE, '');
  for (const code in TEXT_RULES) {
    if (TEXT_RULES[code as SkyCode]!.test(compact)) return code as SkyCode;
  }
  return 'unknown';
}
