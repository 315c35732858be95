// What the command writes is a feed by the published schema, for every fixture that has data.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Ajv2020Class from 'ajv/dist/2020.js';
import type addFormatsFunction from 'ajv-formats';
import { FIXTURES, ROOT, runCommand } from './helpers.js';

// ajv and ajv-formats are CommonJS.
const require = createRequire(import.meta.url);
const Ajv2020 = (require('ajv/dist/2020.js') as { default: typeof Ajv2020Class }).default;
const addFormats = (require('ajv-formats') as { default: typeof addFormatsFunction }).default;

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
const check = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema/weather-feed.schema.json'), 'utf8')));

const CASES: [fixture: string, args: string[]][] = [
  ['kma_sfctm2_reference_202508011500.txt', []],
  ['kma_sfctm2_euc-kr_202508011500.txt', []],
  ['kma_sfctm2_45columns_201501280600.txt', ['--allow-partial']],
  ['kma_sfctm2_present-weather_202603150900.txt', ['--allow-partial']],
];

describe('weather-strip-feed output against schema/weather-feed.schema.json', () => {
  for (const [fixture, args] of CASES) {
    it(`is valid for ${fixture}`, async () => {
      const { code, stdout, stderr } = await runCommand([
        '--source',
        'apihub',
        '--input',
        join(FIXTURES, fixture),
        ...args,
      ]);
      assert.equal(code, 0, stderr);
      const feed: unknown = JSON.parse(stdout);
      assert.ok(check(feed), JSON.stringify(check.errors));
    });
  }
});
