import { STATIONS as REFERENCE_STATIONS, parseStationList } from '../kma/stations.js';
import { ASOS_STATIONS, PROVINCES, type AsosStation } from './asos-stations.js';

/** A station a feed is asked for: what the feed and the data.go.kr source need of it. */
export interface ResolvedStation {
  /** ASOS station number. */
  readonly id: number;
  /** Korean name, written into the feed. */
  readonly ko: string;
  /** English name; for a station outside the table, the name given. */
  readonly en: string;
  /** Forecast grid column, or `null` for a station outside the table (given as `id=name`). */
  readonly nx: number | null;
  /** Forecast grid row, or `null` for a station outside the table (given as `id=name`). */
  readonly ny: number | null;
}

/** The list used when none is given: the 16 stations of the reference page. */
export const DEFAULT_STATION_QUERY = '@전국';

/** A `--stations` list that names no station, or names one this module cannot find. */
export class StationQueryError extends RangeError {
  override name = 'StationQueryError';

  constructor(
    message: string,
    /** The key of the list that failed (`Gunsn`, `@전라`, `999`). */
    readonly key: string,
    /** What to write instead, closest first (`군산`, `Gunsan`, `@전북`); may be empty. */
    readonly suggestions: readonly string[],
  ) {
    super(message);
  }
}

/** Names compared without case, spaces, hyphens or dots: `Gangjin Gun` = `gangjin-gun`. */
const keyOf = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\-_.'’·]/g, '');

/** The name without its 군/시 (`강진군` → `강진`, `Gangjin-gun` → `Gangjin`), or undefined. */
function shortName(name: string): string | undefined {
  const short = name.replace(/(?<=..)[군시]$|-(?:gun|si)$/i, '');
  return short === name ? undefined : short;
}

const byId = new Map(ASOS_STATIONS.map((station) => [station.id, station]));

/** Full names first; a short name only where it names no other station (`고창` stays 172). */
const byName = (() => {
  const names = new Map<string, AsosStation>();
  for (const station of ASOS_STATIONS) {
    names.set(keyOf(station.ko), station);
    names.set(keyOf(station.en), station);
  }
  const shortNames = ASOS_STATIONS.flatMap((station) =>
    [shortName(station.ko), shortName(station.en)].flatMap((short) =>
      short === undefined ? [] : [[keyOf(short), station] as const],
    ),
  );
  for (const [key, station] of shortNames) {
    const taken = names.has(key) || shortNames.some(([other, rival]) => other === key && rival !== station);
    if (!taken) names.set(key, station);
  }
  return names;
})();

/** Long names of the provinces, accepted after `@` too (`@전라북도`, `@강원특별자치도`). */
const LONG_SET_NAMES: Readonly<Record<string, string>> = {
  서울특별시: '서울',
  부산광역시: '부산',
  대구광역시: '대구',
  인천광역시: '인천',
  광주광역시: '광주',
  대전광역시: '대전',
  울산광역시: '울산',
  세종특별자치시: '세종',
  경기도: '경기',
  강원도: '강원',
  강원특별자치도: '강원',
  충청북도: '충북',
  충청남도: '충남',
  전라북도: '전북',
  전북특별자치도: '전북',
  전라남도: '전남',
  경상북도: '경북',
  경상남도: '경남',
  제주도: '제주',
  제주특별자치도: '제주',
};

const SETS = new Map<string, readonly AsosStation[]>([
  ['전국', REFERENCE_STATIONS.map(({ id }) => byId.get(id)!)],
  ...PROVINCES.map((province) => [province, ASOS_STATIONS.filter((s) => s.province === province)] as const),
]);

/** The `@` sets, in the order `--help` lists them: `@전국`, then the provinces. */
export const STATION_SET_NAMES: readonly string[] = [...SETS.keys()].map((name) => `@${name}`);

/** The stations of a set (`@전북` or `전북`, or a long name as `@전라북도`), in the table's order. */
export function stationSet(name: string): readonly AsosStation[] | undefined {
  return SETS.get(setName(name));
}

/** The short name of a set: `@ 전라북도` → `전북`. */
function setName(name: string): string {
  const bare = name.trim().replace(/^@\s*/, '');
  return LONG_SET_NAMES[bare] ?? bare;
}

/** A station of the table by ASOS number or name: Korean or English, any case, with or without 군/시. */
export function findAsosStation(key: string): AsosStation | undefined {
  const trimmed = key.trim();
  return /^\d+$/.test(trimmed) ? byId.get(Number(trimmed)) : byName.get(keyOf(trimmed));
}

/** Levenshtein distance between two strings, by code point. */
function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 0; i < left.length; i++) {
    const current = [i + 1];
    for (let j = 0; j < right.length; j++) {
      const substitution = previous[j]! + (left[i] === right[j] ? 0 : 1);
      current.push(Math.min(substitution, previous[j + 1]! + 1, current[j]! + 1));
    }
    previous = current;
  }
  return previous[right.length]!;
}

/** Hangul compared letter by letter (전쥬 is one jamo from 전주), Latin letters as they are. */
const spelling = (text: string): string => keyOf(text).normalize('NFD');

/** How far a typed key is from some candidate names: 0.5 when it starts one of them. */
function closeness(typed: string, candidates: readonly string[]): number {
  return Math.min(
    ...candidates.map((name) =>
      typed.length >= 2 && name.startsWith(typed) ? 0.5 : editDistance(typed, name),
    ),
  );
}

/** Up to `limit` candidates within reach of `typed`, closest first, ties in the given order. */
function closest<T>(typed: string, items: readonly T[], names: (item: T) => string[], limit: number): T[] {
  const reach = Math.max(1, Math.round(typed.length / 3));
  return items
    .map((item, order) => ({ item, order, distance: closeness(typed, names(item)) }))
    .filter(({ distance }) => distance <= reach)
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, limit)
    .map(({ item }) => item);
}

/**
 * The stations whose names are closest to a name the table lacks (`Gunsn` → 군산, `전쥬` → 전주),
 * closest first: Hangul is compared with Korean names, anything else with English ones.
 */
export function suggestStations(key: string, limit = 3): AsosStation[] {
  const korean = /[\u3131-\u318e\uac00-\ud7a3]/.test(key);
  const typed = spelling(key);
  return closest(
    typed,
    ASOS_STATIONS,
    (station) =>
      (korean ? [station.ko, shortName(station.ko)] : [station.en, shortName(station.en)]).flatMap((name) =>
        name === undefined ? [] : [spelling(name)],
      ),
    limit,
  );
}

function unknownStation(key: string): StationQueryError {
  if (stationSet(key)) {
    const set = `@${setName(key)}`;
    return new StationQueryError(`"${key}" is not a station; write the set as ${set}`, key, [set]);
  }
  const korean = /[\u3131-\u318e\uac00-\ud7a3]/.test(key);
  const found = suggestStations(key);
  const suggestions = found.map((station) => (korean ? station.ko : station.en));
  const hint = found.length
    ? `did you mean ${found.map((s) => `${korean ? s.ko : s.en} (${s.id} ${korean ? s.en : s.ko})`).join(', ')}?`
    : 'use an ASOS number (140), a Korean or English name (군산, Gunsan) or a set (@전북)';
  return new StationQueryError(`unknown station "${key}"; ${hint}`, key, suggestions);
}

function unknownSet(key: string): StationQueryError {
  const typed = spelling(key.replace(/^@/, ''));
  const longNames = Object.entries(LONG_SET_NAMES);
  const suggestions = closest(
    typed,
    STATION_SET_NAMES,
    (set) =>
      [set.slice(1), ...longNames.filter(([, short]) => `@${short}` === set).map(([long]) => long)].map(
        spelling,
      ),
    3,
  );
  const hint = suggestions.length ? `did you mean ${suggestions.join(', ')}? ` : '';
  return new StationQueryError(
    `unknown station set "${key}"; ${hint}the sets are ${STATION_SET_NAMES.join(' ')}`,
    key,
    suggestions,
  );
}

const toResolved = ({ id, ko, en, nx, ny }: AsosStation): ResolvedStation => ({ id, ko, en, nx, ny });

/** `90=속초` or `90:속초`: a station by number under the name given. */
const CUSTOM = /^(\d{1,5})\s*[=:]\s*(.+)$/;

/**
 * Reads a `--stations` list (or `WEATHER_STRIP_STATIONS`): comma-separated ASOS numbers, Korean or
 * English names in any case (`140,전주,Gunsan`), and `@` sets: `@전국` (the reference page's 16,
 * in its order) or a province or metropolitan city (`@전북`, `@제주`), in the table's order.
 * Each station comes once, where it first appears.
 *
 * `id=name` (or `id:name`) names a station: a station of the table keeps its grid point under the
 * name given (`108=서울(송월동)`, wherever in the list); a number outside the table (a station
 * opened since, or one the table does not list, as `116=관악산`) gets `nx`/`ny` `null`, so only a
 * source that reads ASOS numbers (API Hub) can serve it.
 *
 * Throws a {@link StationQueryError} naming the first bad key, with the closest names.
 */
export function resolveStations(query: string = DEFAULT_STATION_QUERY): ResolvedStation[] {
  const picked = new Map<number, ResolvedStation>();
  const add = (station: ResolvedStation, named: boolean): void => {
    const earlier = picked.get(station.id);
    if (!earlier) picked.set(station.id, station);
    else if (named) picked.set(station.id, { ...earlier, ko: station.ko });
  };
  for (const key of parseStationList(query)) {
    if (key.startsWith('@')) {
      const set = stationSet(key);
      if (!set) throw unknownSet(key);
      for (const station of set) add(toResolved(station), false);
      continue;
    }
    const custom = CUSTOM.exec(key);
    if (custom && Number(custom[1]) > 0) {
      const id = Number(custom[1]);
      const name = custom[2]!.trim();
      const known = byId.get(id);
      add(known ? { ...toResolved(known), ko: name } : { id, ko: name, en: name, nx: null, ny: null }, true);
      continue;
    }
    const station = findAsosStation(key);
    if (station) add(toResolved(station), false);
    else if (/^\d+$/.test(key) && picked.has(Number(key))) continue;
    else if (/^\d+$/.test(key)) {
      throw new StationQueryError(
        `station ${key} is not an ASOS station KMA operates; give its name too, as ${key}=이름`,
        key,
        [],
      );
    } else throw unknownStation(key);
  }
  if (picked.size === 0) throw new StationQueryError('the station list is empty', query, []);
  return [...picked.values()];
}
