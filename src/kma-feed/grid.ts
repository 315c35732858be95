/**
 * KMA's 5 km forecast grid: the Lambert conformal conic projection that data.go.kr's
 * 단기예보 guide (기상청41_단기예보 조회서비스 오픈API활용가이드) publishes with its `nx`/`ny` tables.
 * Its constants: Earth radius 6371.00877 km, grid 5 km, standard parallels 30° and 60° N,
 * origin 126° E 38° N at grid point (43, 136).
 */

/** A point of KMA's 5 km forecast grid, as data.go.kr's `nx` and `ny` parameters. */
export interface GridPoint {
  /** Column, 1 at the west edge (1–149 inside the grid). */
  readonly nx: number;
  /** Row, 1 at the south edge (1–253 inside the grid). */
  readonly ny: number;
}

/** The grid's size in points: `nx` runs 1–149, `ny` 1–253. */
export const GRID_SIZE = { nx: 149, ny: 253 } as const;

const EARTH_RADIUS_KM = 6371.00877;
const GRID_KM = 5;
const DEG = Math.PI / 180;
const STANDARD_PARALLEL_1 = 30 * DEG;
const STANDARD_PARALLEL_2 = 60 * DEG;
const ORIGIN_LON = 126 * DEG;
const ORIGIN_LAT = 38 * DEG;
const ORIGIN_X = 43;
const ORIGIN_Y = 136;

const quarterTurnTan = (lat: number): number => Math.tan(Math.PI / 4 + lat / 2);
const radius = EARTH_RADIUS_KM / GRID_KM;
const cone =
  Math.log(Math.cos(STANDARD_PARALLEL_1) / Math.cos(STANDARD_PARALLEL_2)) /
  Math.log(quarterTurnTan(STANDARD_PARALLEL_2) / quarterTurnTan(STANDARD_PARALLEL_1));
const scale = (Math.pow(quarterTurnTan(STANDARD_PARALLEL_1), cone) * Math.cos(STANDARD_PARALLEL_1)) / cone;
const originRho = (radius * scale) / Math.pow(quarterTurnTan(ORIGIN_LAT), cone);

/**
 * The forecast grid point of a latitude and longitude (WGS 84 degrees), rounded to the nearest
 * point as KMA rounds it. Places outside Korea give points outside 1–149 × 1–253.
 */
export function toGrid(lat: number, lon: number): GridPoint {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) >= 90) {
    throw new RangeError(`not a latitude and longitude: ${lat}, ${lon}`);
  }
  const rho = (radius * scale) / Math.pow(quarterTurnTan(lat * DEG), cone);
  let theta = lon * DEG - ORIGIN_LON;
  if (theta > Math.PI) theta -= 2 * Math.PI;
  if (theta < -Math.PI) theta += 2 * Math.PI;
  theta *= cone;
  return {
    nx: Math.floor(rho * Math.sin(theta) + ORIGIN_X + 0.5),
    ny: Math.floor(originRho - rho * Math.cos(theta) + ORIGIN_Y + 0.5),
  };
}

/** Whether a grid point lies inside KMA's forecast grid. */
export function isInsideGrid({ nx, ny }: GridPoint): boolean {
  return (
    Number.isInteger(nx) &&
    Number.isInteger(ny) &&
    nx >= 1 &&
    nx <= GRID_SIZE.nx &&
    ny >= 1 &&
    ny <= GRID_SIZE.ny
  );
}
