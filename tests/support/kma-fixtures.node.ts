// The project's KMA fixtures, shared by the feed core's tests and the command's.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { weatherAt } from '../../src/kma-feed/apihub.js';
import { buildFeed, type BuiltFeed } from '../../src/kma-feed/feed.js';
import type { Observation } from '../../src/kma-feed/sfctm2.js';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The project's own KMA fixtures. */
export const FIXTURES = join(ROOT, 'tests/fixtures/kma');
/** Real KMA responses saved from public sources; each file's first line names its origin. */
export const REAL = join(FIXTURES, 'real');
/** The fixture of the reference page's 16 stations at 2025-08-01 15:00. */
export const REFERENCE_FIXTURE = join(FIXTURES, 'kma_sfctm2_reference_202508011500.txt');

/** A fixture's bytes. */
export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** A fixture as UTF-8 text. */
export function fixtureText(name: string): string {
  return fixture(name).toString('utf8');
}

/** A real response (under `real/`) as UTF-8 text. */
export function realText(name: string): string {
  return readFileSync(join(REAL, name), 'utf8');
}

/** The reference page's feed, as the library ships it. */
export function referenceFeed(): unknown {
  return JSON.parse(readFileSync(join(ROOT, 'demo/data/reference-weather.json'), 'utf8'));
}

/**
 * The feed of `kma_sfctm2` observations at `time` (or their latest hour) for stations given as
 * `{ id, name }`: the API Hub source's reading, then the feed core's `buildFeed`. `undefined`
 * when there are no observations.
 */
export function feedOfObservations(
  observations: readonly Observation[],
  stations: readonly { readonly id: number; readonly name: string }[],
  time?: string,
): BuiltFeed | undefined {
  const read = weatherAt(observations, time);
  return (
    read &&
    buildFeed(
      { ...read, gaps: new Map() },
      stations.map(({ id, name }) => ({ id, ko: name })),
    )
  );
}

/**
 * The reference hour with rows for stations it lacks, each a copy of a reference station's row
 * under another ASOS number (`{ 140: 133 }`: 군산 reads as 대전 did). Constructed test input, not
 * KMA data: it shows stations outside the 16 travelling from the text to the feed.
 */
export function referenceWithStations(copies: Readonly<Record<number, number>>): string {
  const lines = fixtureText('kma_sfctm2_reference_202508011500.txt').split('\n');
  const rowOf = (id: number) => lines.find((line) => new RegExp(`^\\d{12}\\s+${id}\\s`).test(line))!;
  const added = Object.entries(copies).map(([id, from]) =>
    rowOf(from).replace(/^(\d{12})\s+\d+/, (_, time: string) => `${time} ${id.padStart(3)}`),
  );
  const end = lines.indexOf('#7777END');
  return [...lines.slice(0, end), ...added, ...lines.slice(end)].join('\n');
}
