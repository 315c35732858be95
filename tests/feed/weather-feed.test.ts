import { expect } from '@open-wc/testing';
import {
  MAX_STATIONS,
  MAX_TEXT_LENGTH,
  summarizeProblems,
  validateReading,
  validateWeatherFeed,
} from '../../src/feed/weather-feed.js';
import { formatProblem, type FeedProblem } from '../../src/feed/problems.js';
import { referenceFeed } from '../support/strip.js';

function feedWith(stations: unknown): Record<string, unknown> {
  return { version: 1, observedAt: '2025-08-01T15:00:00+09:00', stations };
}

function lines(input: unknown): string[] {
  return validateWeatherFeed(input).problems.map(formatProblem);
}

describe('validateWeatherFeed', () => {
  it('keeps the reference feed as it is', () => {
    const { value, problems } = validateWeatherFeed(referenceFeed());
    expect(problems).to.deep.equal([]);
    expect(value).to.deep.equal(referenceFeed());
  });

  it('cleans stations: trims text, fills temp with null, drops unknown fields', () => {
    const { value, problems } = validateWeatherFeed({
      ...feedWith([{ id: 108, name: ' 서울 ', sky: ' 맑음 ', wind: 3 }]),
      attribution: '  ',
      extra: true,
    });
    expect(problems).to.deep.equal([]);
    expect(value).to.deep.equal({
      version: 1,
      observedAt: '2025-08-01T15:00:00+09:00',
      stations: [{ id: 108, name: '서울', sky: '맑음', temp: null }],
    });
  });

  it('leaves a bad station out and names the problem by path', () => {
    const feed = referenceFeed() as unknown as { stations: Record<string, unknown>[] };
    feed.stations[3]!.temp = 'hot';
    const { value, problems } = validateWeatherFeed(feed);
    expect(value?.stations).to.have.length(15);
    expect(value?.stations.some((s) => s.id === 133)).to.equal(false);
    expect(problems.map(formatProblem)).to.deep.equal([
      'stations[3].temp: expected a number or null, got "hot"',
    ]);
  });

  it('reports every kind of bad station', () => {
    expect(
      lines(
        feedWith([
          null,
          [1],
          { id: 108.5, name: '서울' },
          { id: '108' },
          { id: 90, temp: 1 },
          { sky: '맑음' },
          { name: '   ' },
          { name: 5 },
          { id: 108, temp: -99 },
          { id: 108, temp: true },
          { id: 108, sky: { ko: '맑음' } },
          { id: 108 },
        ]),
      ),
    ).to.deep.equal([
      'stations[0]: expected an object, got null',
      'stations[1]: expected an object, got an array',
      'stations[2].id: expected a positive whole number, got 108.5',
      'stations[3].id: expected a positive whole number, got "108"',
      'stations[4].id: unknown station 90 and no "name" given',
      'stations[5]: needs an "id" or a "name"',
      'stations[6]: needs an "id" or a "name"',
      'stations[7].name: expected a string, got 5',
      'stations[8].temp: -99 is outside -90…70 °C',
      'stations[9].temp: expected a number or null, got boolean',
      'stations[10].sky: expected a string, got an object',
    ]);
  });

  it('rejects a feed that is unusable as a whole', () => {
    expect(lines(null)).to.deep.equal(['(feed): expected an object, got null']);
    expect(lines('{"version":1}')).to.deep.equal(['(feed): expected an object, got "{\\"version\\":1}"']);
    expect(lines({ ...feedWith([{ id: 108 }]), version: '1' })).to.deep.equal([
      'version: expected 1, got "1"',
    ]);
    expect(lines({ version: 1, stations: [{ id: 108 }] })).to.deep.equal([
      'observedAt: expected an ISO 8601 date-time with an offset, got undefined',
    ]);
    expect(lines({ version: 1, observedAt: '2025-08-01T15:00:00+09:00' })).to.deep.equal([
      'stations: expected an array, got undefined',
    ]);
    expect(lines(feedWith([]))).to.deep.equal(['stations: empty']);
    expect(lines(feedWith([{ temp: 1 }]))).to.deep.equal([
      'stations[0]: needs an "id" or a "name"',
      'stations: no usable station',
    ]);
    for (const bad of [
      '2025-08-01T15:00:00',
      '2025-08-01',
      '2025-04-31T15:00+09:00',
      '2025-08-01T24:00Z',
      '2025-08-01T15:00:00.1234Z',
    ]) {
      expect(validateWeatherFeed({ ...feedWith([{ id: 108 }]), observedAt: bad }).value, bad).to.equal(
        undefined,
      );
    }
  });

  it('accepts the ISO 8601 forms every engine parses', () => {
    for (const good of ['2025-08-01T15:00+09:00', '2025-08-01T06:00:00Z', '2024-02-29T23:59:59.999-03:30']) {
      const { value } = validateWeatherFeed({ ...feedWith([{ id: 108 }]), observedAt: good });
      expect(value?.observedAt, good).to.equal(good);
      expect(Number.isNaN(new Date(good).getTime()), good).to.equal(false);
    }
  });

  describe('hostile input', () => {
    it('reads at most the first stations of a huge list', () => {
      const stations = Array.from({ length: 10_000 }, () => ({ id: 108, temp: 1 }));
      const { value, problems } = validateWeatherFeed(feedWith(stations));
      expect(value?.stations).to.have.length(MAX_STATIONS);
      expect(problems.map(formatProblem)).to.deep.equal([
        `stations: 10000 stations; only the first ${MAX_STATIONS} are used`,
      ]);
      // A sparse array claiming a billion entries costs no more.
      const sparse = validateWeatherFeed(feedWith(new Array(1e9)));
      expect(sparse.value).to.equal(undefined);
      expect(sparse.problems).to.have.length(MAX_STATIONS + 2);
    });

    it('cuts a 10 MB text and leaves its station out', () => {
      const huge = 'x'.repeat(10 * 1024 * 1024);
      const { value, problems } = validateWeatherFeed({
        ...feedWith([{ name: huge }, { id: 108 }]),
        attribution: huge,
      });
      expect(value?.stations).to.deep.equal([{ id: 108, temp: null }]);
      expect(value?.attribution).to.have.length(MAX_TEXT_LENGTH);
      expect(problems.map(formatProblem)).to.deep.equal([
        `attribution: longer than ${MAX_TEXT_LENGTH} characters; cut`,
        `stations[0].name: longer than ${MAX_TEXT_LENGTH} characters; cut`,
      ]);
    });

    it('reports NaN, Infinity and values JSON cannot hold', () => {
      expect(
        lines(
          feedWith([
            { id: 108, temp: NaN },
            { id: 108, temp: Infinity },
            { id: 108, temp: -Infinity },
            { id: NaN, name: 'a' },
            { id: 108, name: 10n },
            { id: 108, name: Symbol('x') },
            { id: 108, name: () => 1 },
            { id: 108, name: undefined, temp: undefined },
          ]),
        ),
      ).to.deep.equal([
        'stations[0].temp: expected a number or null, got NaN',
        'stations[1].temp: expected a number or null, got Infinity',
        'stations[2].temp: expected a number or null, got -Infinity',
        'stations[3].id: expected a positive whole number, got NaN',
        'stations[4].name: expected a string, got bigint',
        'stations[5].name: expected a string, got symbol',
        'stations[6].name: expected a string, got function',
      ]);
    });

    it('shrugs off deep nesting and cycles', () => {
      let deep: unknown = 1;
      for (let i = 0; i < 100_000; i++) deep = [deep];
      const cyclic: Record<string, unknown> = { id: 108 };
      cyclic.self = cyclic;
      const { value, problems } = validateWeatherFeed({ ...feedWith([deep, cyclic]), attribution: deep });
      expect(value?.stations).to.deep.equal([{ id: 108, temp: null }]);
      expect(problems.map(formatProblem)).to.deep.equal([
        'attribution: expected a string, got an array',
        'stations[0]: expected an object, got an array',
      ]);
    });

    it('reports a data object whose getters or proxy throw, without throwing', () => {
      const trap = new Proxy(
        {},
        {
          get() {
            throw new Error('boom');
          },
        },
      );
      const getter = Object.defineProperty(feedWith([]), 'stations', {
        get() {
          throw new Error('boom');
        },
      });
      for (const input of [trap, getter, feedWith([trap])]) {
        const result = validateWeatherFeed(input);
        expect(result.value).to.equal(undefined);
        expect(result.problems.map(formatProblem)).to.deep.equal([
          '(feed): could not be read: a getter or proxy threw',
        ]);
      }
    });

    it('keeps markup as text', () => {
      const markup = '<img src=x onerror=alert(1)>';
      const { value } = validateWeatherFeed(feedWith([{ name: markup, sky: `<script>${markup}</script>` }]));
      expect(value?.stations[0]).to.deep.equal({
        name: markup,
        sky: `<script>${markup}</script>`,
        temp: null,
      });
    });
  });
});

describe('validateReading', () => {
  it('adds its problems to the list it is given, under the given path', () => {
    const problems: FeedProblem[] = [{ path: 'x', message: 'earlier' }];
    expect(validateReading({ temp: 'hot', id: 108 }, 'weather-station[2]', problems)).to.equal(undefined);
    expect(validateReading({ id: 159, temp: 31 }, 'weather-station[3]', problems)).to.deep.equal({
      id: 159,
      temp: 31,
    });
    expect(problems.map(formatProblem)).to.deep.equal([
      'x: earlier',
      'weather-station[2].temp: expected a number or null, got "hot"',
    ]);
  });
});

describe('summarizeProblems', () => {
  it('names the first five problems and counts the rest', () => {
    const problems = Array.from({ length: 7 }, (_, i) => ({ path: `stations[${i}]`, message: 'bad' }));
    expect(summarizeProblems(problems)).to.equal(
      'stations[0]: bad; stations[1]: bad; stations[2]: bad; stations[3]: bad; stations[4]: bad; and 2 more',
    );
    expect(summarizeProblems(problems.slice(0, 1))).to.equal('stations[0]: bad');
  });
});
