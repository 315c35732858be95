import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  SFCTM2_COLUMNS,
  SFCTM2_COLUMNS_45,
  Sfctm2FormatError,
  columnsFromHeader,
  decodeKmaBytes,
  parseSfctm2,
  readNumber,
  type Observation,
} from '../../src/cli/sfctm2.js';
import { observedSky } from '../../src/cli/present-weather.js';
import { SKY_CODES } from '../../src/kma/sky.js';
import { SAMPLES, fixture, fixtureText } from './helpers.js';

const NAMES_LINE = fixtureText('kma_sfctm2_reference_202508011500.txt').split('\n')[2]!;
const UNITS_LINE = fixtureText('kma_sfctm2_reference_202508011500.txt').split('\n')[3]!;

function only(observations: readonly Observation[], station: number): Observation {
  const found = observations.filter((o) => o.station === station);
  assert.equal(found.length, 1, `one row for station ${station}`);
  return found[0]!;
}

describe('kma_sfctm2 parser', () => {
  describe('header', () => {
    it('names the 46 columns as KMA describes them, reading doubled names from the units line', () => {
      assert.deepEqual(columnsFromHeader(NAMES_LINE, UNITS_LINE), [...SFCTM2_COLUMNS]);
    });

    it('names the older 45-column layout without RN_JUN', () => {
      const [names, units] = fixtureText('kma_sfctm2_45columns_201501280600.txt').split('\n');
      assert.deepEqual(columnsFromHeader(names!, units), [...SFCTM2_COLUMNS_45]);
    });

    it('tells repeated names apart with a counter when there is no units line', () => {
      const columns = columnsFromHeader('# YYMMDDHHMI STN RN RN TA');
      assert.deepEqual(columns, ['TM', 'STN', 'RN', 'RN_2', 'TA']);
    });
  });

  describe('missing values', () => {
    for (const sentinel of ['-9', '-9.0', '-99.0', '-9.00', '-99', '-999.0', '-']) {
      it(`reads ${sentinel} as missing`, () => assert.equal(readNumber(sentinel), null));
    }
    for (const [text, value] of [
      ['-9.5', -9.5],
      ['-12.3', -12.3],
      ['0.0', 0],
      ['32.0', 32],
      ['-0.4', -0.4],
    ] as const) {
      it(`keeps ${text} as a number`, () => assert.equal(readNumber(text), value));
    }
    it('reads words and empty fields as missing', () => {
      assert.equal(readNumber('Sc'), null);
      assert.equal(readNumber(''), null);
      assert.equal(readNumber(undefined), null);
    });
  });

  describe('the project fixtures', () => {
    it('reads the reference hour: every row, complete, KST time', () => {
      const result = parseSfctm2(fixtureText('kma_sfctm2_reference_202508011500.txt'));
      assert.equal(result.complete, true);
      assert.equal(result.observations.length, 19);
      assert.ok(result.observations.every((o) => o.time === '202508011500'));
      assert.deepEqual(only(result.observations, 108), {
        time: '202508011500',
        station: 108,
        temp: 32.3,
        presentWeather: 2,
        cloudAmount: 10,
      });
      // An unmanned station: no present weather, no cloud amount.
      assert.deepEqual(only(result.observations, 116), {
        time: '202508011500',
        station: 116,
        temp: 27.4,
        presentWeather: null,
        cloudAmount: null,
      });
    });

    it('reads the 45-column layout: real negative temperatures stay, -9.0 is missing', () => {
      const result = parseSfctm2(fixtureText('kma_sfctm2_45columns_201501280600.txt'));
      assert.deepEqual(result.columns, SFCTM2_COLUMNS_45);
      const temps = Object.fromEntries(result.observations.map((o) => [o.station, o.temp]));
      assert.deepEqual(temps, { 90: -3.6, 100: -12.3, 108: -0.4, 133: null, 159: 1.7 });
      // The column after TA is read as CA_TOT, not shifted by the missing RN_JUN.
      assert.deepEqual(
        result.observations.map((o) => o.cloudAmount),
        [2, 0, 7, 8, null],
      );
    });

    it('reads present-weather codes', () => {
      const result = parseSfctm2(fixtureText('kma_sfctm2_present-weather_202603150900.txt'));
      assert.deepEqual(
        result.observations.map((o) => [o.station, o.presentWeather]),
        [
          [98, 61],
          [105, 71],
          [108, 10],
          [133, 5],
          [143, 6],
          [152, 95],
          [156, 45],
          [159, 51],
          [184, 21],
          [201, 68],
          [226, 2],
          [238, null],
          [259, 80],
        ],
      );
    });

    it('reads a header-only response as no observations', () => {
      const result = parseSfctm2(fixtureText('kma_sfctm2_unpublished_202508011600.txt'));
      assert.equal(result.observations.length, 0);
      assert.equal(result.complete, true);
      assert.deepEqual(result.columns, []);
    });

    it('decodes EUC-KR bytes, and UTF-8 as UTF-8', () => {
      const bytes = fixture('kma_sfctm2_euc-kr_202508011500.txt');
      assert.throws(
        () => new TextDecoder('utf-8', { fatal: true }).decode(bytes),
        'the fixture is not UTF-8',
      );
      const text = decodeKmaBytes(bytes);
      assert.match(text, /기상청 지상관측 시간자료: 2025년 8월 1일 15시/);
      assert.equal(decodeKmaBytes(Buffer.from('#  기상청\n', 'utf8')), '#  기상청\n');
      assert.equal(decodeKmaBytes(Buffer.from([0xb1, 0xe2, 0xbb, 0xf3, 0xc3, 0xbb]), 'EUC-KR'), '기상청');
      const parsed = parseSfctm2(text);
      assert.deepEqual(
        parsed.observations,
        parseSfctm2(fixtureText('kma_sfctm2_reference_202508011500.txt')).observations,
      );
    });

    it('reads CRLF line ends and a byte-order mark', () => {
      const text = `\uFEFF${fixtureText('kma_sfctm2_reference_202508011500.txt').replace(/\n/g, '\r\n')}`;
      assert.equal(parseSfctm2(text).observations.length, 19);
    });

    it('skips rows without a time or station, and says so', () => {
      const lines = fixtureText('kma_sfctm2_reference_202508011500.txt').split('\n');
      lines.splice(5, 0, 'garbage row here');
      const result = parseSfctm2(lines.join('\n'));
      assert.equal(result.observations.length, 19);
      assert.match(result.notes.join(' '), /1 row\(s\) without a readable time or station were skipped/);
    });

    it("refuses rows without a header that do not have KMA's widths", () => {
      assert.throws(() => parseSfctm2('202508011500 108 32.3\n'), Sfctm2FormatError);
      assert.throws(() => parseSfctm2('Unauthorized\n'), /no header line names the columns/);
    });
  });

  describe('the KMA samples', { skip: existsSync(SAMPLES) ? false : `${SAMPLES} is absent` }, () => {
    // Facts read off each sample: [station, time, TA, WC, CA_TOT, sky].
    const expected: Record<
      string,
      readonly (readonly [number, string, number | null, number | null, number | null, string])[]
    > = {
      'kma_sfctm2_A_stn108_202511130800.txt': [[108, '202511130800', 8.1, null, 9, 'overcast']],
      'kma_sfctm2_B_stn156_202608181500.txt': [[156, '202608181500', 33.7, null, 0, 'clear']],
      'kma_sfctm2_C_stn108_202606100900.txt': [[108, '202606100900', 20.9, null, 5, 'partly-cloudy']],
      'kma_sfctm2_D_rows_202608031500.txt': [
        [90, '202608031500', 28.4, null, 6, 'mostly-cloudy'],
        [100, '202608031500', 27.3, null, 5, 'partly-cloudy'],
      ],
      'kma_sfctm2_E_stn108_201512110100.txt': [[108, '201512110100', 5.2, null, null, 'unknown']],
      'kma_sfctm2_help1_column_descriptions.txt': [],
    };
    const files = existsSync(SAMPLES)
      ? readdirSync(SAMPLES)
          .filter((f) => f.startsWith('kma_sfctm2'))
          .sort()
      : [];

    it('finds the kma_sfctm2 samples', () => {
      assert.ok(files.length >= 6, `found ${files.join(', ')}`);
    });

    for (const file of files) {
      it(`reads ${file}`, () => {
        const result = parseSfctm2(decodeKmaBytes(readFileSync(join(SAMPLES, file))));
        for (const o of result.observations) {
          assert.match(o.time, /^\d{12}$/);
          assert.ok(o.temp === null || (o.temp > -90 && o.temp < 70));
        }
        const facts = expected[file];
        if (facts === undefined) return;
        assert.deepEqual(
          result.observations.map((o) => [
            o.station,
            o.time,
            o.temp,
            o.presentWeather,
            o.cloudAmount,
            observedSky(o.presentWeather, o.cloudAmount),
          ]),
          facts,
        );
      });
    }

    it('reads sample C, whose header stops at RN, with the full layout', () => {
      const result = parseSfctm2(readFileSync(join(SAMPLES, 'kma_sfctm2_C_stn108_202606100900.txt'), 'utf8'));
      assert.deepEqual(result.columns, SFCTM2_COLUMNS);
    });

    it('reads sample D, which has no header, by position and says so', () => {
      const result = parseSfctm2(readFileSync(join(SAMPLES, 'kma_sfctm2_D_rows_202608031500.txt'), 'utf8'));
      assert.match(result.notes.join(' '), /no header line/);
    });
  });

  describe('random input', () => {
    const field = fc.oneof(
      fc.constantFrom(
        '-9',
        '-9.0',
        '-99.0',
        '-9.00',
        '-',
        '0',
        '10',
        '11',
        '99',
        '100',
        'Sc',
        'ScAc',
        '1e3',
        'NaN',
        '-0.0',
      ),
      fc.double({ min: -200, max: 200, noNaN: true }).map((n) => n.toFixed(1)),
      fc.integer({ min: -100, max: 200 }).map(String),
      fc.string({ minLength: 1, maxLength: 6 }).map((s) => s.replace(/\s/g, 'x') || 'x'),
    );
    const row = fc.oneof(
      fc.array(field, { minLength: 0, maxLength: 50 }).map((fields) => fields.join(' ')),
      fc
        .tuple(
          fc.constantFrom('202508011500', '2025080115', '999999999999'),
          fc.array(field, { minLength: 44, maxLength: 46 }),
        )
        .map(([tm, fields]) => [tm, ...fields].join('  ')),
    );
    const header = fc.constantFrom(
      '',
      `${NAMES_LINE}\n${UNITS_LINE}\n`,
      `${NAMES_LINE}\n`,
      '# YYMMDDHHMI STN  WD   WS GST\n',
      '#START7777\n',
    );

    it('never crashes on random rows, and reads only plausible values', () => {
      fc.assert(
        fc.property(header, fc.array(row, { maxLength: 8 }), (head, rows) => {
          let result;
          try {
            result = parseSfctm2(head + rows.join('\n'));
          } catch (error) {
            // The one refusal it may give: rows whose columns cannot be known.
            assert.ok(error instanceof Sfctm2FormatError, String(error));
            assert.equal(head.includes('STN'), false, 'a header names the columns');
            return;
          }
          for (const o of result.observations) {
            assert.match(o.time, /^\d{12}$/);
            assert.ok(Number.isInteger(o.station) && o.station > 0);
            assert.ok(o.temp === null || (Number.isFinite(o.temp) && o.temp >= -90 && o.temp <= 70));
            assert.ok(o.temp === null || ![-9, -99, -999].includes(o.temp));
            assert.ok(
              o.cloudAmount === null ||
                (Number.isInteger(o.cloudAmount) && o.cloudAmount >= 0 && o.cloudAmount <= 10),
            );
            assert.ok(
              o.presentWeather === null || (Number.isInteger(o.presentWeather) && o.presentWeather <= 99),
            );
            assert.ok(SKY_CODES.includes(observedSky(o.presentWeather, o.cloudAmount)));
          }
        }),
        { numRuns: 500 },
      );
    });

    it('never crashes on arbitrary text', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 400 }), (text) => {
          try {
            parseSfctm2(text);
          } catch (error) {
            assert.ok(error instanceof Sfctm2FormatError, String(error));
          }
        }),
        { numRuns: 500 },
      );
    });

    it('reads back the temperature, weather and cloud amount a well-formed row carries', () => {
      const value = fc.record({
        temp: fc.integer({ min: -400, max: 450 }).map((n) => n / 10),
        wc: fc.integer({ min: 0, max: 99 }),
        ca: fc.integer({ min: 0, max: 10 }),
        station: fc.integer({ min: 1, max: 999 }),
      });
      fc.assert(
        fc.property(value, ({ temp, wc, ca, station }) => {
          const fields: string[] = SFCTM2_COLUMNS.map(() => '-9');
          fields[0] = '202508011500';
          fields[SFCTM2_COLUMNS.indexOf('STN')] = String(station);
          fields[SFCTM2_COLUMNS.indexOf('TA')] = temp.toFixed(1);
          fields[SFCTM2_COLUMNS.indexOf('WC')] = String(wc).padStart(2, '0');
          fields[SFCTM2_COLUMNS.indexOf('CA_TOT')] = String(ca);
          const [o] = parseSfctm2(`${NAMES_LINE}\n${UNITS_LINE}\n${fields.join(' ')}\n`).observations;
          const sentinel = ['-9.0', '-99.0'].includes(temp.toFixed(1));
          assert.deepEqual(o, {
            time: '202508011500',
            station,
            temp: sentinel ? null : temp,
            presentWeather: wc,
            cloudAmount: ca,
          });
        }),
        { numRuns: 300 },
      );
    });
  });
});
