// The published JSON Schemas and the runtime validators agree: a feed is valid by ajv exactly
// when the validator finds no problem, and whatever the validator returns is valid by ajv.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type Ajv2020Class from 'ajv/dist/2020.js';
import type addFormatsFunction from 'ajv-formats';
import fc from 'fast-check';
import { validateWeatherFeed } from '../../src/feed/weather-feed.js';
import { validateArticleFeed } from '../../src/feed/article-feed.js';
import { formatProblem, type ValidationResult } from '../../src/feed/problems.js';
import { STATIONS } from '../../src/kma/stations.js';

// ajv and ajv-formats are CommonJS.
const require = createRequire(import.meta.url);
const Ajv2020 = (require('ajv/dist/2020.js') as { default: typeof Ajv2020Class }).default;
const addFormats = (require('ajv-formats') as { default: typeof addFormatsFunction }).default;

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);

function schema(name: string): ValidateFunction {
  return ajv.compile(
    JSON.parse(readFileSync(new URL(`../../schema/${name}.schema.json`, import.meta.url), 'utf8')),
  );
}

const formats = {
  weather: { check: schema('weather-feed'), validate: validateWeatherFeed },
  article: { check: schema('article-feed'), validate: validateArticleFeed },
} as const;

function errors(list: ErrorObject[] | null | undefined): string {
  return (list ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`).join('; ');
}

function corpus(kind: keyof typeof formats): [string, unknown][] {
  const dir = new URL(`../fixtures/feeds/${kind}/`, import.meta.url);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => [file, JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as unknown]);
}

function assertOutputInSchema(
  check: ValidateFunction,
  result: ValidationResult<unknown>,
  what: string,
): void {
  if (result.value !== undefined)
    assert.ok(check(result.value), `${what}: output outside the schema: ${errors(check.errors)}`);
}

for (const kind of ['weather', 'article'] as const) {
  const { check, validate } = formats[kind];
  describe(`${kind} feed schema and validator`, () => {
    const files = corpus(kind);

    it('has a corpus of good and bad feeds', () => {
      assert.ok(files.filter(([file]) => file.startsWith('good-')).length >= 5);
      assert.ok(files.filter(([file]) => file.startsWith('bad-')).length >= 15);
    });

    for (const [file, feed] of files) {
      it(`agree on ${file}`, () => {
        const expected = file.startsWith('good-');
        const result = validate(feed);
        assert.equal(check(feed), expected, `ajv: ${errors(check.errors)}`);
        assert.equal(result.problems.length === 0, expected, result.problems.map(formatProblem).join('; '));
        assertOutputInSchema(check, result, file);
      });
    }
  });
}

describe('weather feed schema', () => {
  it('lists exactly the built-in stations as those that need no name', () => {
    const raw = JSON.parse(
      readFileSync(new URL('../../schema/weather-feed.schema.json', import.meta.url), 'utf8'),
    ) as {
      $defs: { station: { anyOf: [unknown, { properties: { id: { enum: number[] } } }] } };
    };
    assert.deepEqual(
      raw.$defs.station.anyOf[1].properties.id.enum,
      STATIONS.map((s) => s.id),
    );
  });
});

// Feed-shaped random input: each field drawn from good values and typical mistakes.
const text = fc.oneof(
  fc.constantFrom('서울', '속초', '맑음', '약한 비 연속적', '<b>x</b>', '', '   ', 'a\u0000b'),
  fc.string({ maxLength: 30 }).filter((s) => s.trim() === s),
);
const anything = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const station = fc.record(
  {
    id: optional(
      fc.oneof(
        fc.constantFrom(...STATIONS.map((s) => s.id)),
        fc.integer({ min: -5, max: 200_000 }),
        fc.double(),
        anything,
      ),
    ),
    name: optional(fc.oneof(text, anything)),
    sky: optional(fc.oneof(text, anything)),
    temp: optional(
      fc.oneof(
        fc.constant(null),
        fc.double({ min: -120, max: 120, noNaN: true }),
        fc.integer({ min: -100, max: 100 }),
        anything,
      ),
    ),
  },
  { requiredKeys: [] },
);
const dateTime = fc.oneof(
  fc.constantFrom(
    '2025-08-01T15:00:00+09:00',
    '2024-02-29T00:00Z',
    '2025-08-01T15:00',
    '2025-04-31T00:00Z',
    '2025-08-01T24:00Z',
    '',
  ),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
);
const weatherFeed = fc.record(
  {
    version: fc.oneof(fc.constant(1), anything),
    observedAt: fc.oneof(dateTime, anything),
    attribution: optional(fc.oneof(text, anything)),
    stations: fc.oneof(fc.array(fc.oneof(station, anything), { maxLength: 8 }), anything),
  },
  { requiredKeys: [] },
);
const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'https://example.com/a',
    'javascript:alert(1)',
    '/relative',
    '//host/x',
    'data:,x',
    'ftp://x/y',
    '',
  ),
);
const articleFeed = fc.record(
  {
    version: fc.oneof(fc.constant(1), anything),
    headline: fc.oneof(text, anything),
    category: fc.oneof(text, anything),
    deck: fc.oneof(text, anything),
    published: fc.oneof(dateTime, anything),
    href: fc.oneof(url, anything),
    image: fc.oneof(url, anything),
    body: fc.oneof(text, anything),
  },
  { requiredKeys: [] },
);

for (const [kind, arbitrary] of [
  ['weather', weatherFeed],
  ['article', articleFeed],
] as const) {
  const { check, validate } = formats[kind];
  describe(`${kind} feed validator, on random input`, () => {
    it('never throws and never returns anything outside the schema, on any JSON', () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 6 }), (json) => {
          const result = validate(json);
          assertOutputInSchema(check, result, JSON.stringify(json));
          // A rejected feed always says why.
          if (result.value === undefined) assert.ok(result.problems.length > 0);
        }),
        { numRuns: 2000 },
      );
    });

    it('agrees with the schema on feed-shaped input', () => {
      fc.assert(
        fc.property(arbitrary, (feed) => {
          const result = validate(feed);
          const valid = check(feed);
          assertOutputInSchema(check, result, JSON.stringify(feed));
          assert.equal(
            result.problems.length === 0,
            valid,
            `${JSON.stringify(feed)}\nvalidator: ${result.problems.map(formatProblem).join('; ')}\najv: ${errors(check.errors)}`,
          );
        }),
        { numRuns: 3000 },
      );
    });
  });
}
