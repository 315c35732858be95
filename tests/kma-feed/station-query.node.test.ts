import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ASOS_STATIONS, PROVINCES } from '../../src/kma-feed/asos-stations.js';
import {
  DEFAULT_STATION_QUERY,
  STATION_SET_NAMES,
  StationQueryError,
  findAsosStation,
  resolveStations,
  stationSet,
  suggestStations,
} from '../../src/kma-feed/station-query.js';
import { STATIONS } from '../../src/kma/stations.js';
import { readStnInf } from '../../scripts/asos-table.js';

const ids = (query: string): number[] => resolveStations(query).map((s) => s.id);

/** The error a query throws. */
function failure(query: string): StationQueryError {
  try {
    resolveStations(query);
  } catch (error) {
    assert.ok(error instanceof StationQueryError, String(error));
    assert.ok(error instanceof RangeError);
    return error;
  }
  assert.fail(`"${query}" was accepted`);
}

describe('resolveStations', () => {
  it('defaults to @전국: the 16 stations of the reference page, in its order', () => {
    const reference: { stn: number }[] = JSON.parse(
      readFileSync(new URL('../fixtures/kma-feed/stations16.json', import.meta.url), 'utf8'),
    );
    assert.equal(DEFAULT_STATION_QUERY, '@전국');
    assert.deepEqual(
      ids(DEFAULT_STATION_QUERY),
      reference.map((s) => s.stn),
    );
    assert.deepEqual(
      resolveStations().map((s) => s.id),
      STATIONS.map((s) => s.id),
    );
  });

  it('reads numbers, Korean and English names in any mix, once each, in the given order', () => {
    assert.deepEqual(resolveStations('140,전주,Gunsan'), [
      { id: 140, ko: '군산', en: 'Gunsan', nx: 56, ny: 93 },
      { id: 146, ko: '전주', en: 'Jeonju', nx: 63, ny: 89 },
    ]);
    assert.deepEqual(ids('108, 부산,Jeju,108，서울、184'), [108, 159, 184]);
  });

  it('finds every station of the table by its number, Korean name and English name in any case', () => {
    for (const station of ASOS_STATIONS) {
      assert.equal(findAsosStation(String(station.id)), station);
      assert.equal(findAsosStation(station.ko), station);
      assert.equal(findAsosStation(station.en.toUpperCase()), station);
      assert.equal(findAsosStation(` ${station.en.toLowerCase()} `), station);
    }
  });

  it("accepts KMA's own spellings of English names (Gangjin Gun, Gyeongjusi, sejong)", () => {
    for (const { id, en } of readStnInf()) assert.equal(findAsosStation(en)?.id, id, en);
    assert.deepEqual(ids('Gangjin Gun,Gyeongjusi,sejong'), [259, 283, 239]);
  });

  it('accepts 군/시 names without 군/시, unless that names another station', () => {
    assert.deepEqual(ids('강진,경주,Gyeongju,김해,Yangsan'), [259, 283, 253, 257]);
    assert.deepEqual(ids('고창,Gochang,고창군,Gochang-gun'), [172, 251]);
  });

  it('reads a set per province or metropolitan city, in the table order', () => {
    assert.deepEqual(STATION_SET_NAMES, ['@전국', ...PROVINCES.map((p) => `@${p}`)]);
    for (const province of PROVINCES) {
      const set = ids(`@${province}`);
      assert.ok(set.length > 0, province);
      assert.deepEqual(
        set,
        ASOS_STATIONS.filter((s) => s.province === province).map((s) => s.id),
      );
      assert.deepEqual(
        set,
        [...set].sort((a, b) => a - b),
      );
    }
    assert.deepEqual(ids('@제주'), [184, 185, 188, 189]);
    assert.ok(ids('@전북').includes(140) && ids('@전북').includes(146));
    assert.equal(
      PROVINCES.reduce((count, p) => count + ids(`@${p}`).length, 0),
      ASOS_STATIONS.length,
    );
  });

  it('reads long province names after @ too', () => {
    assert.deepEqual(ids('@전라북도'), ids('@전북'));
    assert.deepEqual(ids('@ 강원특별자치도'), ids('@강원'));
    assert.deepEqual(stationSet('제주특별자치도'), stationSet('@제주'));
    assert.equal(stationSet('@전라'), undefined);
  });

  it('mixes sets and stations, each station once where it first appears', () => {
    const jeonbuk = ids('@전북');
    assert.deepEqual(ids('@전북,군산,140,Gunsan'), jeonbuk);
    assert.deepEqual(ids('서울,@전북,@전북'), [108, ...jeonbuk]);
    assert.deepEqual(ids('@제주,@전국').slice(0, 5), [184, 185, 188, 189, 98]);
    assert.equal(ids('@제주,@전국').length, 4 + 16 - 1);
  });

  it('names a station as id=name: renamed in place, or outside the table without a grid point', () => {
    const renamed = resolveStations('@전국,108=서울(송월동)');
    assert.deepEqual(renamed[2], { id: 108, ko: '서울(송월동)', en: 'Seoul', nx: 60, ny: 127 });
    assert.equal(renamed.length, 16);
    assert.deepEqual(resolveStations('116=관악산,90:속초,116'), [
      { id: 116, ko: '관악산', en: '관악산', nx: null, ny: null },
      { id: 90, ko: '속초', en: 'Sokcho', nx: 87, ny: 142 },
    ]);
  });

  it('refuses a number outside the table, and an empty list', () => {
    const error = failure('999');
    assert.equal(error.key, '999');
    assert.match(error.message, /999 is not an ASOS station.*999=이름/);
    assert.match(failure(' , ').message, /empty/);
    assert.match(failure('0=없음').message, /unknown station "0=없음"/);
  });
});

describe('suggestions', () => {
  it('suggests the closest English names for a typo', () => {
    const error = failure('Gunsn');
    assert.equal(error.key, 'Gunsn');
    assert.equal(error.suggestions[0], 'Gunsan');
    assert.match(error.message, /unknown station "Gunsn"; did you mean Gunsan \(140 군산\)/);
    assert.equal(failure('Seoull').suggestions[0], 'Seoul');
    assert.equal(failure('Daegwalyeong').suggestions[0], 'Daegwallyeong');
    assert.equal(failure('chupungryeong').suggestions[0], 'Chupungnyeong');
  });

  it('suggests the closest Korean names, letter by letter', () => {
    const error = failure('전쥬');
    assert.equal(error.suggestions[0], '전주');
    assert.match(error.message, /did you mean 전주 \(146 Jeonju\)/);
    assert.equal(failure('청쥬').suggestions[0], '청주');
    assert.equal(failure('대관룡').suggestions[0], '대관령');
  });

  it('suggests names a typed start begins', () => {
    assert.deepEqual(
      suggestStations('Bukch').map((s) => s.id),
      [93, 255],
    );
    assert.equal(suggestStations('흑산')[0]?.id, 169);
  });

  it('suggests at most three, and nothing for a name from nowhere', () => {
    assert.ok(suggestStations('Gun', 3).length <= 3);
    assert.ok(suggestStations('Gu', 2).length <= 2);
    const error = failure('Atlantis');
    assert.deepEqual(error.suggestions, []);
    assert.match(error.message, /unknown station "Atlantis"; use an ASOS number/);
  });

  it('points a province written without @ to its set', () => {
    assert.deepEqual(failure('강원').suggestions, ['@강원']);
    assert.deepEqual(failure('전라북도').suggestions, ['@전북']);
  });

  it('lists the sets for an unknown set, with the closest first', () => {
    const error = failure('@전라');
    assert.deepEqual(error.suggestions, ['@전북', '@전남']);
    for (const name of STATION_SET_NAMES) assert.ok(error.message.includes(name), name);
    assert.deepEqual(failure('@강웜').suggestions, ['@강원']);
    assert.deepEqual(failure('@Atlantis').suggestions, []);
  });
});
