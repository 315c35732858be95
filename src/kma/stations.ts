/** A KMA ASOS surface station from the built-in table. */
export interface StationInfo {
  /** KMA ASOS station number. */
  readonly id: number;
  /** Korean name, as KMA publishes it. */
  readonly ko: string;
  /** English name (KMA's romanisation). */
  readonly en: string;
}

/** The 16 stations of the reference news page, in its order. */
export const STATIONS: readonly StationInfo[] = [
  { id: 98, ko: '동두천', en: 'Dongducheon' },
  { id: 105, ko: '강릉', en: 'Gangneung' },
  { id: 108, ko: '서울', en: 'Seoul' },
  { id: 133, ko: '대전', en: 'Daejeon' },
  { id: 143, ko: '대구', en: 'Daegu' },
  { id: 152, ko: '울산', en: 'Ulsan' },
  { id: 156, ko: '광주', en: 'Gwangju' },
  { id: 159, ko: '부산', en: 'Busan' },
  { id: 172, ko: '고창', en: 'Gochang' },
  { id: 184, ko: '제주', en: 'Jeju' },
  { id: 201, ko: '강화', en: 'Ganghwa' },
  { id: 226, ko: '보은', en: 'Boeun' },
  { id: 238, ko: '금산', en: 'Geumsan' },
  { id: 259, ko: '강진군', en: 'Gangjin-gun' },
  { id: 283, ko: '경주시', en: 'Gyeongju-si' },
  { id: 294, ko: '거제', en: 'Geoje' },
];

const byId = new Map(STATIONS.map((s) => [s.id, s]));
const byName = new Map(STATIONS.flatMap((s) => [[s.ko, s] as const, [s.en.toLowerCase(), s] as const]));

/** Finds a built-in station by ASOS number. */
export function stationById(id: number): StationInfo | undefined {
  return byId.get(id);
}

/**
 * Finds a built-in station by an ASOS number or a name (Korean, or English in any case),
 * as written in the `stations` attribute or the feed command's `--stations` option.
 */
export function findStation(key: string): StationInfo | undefined {
  const trimmed = key.trim();
  if (/^\d+$/.test(trimmed)) return byId.get(Number(trimmed));
  return byName.get(trimmed) ?? byName.get(trimmed.toLowerCase());
}

/** Splits a `stations` list (`108,159` or `서울, 부산`) into its trimmed, non-empty keys. */
export function parseStationList(list: string): string[] {
  return list
    .split(/[,，、]/)
    .map((key) => key.trim())
    .filter((key) => key !== '');
}
