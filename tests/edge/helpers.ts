// Shared by the edge handler's tests: the published schema, KST clock times, and the forms a key
// can take in a text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Ajv2020Class from 'ajv/dist/2020.js';
import type addFormatsFunction from 'ajv-formats';
import { ROOT } from '../support/kma-fixtures.node.js';

// ajv and ajv-formats are CommonJS.
const require = createRequire(import.meta.url);
const Ajv2020 = (require('ajv/dist/2020.js') as { default: typeof Ajv2020Class }).default;
const addFormats = (require('ajv-formats') as { default: typeof addFormatsFunction }).default;
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema/weather-feed.schema.json'), 'utf8')));

/** Asserts that a text is a feed valid by `schema/weather-feed.schema.json`; returns it parsed. */
export function assertSchemaValid(text: string): { observedAt: string; stations: unknown[] } {
  const feed: unknown = JSON.parse(text);
  assert.ok(validate(feed), JSON.stringify(validate.errors));
  return feed as { observedAt: string; stations: unknown[] };
}

/** `kst('2025-08-01 15:20')`: that wall-clock time in Korea. */
export function kst(time: string): Date {
  return new Date(`${time.replace(' ', 'T')}:00+09:00`);
}

/** Every form a key can take in a text: as given, URL-encoded once and twice. */
export function keyForms(key: string): string[] {
  const once = encodeURIComponent(key);
  return [...new Set([key, once, encodeURIComponent(once), once.toLowerCase()])];
}

/** Asserts that no form of any key appears in a text. */
export function assertNoKey(text: string, keys: readonly string[], where: string): void {
  for (const key of keys)
    for (const form of keyForms(key)) assert.ok(!text.includes(form), `${where} holds a key: ${text}`);
}
