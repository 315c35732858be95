import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { GRID_SIZE, isInsideGrid, toGrid } from '../../src/kma-feed/grid.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/kma-feed/${name}`, import.meta.url), 'utf8');

interface GuideRow {
  readonly place: string;
  readonly nx: number;
  readonly ny: number;
  readonly lat: number;
  readonly lon: number;
}

/** data.go.kr's grid table: 구분,행정구역코드,1단계,2단계,3단계,격자 X,격자 Y,…,경도(초/100),위도(초/100),… */
const guide: GuideRow[] = fixture('grid-sido-sigungu.csv')
  .split(/\r?\n/)
  .slice(1)
  .filter((line) => line !== '')
  .map((line) => line.split(','))
  .map((field) => ({
    place: `${field[2]} ${field[3]}`.trim(),
    nx: Number(field[5]),
    ny: Number(field[6]),
    lon: Number(field[13]),
    lat: Number(field[14]),
  }));

/**
 * Rows whose published point is not the rounding of its published coordinates: 청송군 lies
 * 0.009 of a cell from the edge between columns 96 and 97; 진해구's coordinates were updated in
 * 2015 (the table's 위치업데이트 column) and its point was not.
 */
const OFF_BY_ONE = new Set(['경상북도 청송군', '경상남도 창원시진해구']);

describe('toGrid', () => {
  it("gives every 시도 and 시군구 of data.go.kr's grid table its published nx/ny", () => {
    assert.ok(guide.length > 250, `${guide.length} rows`);
    const wrong = guide.filter((row) => {
      const { nx, ny } = toGrid(row.lat, row.lon);
      return (nx !== row.nx || ny !== row.ny) && !OFF_BY_ONE.has(row.place);
    });
    assert.deepEqual(wrong, []);
  });

  it('misses the two documented rows by one point only', () => {
    const rows = guide.filter((row) => OFF_BY_ONE.has(row.place));
    assert.equal(rows.length, OFF_BY_ONE.size);
    for (const row of rows) {
      const { nx, ny } = toGrid(row.lat, row.lon);
      assert.equal(Math.abs(nx - row.nx) + Math.abs(ny - row.ny), 1, row.place);
    }
  });

  it('gives the points of two real getUltraSrtNcst answers to the places the table gives them', () => {
    const place = (name: string): GuideRow => guide.find((row) => row.place === name)!;
    assert.deepEqual(toGrid(place('서울특별시 강남구').lat, place('서울특별시 강남구').lon), {
      nx: 61,
      ny: 126,
    });
    assert.deepEqual(toGrid(place('경기도 안양시만안구').lat, place('경기도 안양시만안구').lon), {
      nx: 59,
      ny: 123,
    });
  });

  it('gives the 16 reference stations their nx/ny', () => {
    const stations: { stn: number; lat: number; lon: number; nx: number; ny: number }[] = JSON.parse(
      fixture('stations16.json'),
    );
    assert.equal(stations.length, 16);
    for (const { stn, lat, lon, nx, ny } of stations)
      assert.deepEqual(toGrid(lat, lon), { nx, ny }, `${stn}`);
  });

  it('puts the origin (38° N, 126° E) at (43, 136) and places far from Korea outside the grid', () => {
    assert.deepEqual(toGrid(38, 126), { nx: 43, ny: 136 });
    assert.ok(!isInsideGrid(toGrid(38, 140)));
    assert.ok(!isInsideGrid(toGrid(25, 126)));
  });

  it('refuses what is not a latitude and longitude', () => {
    assert.throws(() => toGrid(Number.NaN, 127), RangeError);
    assert.throws(() => toGrid(90, 127), RangeError);
    assert.throws(() => toGrid(37, Number.POSITIVE_INFINITY), RangeError);
  });

  it('knows the bounds of the grid', () => {
    assert.ok(isInsideGrid({ nx: 1, ny: 1 }));
    assert.ok(isInsideGrid({ nx: GRID_SIZE.nx, ny: GRID_SIZE.ny }));
    assert.ok(!isInsideGrid({ nx: 0, ny: 1 }));
    assert.ok(!isInsideGrid({ nx: 1, ny: GRID_SIZE.ny + 1 }));
    assert.ok(!isInsideGrid({ nx: 1.5, ny: 2 }));
  });
});
