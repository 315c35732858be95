import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  observedSky,
  skyFromCloudAmount,
  skyFromPresentWeather,
} from '../../src/kma-feed/present-weather.js';
import { serializeFeed } from '../../src/kma-feed/feed.js';
import { resolveStations } from '../../src/kma-feed/station-query.js';
import { kstToIso } from '../../src/kma-feed/time.js';
import { parseSfctm2, type Observation } from '../../src/kma-feed/sfctm2.js';
import { SKY_CODES, SKY_LABELS, skyFromText } from '../../src/kma/sky.js';
import { STATIONS } from '../../src/kma/stations.js';
import { validateWeatherFeed } from '../../src/feed/weather-feed.js';
import { feedOfObservations as buildFeed, fixtureText, referenceFeed } from '../support/kma-fixtures.node.js';

/** A `--stations` list as the feed names its stations. */
const parseWantedStations = (list?: string) => resolveStations(list).map(({ id, ko }) => ({ id, name: ko }));
const DEFAULT_STATIONS = parseWantedStations();

describe('sky from KMA observations', () => {
  it('takes the cloud amount in tenths: 맑음 0–2, 구름조금 3–5, 구름많음 6–8, 흐림 9–10', () => {
    const labels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((t) => SKY_LABELS[skyFromCloudAmount(t)!].ko);
    assert.deepEqual(labels, [
      '맑음',
      '맑음',
      '맑음',
      '구름조금',
      '구름조금',
      '구름조금',
      '구름많음',
      '구름많음',
      '구름많음',
      '흐림',
      '흐림',
    ]);
    for (const bad of [-1, 11, 2.5]) assert.equal(skyFromCloudAmount(bad), undefined);
  });

  it('lets present weather that reports a phenomenon win over the clouds', () => {
    const cases: [number, string][] = [
      [5, 'haze'],
      [6, 'dust'],
      [10, 'mist'],
      [11, 'fog'],
      [17, 'thunderstorm'],
      [45, 'fog'],
      [51, 'drizzle'],
      [61, 'rain'],
      [68, 'sleet'],
      [71, 'snow'],
      [80, 'shower'],
      [95, 'thunderstorm'],
    ];
    for (const [code, sky] of cases) assert.equal(observedSky(code, 0), sky, `WC ${code}`);
  });

  it('falls back to the clouds when present weather reports nothing at the station', () => {
    // 09 duststorm in sight or in the past hour, 13 lightning without thunder, 40 fog at a distance.
    for (const code of [0, 1, 2, 3, 9, 13, 14, 15, 16, 18, 19, 40]) {
      assert.equal(skyFromPresentWeather(code), undefined, `WC ${code}`);
      assert.equal(observedSky(code, 9), 'overcast', `WC ${code}`);
    }
  });

  it('does not take a phenomenon that ended within the past hour (20–29) for current weather', () => {
    for (let code = 20; code <= 29; code++) {
      assert.equal(skyFromPresentWeather(code), undefined, `WC ${code}`);
      assert.equal(observedSky(code, 0), 'clear', `WC ${code} under a clear sky`);
      assert.equal(observedSky(code, 10), 'overcast', `WC ${code} under an overcast sky`);
    }
  });

  it('reads hail without thunder as showers, and thunder of the past hour by its precipitation', () => {
    // 89–90 showers of hail, no thunder; 91–94 thunder in the past hour only; 95–99 thunder now.
    const cases: [number, string][] = [
      [87, 'sleet'],
      [88, 'sleet'],
      [89, 'shower'],
      [90, 'shower'],
      [91, 'rain'],
      [92, 'rain'],
      [93, 'sleet'],
      [94, 'sleet'],
      [95, 'thunderstorm'],
      [96, 'thunderstorm'],
      [99, 'thunderstorm'],
    ];
    for (const [code, sky] of cases) assert.equal(skyFromPresentWeather(code), sky, `WC ${code}`);
  });

  it('is unknown when neither is observed', () => {
    assert.equal(observedSky(null, null), 'unknown');
    assert.equal(observedSky(2, null), 'unknown');
  });

  it('gives every WMO 4677 code a sky the strip reads back from its Korean label', () => {
    for (let code = 0; code <= 99; code++) {
      const sky = skyFromPresentWeather(code);
      if (sky === undefined) continue;
      assert.ok(SKY_CODES.includes(sky));
      assert.equal(skyFromText(SKY_LABELS[sky].ko), sky, `WC ${code} → ${SKY_LABELS[sky].ko}`);
    }
  });
});

describe('--stations', () => {
  it('reads ids, Korean and English names, in the given order, once each', () => {
    assert.deepEqual(parseWantedStations('108, 부산,Jeju,108'), [
      { id: 108, name: '서울' },
      { id: 159, name: '부산' },
      { id: 184, name: '제주' },
    ]);
  });

  it('takes id=name for a station outside the built-in table', () => {
    assert.deepEqual(parseWantedStations('4242=없는곳,100:대관령'), [
      { id: 4242, name: '없는곳' },
      { id: 100, name: '대관령' },
    ]);
  });

  it('reads every ASOS station of the table by number, 90 속초 and 140 군산 included', () => {
    assert.deepEqual(parseWantedStations('90,140,전주,Gunsan'), [
      { id: 90, name: '속초' },
      { id: 140, name: '군산' },
      { id: 146, name: '전주' },
    ]);
  });

  it('refuses unknown stations with a hint, and an empty list', () => {
    // 90 (속초) was refused while the table held only the 16; a number outside every table is.
    assert.throws(() => parseWantedStations('4242'), /4242=이름/);
    assert.throws(() => parseWantedStations('Atlantis'), /unknown station "Atlantis"/);
    assert.throws(() => parseWantedStations(' , '), /empty/);
  });

  it('defaults to the 16 built-in stations in the reference order', () => {
    assert.deepEqual(
      DEFAULT_STATIONS.map((s) => s.id),
      STATIONS.map((s) => s.id),
    );
  });
});

describe('feed', () => {
  const reference = parseSfctm2(fixtureText('kma_sfctm2_reference_202508011500.txt')).observations;

  it("turns the reference fixture into the reference page's feed", () => {
    const built = buildFeed(reference, DEFAULT_STATIONS)!;
    assert.deepEqual(built.missing, []);
    assert.deepEqual(JSON.parse(serializeFeed(built.feed)), referenceFeed());
  });

  it('writes a feed that validates without a single problem', () => {
    const built = buildFeed(reference, [
      ...DEFAULT_STATIONS,
      { id: 116, name: '관악산' },
      { id: 4242, name: '없는곳' },
    ])!;
    const result = validateWeatherFeed(JSON.parse(serializeFeed(built.feed)));
    assert.deepEqual(result.problems, []);
    assert.equal(result.value?.stations.length, 18);
    assert.deepEqual(built.missing, [{ id: 4242, name: '없는곳' }]);
    assert.deepEqual(built.feed.stations.at(-2), { id: 116, name: '관악산', sky: null, temp: 27.4 });
    assert.deepEqual(built.feed.stations.at(-1), { id: 4242, name: '없는곳', sky: null, temp: null });
  });

  it('writes temperatures with one decimal, as KMA does', () => {
    const text = serializeFeed(buildFeed(reference, DEFAULT_STATIONS)!.feed);
    assert.match(text, /\{ "id": 159, "name": "부산", "sky": "맑음", "temp": 32\.0 \}/);
    assert.match(text, /"observedAt": "2025-08-01T15:00:00\+09:00"/);
    assert.ok(text.endsWith('}\n'));
  });

  it('takes the latest hour of a response that holds several, or the hour asked for', () => {
    const at = (time: string, temp: number): Observation => ({
      time,
      station: 108,
      temp,
      presentWeather: null,
      cloudAmount: 0,
    });
    const observations = [at('202508011400', 31.0), at('202508011500', 32.3), at('202508011300', 30.1)];
    const wanted = [{ id: 108, name: '서울' }];
    assert.equal(buildFeed(observations, wanted)!.feed.stations[0]!.temp, 32.3);
    assert.equal(
      buildFeed(observations, wanted, '202508011300')!.feed.observedAt,
      '2025-08-01T13:00:00+09:00',
    );
    assert.equal(buildFeed([], wanted), undefined);
  });

  it('writes KST times with the +09:00 offset', () => {
    assert.equal(kstToIso('202512312300'), '2025-12-31T23:00:00+09:00');
    assert.throws(() => kstToIso('2025123123'), RangeError);
  });

  it('builds a valid feed from any observations', () => {
    const observation = fc.record({
      time: fc.constantFrom('202508011500', '202501010000'),
      station: fc.constantFrom(...STATIONS.map((s) => s.id), 90, 4242),
      temp: fc.option(fc.integer({ min: -900, max: 700 }).map((n) => n / 10)),
      presentWeather: fc.option(fc.integer({ min: 0, max: 99 })),
      cloudAmount: fc.option(fc.integer({ min: 0, max: 10 })),
    });
    const wanted = fc.uniqueArray(fc.constantFrom(...DEFAULT_STATIONS, { id: 90, name: '속초' }), {
      minLength: 1,
      selector: (s) => s.id,
    });
    fc.assert(
      fc.property(
        fc.array(observation, { minLength: 1, maxLength: 30 }),
        wanted,
        (observations, stations) => {
          const built = buildFeed(observations, stations)!;
          const result = validateWeatherFeed(JSON.parse(serializeFeed(built.feed)));
          assert.deepEqual(result.problems, []);
          assert.deepEqual(
            result.value!.stations.map((s) => s.id),
            stations.map((s) => s.id),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
