import type { SkyCode } from '../kma/sky.js';

/**
 * WMO code table 4677 (present weather, `WC`) ranges that name a phenomenon at the station, as
 * `[first, last, code]`. Codes left out (00–03 cloud development, 14–16 precipitation only in
 * sight, 18 squalls, 19 funnel clouds) say nothing the strip can show: the sky then comes from
 * the cloud amount. 20–29 (ended within the hour) map like KMA's own `…끝남` labels do.
 */
const RANGES: readonly (readonly [number, number, SkyCode])[] = [
  [4, 5, 'haze'], // smoke, haze
  [6, 9, 'dust'], // dust or sand in suspension, raised, whirls, duststorm in sight
  [10, 10, 'mist'],
  [11, 12, 'fog'], // shallow fog
  [13, 13, 'thunderstorm'], // lightning
  [17, 17, 'thunderstorm'],
  [20, 20, 'drizzle'],
  [21, 21, 'rain'],
  [22, 22, 'snow'],
  [23, 23, 'sleet'],
  [24, 24, 'rain'], // freezing drizzle or rain
  [25, 25, 'shower'],
  [26, 26, 'snow'], // snow showers
  [27, 27, 'thunderstorm'], // hail: KMA's 우박, which the strip shows as 뇌우
  [28, 28, 'fog'],
  [29, 29, 'thunderstorm'],
  [30, 35, 'dust'], // duststorm, sandstorm
  [36, 39, 'snow'], // drifting or blowing snow
  [40, 49, 'fog'],
  [50, 57, 'drizzle'], // including freezing drizzle
  [58, 59, 'rain'], // drizzle and rain
  [60, 67, 'rain'], // including freezing rain
  [68, 69, 'sleet'], // rain or drizzle and snow
  [70, 78, 'snow'], // snow, diamond dust, snow grains, snow crystals
  [79, 79, 'sleet'], // ice pellets
  [80, 82, 'shower'],
  [83, 84, 'sleet'],
  [85, 86, 'snow'],
  [87, 88, 'sleet'], // snow pellets or small hail
  [89, 90, 'thunderstorm'], // hail
  [91, 99, 'thunderstorm'],
];

/**
 * The sky code a WMO 4677 present-weather code reports, or `undefined` when it reports no
 * precipitation, thunder, fog, mist, haze or dust (or is not a 00–99 code).
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
 * The observed sky: the present weather when it reports a phenomenon, otherwise the total cloud
 * amount, otherwise `unknown` (many unmanned stations report neither).
 */
export function observedSky(presentWeather: number | null, cloudAmount: number | null): SkyCode {
  const phenomenon = presentWeather === null ? undefined : skyFromPresentWeather(presentWeather);
  if (phenomenon) return phenomenon;
  const clouds = cloudAmount === null ? undefined : skyFromCloudAmount(cloudAmount);
  return clouds ?? 'unknown';
}
