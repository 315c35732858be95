import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ASOS_STATIONS, PROVINCES } from '../../src/kma-feed/asos-stations.js';
import { GRID_SIZE, toGrid } from '../../src/kma-feed/grid.js';
import { asosRows, englishName, readStnInf, renderTable } from '../../scripts/asos-table.js';

interface Station16 {
  stn: number;
  nameKo: string;
  nameEn: string;
  lat: number;
  lon: number;
  nx: number;
  ny: number;
}

const stations16: Station16[] = JSON.parse(
  readFileSync(new URL('../fixtures/kma-feed/stations16.json', import.meta.url), 'utf8'),
);

describe('the ASOS table', () => {
  it("is what scripts/asos-table.js makes of KMA's saved station lists", async () => {
    assert.deepEqual(ASOS_STATIONS, asosRows());
    const source = readFileSync(new URL('../../src/kma-feed/asos-stations.ts', import.meta.url), 'utf8');
    assert.equal(source, await renderTable());
  });

  it('has every station of the saved stn_inf list, once, in number order', () => {
    const saved = readStnInf().map((row: { id: number }) => row.id);
    assert.deepEqual(
      ASOS_STATIONS.map((s) => s.id),
      [...saved].sort((a, b) => a - b),
    );
    assert.equal(new Set(saved).size, saved.length);
  });

  it('has the 16 reference stations with their numbers, names and grid points', () => {
    for (const expected of stations16) {
      const station = ASOS_STATIONS.find((s) => s.id === expected.stn);
      assert.ok(station, `${expected.stn}`);
      assert.equal(station.ko, expected.nameKo);
      assert.equal(station.en, expected.nameEn);
      assert.deepEqual({ nx: station.nx, ny: station.ny }, { nx: expected.nx, ny: expected.ny }, station.ko);
      // 강진군 moved about 2 km: stations16.json gives its old place, the table KMA's newer one.
      assert.ok(Math.abs(station.lat - expected.lat) < 0.02 && Math.abs(station.lon - expected.lon) < 0.02);
    }
  });

  it('has unique numbers, Korean names and English names', () => {
    const unique = (values: readonly unknown[]): boolean => new Set(values).size === values.length;
    assert.ok(unique(ASOS_STATIONS.map((s) => s.id)));
    assert.ok(unique(ASOS_STATIONS.map((s) => s.ko)));
    assert.ok(unique(ASOS_STATIONS.map((s) => s.en.toLowerCase().replace(/[^a-z]/g, ''))));
  });

  it('places every station in Korea, inside the forecast grid, at the grid point of its coordinates', () => {
    for (const s of ASOS_STATIONS) {
      assert.ok(s.lat > 33 && s.lat < 38.7 && s.lon > 124.5 && s.lon < 131, `${s.id} ${s.lat} ${s.lon}`);
      assert.ok(s.nx >= 1 && s.nx <= GRID_SIZE.nx && s.ny >= 1 && s.ny <= GRID_SIZE.ny, `${s.id}`);
      assert.deepEqual(toGrid(s.lat, s.lon), { nx: s.nx, ny: s.ny }, `${s.id} ${s.ko}`);
    }
  });

  it('gives every station a province, and every province a station', () => {
    for (const s of ASOS_STATIONS) assert.ok(PROVINCES.includes(s.province), `${s.id} ${s.province}`);
    for (const province of PROVINCES)
      assert.ok(
        ASOS_STATIONS.some((s) => s.province === province),
        province,
      );
    const provinceOf = (id: number): string => ASOS_STATIONS.find((s) => s.id === id)!.province;
    // Islands and stations near a border, by the 법정동 code of their address.
    assert.equal(provinceOf(102), '인천'); // 백령도
    assert.equal(provinceOf(115), '경북'); // 울릉도
    assert.equal(provinceOf(296), '부산'); // 북부산, 강서구
    assert.equal(provinceOf(140), '전북'); // 군산
  });

  it('writes English names as KMA does, 군/시 hyphenated', () => {
    assert.equal(englishName('강진군', 'Gangjin Gun'), 'Gangjin-gun');
    assert.equal(englishName('경주시', 'Gyeongjusi'), 'Gyeongju-si');
    assert.equal(englishName('세종', 'sejong'), 'Sejong');
    assert.equal(englishName('군산', 'Gunsan'), 'Gunsan');
    assert.ok(
      ASOS_STATIONS.every((s) => /^[A-Z][a-z]+(?:-(?:gun|si))?$/.test(s.en)),
      'one capitalised word',
    );
  });
});
