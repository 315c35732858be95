/** Canonical sky codes, in the order of API.md. */
export const SKY_CODES = [
  'clear',
  'partly-cloudy',
  'mostly-cloudy',
  'overcast',
  'rain',
  'drizzle',
  'shower',
  'snow',
  'sleet',
  'thunderstorm',
  'fog',
  'mist',
  'haze',
  'dust',
  'unknown',
] as const;

/** A canonical sky condition. */
export type SkyCode = (typeof SKY_CODES)[number];

/** Korean (KMA) and English labels of each sky code. */
export const SKY_LABELS: Readonly<Record<SkyCode, { readonly ko: string; readonly en: string }>> = {
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
};

const CODE_SET: ReadonlySet<string> = new Set(SKY_CODES);

/** Whether a string is a canonical sky code. */
export function isSkyCode(value: string): value is SkyCode {
  return CODE_SET.has(value);
}

/**
 * KMA present-weather texts, spaces removed, matched in order: the first rule whose pattern
 * occurs in the text wins. Thunder and mixed precipitation come before plain rain or snow, and
 * drizzle and showers before rain, so that the most specific phenomenon decides.
 */
const TEXT_RULES: readonly (readonly [RegExp, SkyCode])[] = [
  [/뇌우|뇌전|천둥|번개|우박/, 'thunderstorm'],
  [/진눈깨비|얼음싸라기|비\/?눈|눈\/?비|비와눈|눈과비|비또는눈|눈또는비/, 'sleet'],
  [/소나기|소낙비/, 'shower'],
  [/이슬비|안개비|가랑비/, 'drizzle'],
  [/눈/, 'snow'],
  [/비|강수|빗방울/, 'rain'],
  [/안개/, 'fog'],
  [/박무/, 'mist'],
  [/연무|연기/, 'haze'],
  [/황사|먼지|모래/, 'dust'],
  [/구름조금/, 'partly-cloudy'],
  [/구름많음|구름많고/, 'mostly-cloudy'],
  [/흐림|흐리고|흐린/, 'overcast'],
  [/맑음|맑고|맑은/, 'clear'],
];

// `강수없음` names no phenomenon; it must not read as rain.
const NONE = /강수없음|무강수/g;

/**
 * Maps a feed's `sky` value (a canonical code, or a KMA Korean label in its current spaced or
 * legacy spaceless form) to a sky code. A phenomenon that ended within the hour (`비 끝남`)
 * keeps its code, as WMO present-weather codes 20–29 do in the feed command. Texts that name
 * no known phenomenon map to `unknown`.
 */
export function skyFromText(text: string): SkyCode {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if (isSkyCode(lower)) return lower;
  const compact = trimmed.replace(/\s+/g, '').replace(NONE, '');
  for (const [pattern, code] of TEXT_RULES) {
    if (pattern.test(compact)) return code;
  }
  return 'unknown';
}
