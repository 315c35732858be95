import type { SkyCode } from '../kma/sky.js';

/**
 * WMO code table 4677 (present weather, `WC`) ranges that report a phenomenon at the station at
 * the time of observation, as `[first, last, code]`. Left out, so that the cloud amount decides:
 * 00–03 (cloud development), 09 (duststorm in sight or in the past hour), 13 (lightning without
 * thunder), 14–16 (precipitation in sight, not at the station), 18 (squalls), 19 (funnel cloud),
 * 20–29 (a phenomenon that ended within the past hour: not current weather) and 40 (fog at a
 * distance, not at the station).
 */
const RANGES: readonly (readonly [number, number, SkyCode])[] = [
  [4, 5, 'haze'], // smoke, haze
  [6, 8, 'dust'], // dust or sand in suspension, raised by wind, whirls
  [10, 10, 'mist'],
  [11, 12, 'fog'], // shallow fog at the station
  [17, 17, 'thunderstorm'], // thunder heard, no precipitation
  [30, 35, 'dust'], // duststorm, sandstorm
  [36, 39, 'snow'], // drifting or blowing snow
  [41, 49, 'fog'],
  [50, 57, 'drizzle'], // including freezing drizzle
  [58, 59, 'rain'], // drizzle and rain
  [60, 67, 'rain'], // including freezing rain
  [68, 69, 'sleet'], // rain or drizzle and snow
  [70, 78, 'snow'], // snow, diamond dust, snow grains, snow crystals
  [79, 79, 'sleet'], // ice pellets
  [80, 82, 'shower'], // rain showers
  [83, 84, 'sleet'], // showers of rain and snow
  [85, 86, 'snow'], // snow showers
  [87, 88, 'sleet'], // showers of snow pellets or small hail, with or without rain
  // Showers of hail without thunder: not 뇌우. Hail falls from convective showers, mostly in the
  // warm season, so 소나기 says more than 비/눈 would.
  [89, 90, 'shower'],
  // Thunder in the past hour but not now; the precipitation is current: rain, or "snow, rain and
  // snow, or hail", which 비/눈 covers best.
  [91, 92, 'rain'],
  [93, 94, 'sleet'],
  [95, 99, 'thunderstorm'], // thunderstorm at the time of observation
];

/**
 * The sky code a WMO 4677 present-weather code reports, or `undefined` when it reports no
 * precipitation, thunder, fog, mist, haze or dust at the station at the hour (or is not a 00–99
 * code).
 */
export function skyFromPresentWeather(code: number): SkyCode | undefined {
  if (!Number.isInteger(code)) return undefined;
  for (const [first, last, sky] of RANGES) {
    if (code >= first && code <= last) return sky;
  }
  return undefined;
}

/** The sky code of a total cloud amount in tenths (0–10), or `undefined` outside 0–10. */
export function skyFromCloudAmount(tenths: number): SkyCode | undefined {
  if (!Number.isInteger(tenths) || tenths < 0 || tenths > 10) return undefined;
  if (tenths <= 2) return 'clear';
  if (tenths <= 5) return 'partly-cloudy';
  if (tenths <= 8) return 'mostly-cloudy';
  return 'overcast';
}

/**
 * The observed sky: the present weather when it reports a phenomenon at the hour, otherwise the
 * total cloud amount, otherwise `unknown` (many unmanned stations report neither).
 */
export function observedSky(presentWeather: number | null, cloudAmount: number | null): SkyCode {
  const phenomenon = presentWeather === null ? undefined : skyFromPresentWeather(presentWeather);
  if (phenomenon) return phenomenon;
  const clouds = cloudAmount === null ? undefined : skyFromCloudAmount(cloudAmount);
  return clouds ?? 'unknown';
}
