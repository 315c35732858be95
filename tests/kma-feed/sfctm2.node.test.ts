import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  COLUMN_KINDS,
  SFCTM2_COLUMNS,
  SFCTM2_COLUMNS_45,
  SFCTM2_MAX_LENGTH,
  Sfctm2FormatError,
  columnsFromHeader,
  decodeKmaBytes,
  parseSfctm2,
  readAirTemperature,
  readNumber,
  type Observation,
  type Sfctm2Column,
} from '../../src/kma-feed/sfctm2.js';
import { observedSky } from '../../src/kma-feed/present-weather.js';
import { SKY_CODES } from '../../src/kma/sky.js';
import { fixture, fixtureText, realText } from '../support/kma-fixtures.node.js';

const REFERENCE = fixtureText('kma_sfctm2_reference_202508011500.txt');
const NAMES_LINE = REFERENCE.split('\n')[2]!;
const UNITS_LINE = REFERENCE.split('\n')[3]!;
// A real row: 서울, 2025-01-11 06:00, TA -9.0, clear.
const REAL_ROW = realText('kma_sfctm3_stn108_20250111.txt')
  .split('\n')
  .find((line) => line.startsWith('202501110600'))!;

function only(observations: readonly Observation[], station: number): Observation {
  const found = observations.filter((o) => o.station === station);
  assert.equal(found.length, 1, `one row for station ${station}`);
  return found[0]!;
}

/** A well-formed 46-field row with the given fields set. */
function row(values: Partial<Record<Sfctm2Column, string>>): string {
  return SFCTM2_COLUMNS.map(
    (name) => values[name] ?? (name === 'TM' ? '202508011500' : name === 'STN' ? '108' : '-9'),
  ).join(' ');
}

function withHeader(...rows: string[]): string {
  return `#START7777\n${NAMES_LINE}\n${UNITS_LINE}\n${rows.join('\n')}\n#7777END\n`;
}

function refusal(pattern: RegExp) {
  return (error: unknown) => error instanceof Sfctm2FormatError && pattern.test(error.message);
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

    it('keeps counters unique when a header already spells one, however often a name repeats', () => {
      const header = `# YYMMDDHHMI STN ${'RN '.repeat(3)}RN_3 ${'RN '.repeat(2000)}`;
      const columns = columnsFromHeader(header);
      assert.equal(new Set(columns).size, columns.length);
      assert.deepEqual(columns.slice(2, 7), ['RN', 'RN_2', 'RN_3', 'RN_3_2', 'RN_4']);
      assert.equal(columns.at(-1), 'RN_2003');
    });

    it('takes names such as constructor and __proto__ as names', () => {
      assert.deepEqual(columnsFromHeader('# TM STN constructor __proto__'), [
        'TM',
        'STN',
        'constructor',
        '__proto__',
      ]);
    });
  });

  describe('missing values, by column kind', () => {
    const cases: [Sfctm2Column, string, number | null][] = [
      ['TA', '-9.0', -9],
      ['TA', '-9.9', -9.9],
      ['TA', '-99.0', null],
      ['TA', '-99.9', null],
      ['TA', '-999.0', null],
      ['TD', '-9.0', -9],
      ['TS', '-99.0', null],
      ['TE_005', '-99.0', null],
      ['TE_03', '-9.0', -9],
      ['TA', '-0.0', 0],
      ['WS', '-9.0', null],
      ['GST_WS', '-9.0', null],
      ['RN', '-9.0', null],
      ['RN_DAY', '-9.0', null],
      ['SD_TOT', '-9.0', null],
      ['RN_DAY', '112.1', 112.1],
      ['PR', '-0.9', -0.9],
      ['CA_TOT', '-9', null],
      ['CA_TOT', '0', 0],
      ['WC', '-9', null],
      ['WC', '05', 5],
      ['VS', '-9', null],
      ['STN', '90', 90],
      ['SI', '-9.00', null],
      ['SI', '0.04', 0.04],
      ['WW', '-', null],
      ['CT', 'Sc', null],
      ['CA_TOT', '-', null],
      ['CA_TOT', '9.5', null],
      ['TA', 'NaN', null],
      ['TA', '', null],
    ];
    for (const [column, field, value] of cases) {
      it(`${column} ${JSON.stringify(field)} → ${value}`, () => {
        const read = readNumber(COLUMN_KINDS[column], field);
        assert.ok(Object.is(read, value), `${read}`);
      });
    }

    it('reads a TA outside −60…60 ℃ as missing, and says so', () => {
      assert.deepEqual(readAirTemperature('60.0'), { value: 60 });
      assert.deepEqual(readAirTemperature('-60.0'), { value: -60 });
      assert.deepEqual(readAirTemperature('60.1'), { value: null, outOfRange: 60.1 });
      assert.deepEqual(readAirTemperature('-75.5'), { value: null, outOfRange: -75.5 });
      const result = parseSfctm2(withHeader(row({ TA: '75.3' }), row({ STN: '159', TA: '-9.0' })));
      assert.deepEqual(
        result.observations.map((o) => o.temp),
        [null, -9],
      );
      assert.match(
        result.notes.join('\n'),
        /line 4: TA 75\.3 °C of station 108 at 202508011500 is outside −60…60 °C/,
      );
    });

    // Every in-range temperature KMA can write: one decimal from −60.0 to 60.0.
    const temperature = fc.integer({ min: -600, max: 600 }).map((tenths) => tenths / 10);
    // What KMA writes for a missing temperature: −99.0 or lower, one decimal.
    const temperatureSentinel = fc
      .integer({ min: -99999, max: -990 })
      .map((tenths) => (tenths / 10).toFixed(1));
    // Any field KMA writes in the other columns, missing or not.
    const otherField = fc.oneof(
      fc.constantFrom('-9', '-9.0', '-99.0', '-9.00', '-', '0', '10', 'Sc', 'ScAc', '05'),
      fc.integer({ min: -999, max: 9999 }).map((tenths) => (tenths / 10).toFixed(1)),
    );
    const others = fc.array(otherField, { minLength: 46, maxLength: 46 });

    it('never drops an in-range temperature, whatever the other columns hold', () => {
      fc.assert(
        fc.property(temperature, others, (temp, fields) => {
          const values = Object.fromEntries(SFCTM2_COLUMNS.map((name, i) => [name, fields[i]!]));
          const line = row({ ...values, TM: '202501110600', STN: '108', TA: temp.toFixed(1) });
          const [observation] = parseSfctm2(withHeader(line)).observations;
          assert.ok(Object.is(observation!.temp, temp + 0), `${temp.toFixed(1)} → ${observation!.temp}`);
        }),
        { numRuns: 1000 },
      );
    });

    it('never turns a sentinel into a temperature', () => {
      fc.assert(
        fc.property(
          fc.oneof(temperatureSentinel, fc.constantFrom('-', '-99', '-999')),
          others,
          (sentinel, fields) => {
            const values = Object.fromEntries(SFCTM2_COLUMNS.map((name, i) => [name, fields[i]!]));
            const line = row({ ...values, TM: '202501110600', STN: '108', TA: sentinel });
            const [observation] = parseSfctm2(withHeader(line)).observations;
            assert.equal(observation!.temp, null, sentinel);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('never turns a missing code into weather or clouds', () => {
      fc.assert(
        fc.property(temperature, (temp) => {
          const [observation] = parseSfctm2(
            withHeader(row({ TA: temp.toFixed(1), WC: '-9', CA_TOT: '-9' })),
          ).observations;
          assert.deepEqual([observation!.presentWeather, observation!.cloudAmount], [null, null]);
          assert.equal(observedSky(observation!.presentWeather, observation!.cloudAmount), 'unknown');
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('a response cut short', () => {
    it('refuses #START7777 without #7777END, naming the line', () => {
      const cut = REFERENCE.slice(0, REFERENCE.indexOf('#7777END'));
      assert.throws(
        () => parseSfctm2(cut),
        refusal(/begins with #START7777 \(line 1\) but has no #7777END: it was cut short after line 23$/),
      );
    });

    it('refuses a row with fewer fields than its header, naming the line', () => {
      const lines = REFERENCE.split('\n');
      // The last row, cut after 66 characters: TA 24.8 would have read 24.
      lines[22] = lines[22]!.slice(0, 66);
      assert.throws(
        () => parseSfctm2(lines.join('\n')),
        refusal(
          /^line 23 has 12 fields where the names line \(line 3\) names 46: the response was cut short$/,
        ),
      );
    });

    it('refuses a row cut short even when the trailer is there', () => {
      const text = withHeader(
        row({ TA: '20.0' }),
        '202508011500 159   2  3.4  -9 -9.0   -9 1002.4 1008.3  7   0.2   1.7',
      );
      assert.throws(() => parseSfctm2(text), refusal(/^line 5 has 12 fields/));
    });

    it('says what to do about it', () => {
      try {
        parseSfctm2(REFERENCE.slice(0, 3000));
        assert.fail('refused');
      } catch (error) {
        assert.ok(error instanceof Sfctm2FormatError);
        assert.match(
          error.fix,
          /Fetch it again, or save it whole: a kma_sfctm2 response ends with a #7777END line/,
        );
        assert.equal(typeof error.line, 'number');
      }
    });
  });

  describe('headers that are not KMA’s', () => {
    it("reads rows of KMA's 46 fields by position under a shortened header, and says so", () => {
      const result = parseSfctm2(`#START7777\n# YYMMDDHHMI STN ...\n${REAL_ROW}\n#7777END\n`);
      assert.deepEqual(result.observations, [
        { time: '202501110600', station: 108, temp: -9, presentWeather: null, cloudAmount: 0 },
      ]);
      assert.match(
        result.notes.join('\n'),
        /names line \(line 2\) does not name KMA's columns \(\.\.\.\): rows of 46 fields read by position/,
      );
    });

    it('reads rows of the older 45 fields by position under other names', () => {
      const [, , ...rows] = fixtureText('kma_sfctm2_45columns_201501280600.txt').split('\n');
      const result = parseSfctm2(`# TIME STN a b c\n${rows.join('\n')}`.replace('TIME', 'YYMMDDHHMI'));
      assert.equal(result.observations.length, 5);
      assert.equal(only(result.observations, 100).temp, -12.3);
    });

    it('refuses rows of another width under names that are not KMA’s', () => {
      const text = '# YYMMDDHHMI STN TEMP SKY WIND X1 X2 X3 X4 X5\n202501110600 108 -9.0 0 1 2 3 4 5 6\n';
      assert.throws(
        () => parseSfctm2(text),
        refusal(
          /^line 2 has 10 fields, and the names line \(line 1\) names columns that are not kma_sfctm2's \(TEMP, SKY, WIND, …\)$/,
        ),
      );
    });

    it('refuses columns that hold no temperature, weather or clouds rather than read only nulls', () => {
      const text = '# YYMMDDHHMI STN WD WS\n202501110600 108 5 1.6\n202501110700 108 5 2.6\n';
      assert.throws(() => parseSfctm2(text), refusal(/hold none of TA, WC and CA_TOT/));
    });

    it('reads a header trimmed to some of KMA’s columns by their names', () => {
      const result = parseSfctm2('# TM STN CA_TOT TA WC\n202501110600 108 0 -9.0 -9\n');
      assert.deepEqual(result.observations, [
        { time: '202501110600', station: 108, temp: -9, presentWeather: null, cloudAmount: 0 },
      ]);
    });
  });

  describe('size', () => {
    it('refuses text longer than its bound, without reading it, and says how large an hour is', () => {
      const huge = withHeader(...Array.from({ length: 40_000 }, () => REAL_ROW));
      assert.ok(huge.length > SFCTM2_MAX_LENGTH);
      assert.throws(
        () => parseSfctm2(huge),
        refusal(
          /more than the 8,388,608 a kma_sfctm2 response is read up to \(an hour of every station is about 30,000\)/,
        ),
      );
      assert.equal(parseSfctm2(huge, { maxLength: Infinity }).observations.length, 40_000);
    });
  });

  describe('the project fixtures', () => {
    it('reads the reference hour: every row, complete, KST time', () => {
      const result = parseSfctm2(REFERENCE);
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

    // -9.0 was read as missing here; it is a temperature (TA's missing value is -99.0).
    it('reads the 45-column layout: negative temperatures stay, -9.0 among them', () => {
      const result = parseSfctm2(fixtureText('kma_sfctm2_45columns_201501280600.txt'));
      assert.deepEqual(result.columns, SFCTM2_COLUMNS_45);
      const temps = Object.fromEntries(result.observations.map((o) => [o.station, o.temp]));
      assert.deepEqual(temps, { 90: -3.6, 100: -12.3, 108: -0.4, 133: -9, 159: 1.7 });
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
      assert.deepEqual(parseSfctm2(text).observations, parseSfctm2(REFERENCE).observations);
    });

    it('reads CRLF line ends and a byte-order mark', () => {
      const text = `\uFEFF${REFERENCE.replace(/\n/g, '\r\n')}`;
      assert.equal(parseSfctm2(text).observations.length, 19);
    });

    it('skips a full-width row without a readable time or station, and says so', () => {
      const lines = REFERENCE.split('\n');
      lines.splice(5, 0, row({ TM: '-', TA: '20.0' }));
      const result = parseSfctm2(lines.join('\n'));
      assert.equal(result.observations.length, 19);
      assert.match(result.notes.join(' '), /1 row\(s\) without a readable time or station were skipped/);
    });

    it("refuses rows without a header that do not have KMA's widths", () => {
      assert.throws(() => parseSfctm2('202508011500 108 32.3\n'), Sfctm2FormatError);
      assert.throws(() => parseSfctm2('Unauthorized\n'), /no header line names the columns/);
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
    const line = fc.oneof(
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

    it('reads only plausible values or refuses, never anything else', () => {
      fc.assert(
        fc.property(header, fc.array(line, { maxLength: 8 }), fc.boolean(), (head, rows, trailer) => {
          let result;
          try {
            result = parseSfctm2(head + rows.join('\n') + (trailer ? '\n#7777END\n' : ''));
          } catch (error) {
            assert.ok(error instanceof Sfctm2FormatError, String(error));
            return;
          }
          for (const o of result.observations) {
            assert.match(o.time, /^\d{12}$/);
            assert.ok(Number.isInteger(o.station) && o.station > 0);
            assert.ok(o.temp === null || (Number.isFinite(o.temp) && o.temp >= -60 && o.temp <= 60));
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
          const text = withHeader(
            row({
              STN: String(station),
              TA: temp.toFixed(1),
              WC: String(wc).padStart(2, '0'),
              CA_TOT: String(ca),
            }),
          );
          const [o] = parseSfctm2(text).observations;
          assert.deepEqual(o, {
            time: '202508011500',
            station,
            temp: temp + 0,
            presentWeather: wc,
            cloudAmount: ca,
          });
        }),
        { numRuns: 300 },
      );
    });
  });
});
