import { findStation, parseStationList, stationById, type StationInfo } from '../kma/stations.js';
import { SKY_LABELS, isSkyCode, skyFromText, type SkyCode } from '../kma/sky.js';
import type { WeatherReading } from '../feed/weather-feed.js';
import type { Lang } from '../format/locale.js';

/** A station as the strip shows it: every name and label already in the reader's language. */
export interface StationView {
  /** Name in the reader's language. */
  readonly name: string;
  /** Canonical sky code: picks the icon. */
  readonly sky: SkyCode;
  /** Sky label in the reader's language (the feed's own Korean text in `ko`). */
  readonly skyLabel: string;
  /** Temperature in °C, or `null` when missing. */
  readonly temp: number | null;
}

function skyLabel(raw: string | undefined, code: SkyCode, lang: Lang): string {
  if (raw === undefined) return SKY_LABELS[code][lang];
  const rawIsCode = isSkyCode(raw.toLowerCase());
  if (lang === 'ko') return rawIsCode ? SKY_LABELS[code].ko : raw;
  // In English a known phenomenon gets its English label; an unknown text is shown as given.
  return code === 'unknown' && !rawIsCode ? raw : SKY_LABELS[code].en;
}

/** Resolves one reading against the built-in table, in the reader's language. */
export function toStationView(reading: WeatherReading, lang: Lang): StationView {
  const known: StationInfo | undefined =
    reading.id !== undefined ? stationById(reading.id) : reading.name ? findStation(reading.name) : undefined;
  const name = lang === 'en' ? (known?.en ?? reading.name ?? '') : (reading.name ?? known?.ko ?? '');
  const sky = reading.sky === undefined ? 'unknown' : skyFromText(reading.sky);
  return {
    name,
    sky,
    skyLabel: skyLabel(reading.sky, sky, lang),
    temp: reading.temp,
  };
}

function matches(reading: WeatherReading, key: string): boolean {
  const wanted = findStation(key);
  const wantedId = wanted?.id ?? (/^\d+$/.test(key) ? Number(key) : undefined);
  if (reading.id !== undefined && reading.id === wantedId) return true;
  const name = reading.name?.toLowerCase();
  if (!name) return false;
  return (
    name === key.toLowerCase() ||
    (wanted !== undefined && (name === wanted.ko || name === wanted.en.toLowerCase()))
  );
}

/**
 * Picks and orders readings by a `stations` list (`108,159` or `서울,부산`). Without a list,
 * every reading in feed order. Keys that match nothing are skipped; a station is shown once.
 */
export function selectReadings(
  readings: readonly WeatherReading[],
  list: string | undefined,
): WeatherReading[] {
  const keys = list ? parseStationList(list) : [];
  if (keys.length === 0) return [...readings];
  const picked = new Set<WeatherReading>();
  for (const key of keys) {
    const found = readings.find((reading) => !picked.has(reading) && matches(reading, key));
    if (found) picked.add(found);
  }
  return [...picked];
}

/**
 * The stations a strip shows, built again only when the readings, the `stations` list or the
 * language change: pausing, hovering and the status mark update the strip too.
 */
export class StationViews {
  #inputs: readonly unknown[] = [];
  #views: readonly StationView[] = [];

  /** The stations shown since the last {@link update}. */
  get current(): readonly StationView[] {
    return this.#views;
  }

  /** The stations to show for these inputs: the same array as before when none changed. */
  update(readings: readonly WeatherReading[], list: string | undefined, lang: Lang): readonly StationView[] {
    const inputs = [readings, list, lang];
    if (inputs.some((input, i) => input !== this.#inputs[i])) {
      this.#inputs = inputs;
      this.#views = selectReadings(readings, list).map((reading) => toStationView(reading, lang));
    }
    return this.#views;
  }
}
