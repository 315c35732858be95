// Real kma_sfctm2 / kma_sfctm3 responses from public sources (tests/fixtures/kma/real/, each
// naming its origin on its first line), read the way KMA writes them.
//
// The expectations below were worked out from the responses by hand and KMA's published rules,
// not from this parser: the fields are taken by their help=1 column numbers (12 TA, 23 WC, 26
// CA_TOT); the sky is the WMO 4677 present weather when it reports a phenomenon at the station
// at the hour (20–29, "ended within the past hour", do not), otherwise the cloud amount in
// tenths (맑음 0–2, 구름조금 3–5, 구름많음 6–8, 흐림 9–10). Labels: 60–67 비, 68–69 비/눈,
// 70–78 눈, 91–92 비 (thunder only in the past hour), 95–99 뇌우, 10 박무, 04–05 연무.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sfctm2FormatError, parseSfctm2, type Observation } from '../../src/kma-feed/sfctm2.js';
import { REAL, feedOfObservations, realText } from '../support/kma-fixtures.node.js';

/** `YYYYMMDD HH  TA  WC  CA  sky`: `-9` is KMA's missing code, `null` no sky at all. */
const HOURS: Record<string, readonly string[]> = {
  // 서울, 2024-11-26 evening to 2024-11-28 morning: rain, then the heaviest November snow on
  // record (WC 73, moderate snow), hours when the snow had stopped (WC 22), mist.
  'kma_sfctm3_stn108_20241126-28.txt': [
    '20241126 19   3.8  60  10 비',
    '20241126 20   3.0  60   7 비',
    '20241126 21   2.6  68  10 비/눈',
    '20241126 22   2.3  68  10 비/눈',
    '20241126 23   2.0  68  10 비/눈',
    '20241127 00   1.0  71  10 눈',
    '20241127 01   1.2  71  10 눈',
    '20241127 02   0.5  73  10 눈',
    '20241127 03   0.3  73  10 눈',
    '20241127 04   0.3  71  10 눈',
    '20241127 05   0.3  71  10 눈',
    '20241127 06   0.2  73  10 눈',
    '20241127 07  -1.0  71  10 눈',
    '20241127 08  -1.3  22   9 흐림',
    '20241127 09  -1.0  70   9 눈',
    '20241127 10  -0.4  70   9 눈',
    '20241127 11  -0.4  70   9 눈',
    '20241127 12  -0.4  71  10 눈',
    '20241127 13  -0.2  70  10 눈',
    '20241127 14  -0.3  71  10 눈',
    '20241127 15  -0.3  22   9 흐림',
    '20241127 16   0.4  -9   8 구름많음',
    '20241127 17   0.0  22   8 구름많음',
    '20241127 18  -0.6  -9   7 구름많음',
    '20241127 19  -0.7  70   9 눈',
    '20241127 20  -1.0  70   4 눈',
    '20241127 21  -1.1  70   8 눈',
    '20241127 22  -0.6  70   9 눈',
    '20241127 23  -0.3  71  10 눈',
    '20241128 00  -0.1  71  10 눈',
    '20241128 01   0.1  71  10 눈',
    '20241128 02   0.2  71  10 눈',
    '20241128 03   0.3  71  10 눈',
    '20241128 04   0.3  71  10 눈',
    '20241128 05  -0.1  70  10 눈',
    '20241128 06   0.1  73  10 눈',
    '20241128 07   0.1  71  10 눈',
    '20241128 08   0.4  71  10 눈',
    '20241128 09   0.8  22   8 구름많음',
    '20241128 10   1.5  10   7 박무',
    '20241128 11   2.3  -9   7 구름많음',
  ],
  // 서울, 2025-01-11: a clear cold night, −8.5, −9.0, −9.2 ℃ at 05–07 h. −9.0 is a temperature.
  'kma_sfctm3_stn108_20250111.txt': [
    '20250111 00  -6.1  -9   6 구름많음',
    '20250111 01  -6.4  -9   0 맑음',
    '20250111 02  -7.0  -9   0 맑음',
    '20250111 03  -7.5  -9   0 맑음',
    '20250111 04  -8.1  -9   0 맑음',
    '20250111 05  -8.5  -9   0 맑음',
    '20250111 06  -9.0  -9   0 맑음',
    '20250111 07  -9.2  -9   0 맑음',
    '20250111 08  -9.4  -9   0 맑음',
    '20250111 09  -8.7  -9   0 맑음',
    '20250111 10  -6.3  -9   0 맑음',
    '20250111 11  -4.4  -9   0 맑음',
    '20250111 12  -2.7  -9   0 맑음',
    '20250111 13  -0.5  -9   0 맑음',
    '20250111 14  -0.9  -9   0 맑음',
    '20250111 15   0.3  -9   0 맑음',
    '20250111 16  -0.6  -9   0 맑음',
    '20250111 17  -1.4  -9   0 맑음',
    '20250111 18  -2.5  -9   0 맑음',
    '20250111 19  -3.3  -9   0 맑음',
    '20250111 20  -4.0  -9   0 맑음',
    '20250111 21  -5.0  -9   0 맑음',
    '20250111 22  -5.4  -9   0 맑음',
    '20250111 23  -6.0  -9   0 맑음',
  ],
  // 서울, 2025-01-13/14: snow (70, 71), rain and snow (68), "rain and snow ended" (23) under an
  // overcast and, at 06 h on the 14th, a clear sky; mist (10), haze (5); manned hours with no
  // present weather to report (-9) where the clouds decide.
  'kma_sfctm3_stn108_20250113-14.txt': [
    '20250113 00  -3.3  -9   0 맑음',
    '20250113 01  -4.1  -9   0 맑음',
    '20250113 02  -4.5  -9   0 맑음',
    '20250113 03  -4.7  -9   0 맑음',
    '20250113 04  -5.1  -9   0 맑음',
    '20250113 05  -5.3  -9   0 맑음',
    '20250113 06  -5.6  -9   6 구름많음',
    '20250113 07  -5.1  -9   9 흐림',
    '20250113 08  -4.2  70   9 눈',
    '20250113 09  -3.4  71   9 눈',
    '20250113 10  -2.2  22   8 구름많음',
    '20250113 11  -0.8  -9   8 구름많음',
    '20250113 12   1.1  -9   0 맑음',
    '20250113 13   2.6  -9   6 구름많음',
    '20250113 14   3.9  -9   8 구름많음',
    '20250113 15   3.9  70   9 눈',
    '20250113 16   3.5  71   9 눈',
    '20250113 17   2.1  71   9 눈',
    '20250113 18   2.0  68   9 비/눈',
    '20250113 19   1.6  68   9 비/눈',
    '20250113 20   1.6  23   9 흐림',
    '20250113 21   1.6  10   7 박무',
    '20250113 22   1.6  -9   9 흐림',
    '20250113 23   1.8  68   9 비/눈',
    '20250114 00   1.7  23   9 흐림',
    '20250114 01   1.7  -9  10 흐림',
    '20250114 02   1.8  -9  10 흐림',
    '20250114 03   1.8  23   9 흐림',
    '20250114 04   1.8  10   9 박무',
    '20250114 05   2.0  68   9 비/눈',
    '20250114 06   1.7  23   0 맑음',
    '20250114 07   1.1  10   0 박무',
    '20250114 08   0.8  10   4 박무',
    '20250114 09   1.2  10   5 박무',
    '20250114 10   1.8  10   6 박무',
    '20250114 11   3.0  10   6 박무',
    '20250114 12   5.0  10   8 박무',
    '20250114 13   5.0  10   7 박무',
    '20250114 14   4.7   5   6 연무',
    '20250114 15   4.8  -9   8 구름많음',
    '20250114 16   4.8  -9   8 구름많음',
    '20250114 17   4.3  -9  10 흐림',
    '20250114 18   3.8  -9   7 구름많음',
    '20250114 19   3.2  -9  10 흐림',
    '20250114 20   2.5  -9   8 구름많음',
    '20250114 21   1.6  -9   3 구름조금',
    '20250114 22   0.1  -9   0 맑음',
    '20250114 23  -1.1  -9   0 맑음',
  ],
  // 서울, 2025-08-13/14: heavy rain (65, 22.9 mm in the hour at 06 h), thunderstorms (95, 97),
  // rain with thunder only in the past hour (92), "thunderstorm ended" (29), "rain ended" (21).
  'kma_sfctm3_stn108_20250813-14.txt': [
    '20250813 00  26.9  -9   7 구름많음',
    '20250813 01  26.8  -9   9 흐림',
    '20250813 02  26.7  21   9 흐림',
    '20250813 03  26.4  -9   9 흐림',
    '20250813 04  26.4  -9   9 흐림',
    '20250813 05  26.1  60  10 비',
    '20250813 06  24.6  65  10 비',
    '20250813 07  24.3  65  10 비',
    '20250813 08  24.0  63  10 비',
    '20250813 09  23.4  63  10 비',
    '20250813 10  22.7  63  10 비',
    '20250813 11  22.0  95  10 뇌우',
    '20250813 12  23.3  97  10 뇌우',
    '20250813 13  23.7  92  10 비',
    '20250813 14  26.6  60  10 비',
    '20250813 15  26.7  61  10 비',
    '20250813 16  26.7  61  10 비',
    '20250813 17  26.8  60  10 비',
    '20250813 18  26.8  63  10 비',
    '20250813 19  26.2  95  10 뇌우',
    '20250813 20  24.7  29  10 흐림',
    '20250813 21  24.5  -9   8 구름많음',
    '20250813 22  24.5  60  10 비',
    '20250813 23  24.6  21  10 흐림',
    '20250814 00  24.8  -9  10 흐림',
    '20250814 01  24.9  60  10 비',
    '20250814 02  25.0  62  10 비',
    '20250814 03  24.7  63  10 비',
    '20250814 04  24.4  61  10 비',
    '20250814 05  24.3  63  10 비',
    '20250814 06  24.4  61  10 비',
    '20250814 07  24.5  63  10 비',
    '20250814 08  24.3  65  10 비',
    '20250814 09  24.8  61  10 비',
    '20250814 10  25.0  60  10 비',
    '20250814 11  25.0  61  10 비',
    '20250814 12  25.3  21   9 흐림',
    '20250814 13  26.0  -9  10 흐림',
    '20250814 14  26.6  -9  10 흐림',
    '20250814 15  26.4  60  10 비',
    '20250814 16  26.5  21   8 구름많음',
    '20250814 17  26.9  -9   8 구름많음',
  ],
};

const SEOUL = [{ id: 108, name: '서울' }] as const;

interface Expected {
  readonly time: string;
  readonly temp: number | null;
  readonly weather: number | null;
  readonly clouds: number | null;
  readonly sky: string | null;
}

function expected(line: string): Expected {
  const [day, hour, temp, weather, clouds, sky] = line.trim().split(/\s+/);
  const code = (field: string) => (field === '-9' ? null : Number(field));
  return {
    time: `${day}${hour}00`,
    temp: temp === 'null' ? null : Number(temp),
    weather: code(weather!),
    clouds: code(clouds!),
    sky: sky === 'null' ? null : sky!,
  };
}

/** What the feed command writes for 서울 at one hour of a response. */
function seoulAt(observations: readonly Observation[], time: string) {
  const built = feedOfObservations(observations, SEOUL, time);
  assert.ok(built, time);
  assert.deepEqual(built.missing, [], `서울 at ${time}`);
  const [station] = built.feed.stations;
  return { sky: station!.sky, temp: station!.temp };
}

describe('real KMA responses', () => {
  it('every fixture names its origin on its first line, which the parser passes over', () => {
    const files = readdirSync(REAL).sort();
    assert.ok(files.length >= 9, files.join(', '));
    for (const file of files) {
      const first = realText(file).split('\n')[0]!;
      assert.match(
        first,
        /^# origin: (?:https:\/\/github\.com\/\S+ |weather-strip shared KMA samples, )/,
        file,
      );
    }
  });

  for (const [file, lines] of Object.entries(HOURS)) {
    describe(file, () => {
      const result = parseSfctm2(realText(file));

      it('is read whole: every row, nothing skipped, no note', () => {
        assert.equal(result.complete, true);
        assert.deepEqual(result.notes, []);
        assert.deepEqual(
          result.observations.map((o) => o.time),
          lines.map((line) => expected(line).time),
        );
        assert.ok(result.observations.every((o) => o.station === 108));
      });

      it('gives each hour the temperature, present weather and cloud amount KMA wrote', () => {
        for (const line of lines) {
          const hour = expected(line);
          const observation = result.observations.find((o) => o.time === hour.time);
          assert.deepEqual(
            [observation?.temp, observation?.presentWeather, observation?.cloudAmount],
            [hour.temp, hour.weather, hour.clouds],
            line,
          );
        }
      });

      it("gives each hour KMA's sky", () => {
        for (const line of lines) {
          const hour = expected(line);
          assert.deepEqual(seoulAt(result.observations, hour.time), { sky: hour.sky, temp: hour.temp }, line);
        }
      });
    });
  }

  describe('the shared samples', () => {
    it('A (서울, 2025-11-13 08 h): 8.1 ℃, overcast (CA 9, no present weather)', () => {
      const { observations } = parseSfctm2(realText('kma_sfctm2_A_stn108_202511130800.txt'));
      assert.deepEqual(seoulAt(observations, '202511130800'), { sky: '흐림', temp: 8.1 });
    });

    it('B (광주): #START7777 without #7777END is refused as cut short', () => {
      assert.throws(
        () => parseSfctm2(realText('kma_sfctm2_B_stn156_202608181500.txt')),
        (error: unknown) =>
          error instanceof Sfctm2FormatError &&
          /begins with #START7777 \(line 2\) but has no #7777END: it was cut short after line 6$/.test(
            error.message,
          ),
      );
    });

    it("C (서울, 2026-06-10 09 h): its names line stops at RN; the row has KMA's 46 fields", () => {
      const result = parseSfctm2(realText('kma_sfctm2_C_stn108_202606100900.txt'));
      assert.match(
        result.notes.join('\n'),
        /names line \(line 3\) stops after 16 of the 46 columns \(at RN\)/,
      );
      // WP 62 is past weather (rain in the past hours); WC is -9, so CA 5 decides.
      assert.deepEqual(seoulAt(result.observations, '202606100900'), { sky: '구름조금', temp: 20.9 });
    });

    it('D (속초, 대관령): rows without a header, read by position', () => {
      const result = parseSfctm2(realText('kma_sfctm2_D_rows_202608031500.txt'));
      assert.match(result.notes.join('\n'), /no header line/);
      const built = feedOfObservations(result.observations, [
        { id: 90, name: '속초' },
        { id: 100, name: '대관령' },
      ]);
      assert.deepEqual(
        built?.feed.stations.map((s) => [s.sky, s.temp]),
        [
          ['구름많음', 28.4],
          ['구름조금', 27.3],
        ],
      );
    });

    it('E (서울, 2015-12-11 01 h): no present weather and no cloud amount: no sky, 5.2 ℃', () => {
      const { observations } = parseSfctm2(realText('kma_sfctm2_E_stn108_201512110100.txt'));
      assert.deepEqual(seoulAt(observations, '201512110100'), { sky: null, temp: 5.2 });
    });
  });

  it("every copied row is one of KMA's fixed-width rows of 46 fields", () => {
    for (const file of readdirSync(REAL).filter((f) => f.startsWith('kma_sfctm3'))) {
      const rows = readFileSync(join(REAL, file), 'utf8')
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('#'));
      assert.ok(
        rows.every((row) => row.length === 266 && row.trim().split(/\s+/).length === 46),
        file,
      );
    }
  });
});
