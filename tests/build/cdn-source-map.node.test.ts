// The CDN bundles' source maps lead a reader of a stack trace or the devtools to the right line
// and column of src/, through the template literal minifier, Babel and the minifier.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TraceMap, originalPositionFor, sourceContentFor } from '@jridgewell/trace-mapping';
import { ROOT } from '../support/static-server.node.js';

/**
 * A token of src/ that survives minification by name (a property, not a variable), found in the
 * source right after `before` and in a bundle by `generated` (whose first group is the token).
 */
interface Token {
  source: string;
  before: string;
  token: string;
  generated: RegExp;
  bundles: readonly string[];
}

const BOTH = ['weather-strip.js', 'weather-strip-only.js'];

const TOKENS: readonly Token[] = [
  {
    // Inside a template literal that spans lines: its whitespace is minified away.
    source: 'src/weather-strip/station-templates.ts',
    before: 'class="name">${view.',
    token: 'name',
    generated: /class="name">\$\{\w+\.(name)\}/,
    bundles: BOTH,
  },
  {
    source: 'src/article-card/article-card.ts',
    before: 'class="deck">${a.',
    token: 'deck',
    generated: /class="deck">\$\{\w+\.(deck)\}/,
    bundles: ['weather-strip.js'],
  },
  {
    source: 'src/article-card/article-card.ts',
    before: 'alt=${a.',
    token: 'imageAlt',
    generated: /alt="?\$\{\w+\.(imageAlt)\b/,
    bundles: ['weather-strip.js'],
  },
  {
    // Plain code, no template in sight.
    source: 'src/format/temperature.ts',
    before: '!Number.',
    token: 'isFinite',
    generated: /!Number\.(isFinite)\(/,
    bundles: BOTH,
  },
];

/** One-based line and zero-based column of a string index, as source maps count them. */
function position(text: string, index: number): { line: number; column: number } {
  const lines = text.slice(0, index).split('\n');
  return { line: lines.length, column: lines.at(-1)!.length };
}

function occurrences(text: string, pattern: RegExp): RegExpExecArray[] {
  return [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}gd`))];
}

for (const bundle of BOTH) {
  const file = join(ROOT, 'dist/cdn', bundle);
  describe(`dist/cdn/${bundle}.map`, () => {
    const built = existsSync(file) && existsSync(`${file}.map`);
    const code = built ? readFileSync(file, 'utf8') : '';
    const map = built ? new TraceMap(readFileSync(`${file}.map`, 'utf8'), file) : undefined;

    it('exists (run `npm run build` first)', () => {
      assert.ok(built, `${file} or its map is missing`);
    });

    for (const { source, before, token, generated } of TOKENS.filter((t) => t.bundles.includes(bundle))) {
      it(`maps \`${before}${token}\` to its line and column in ${source}`, () => {
        assert.ok(map, 'no source map');
        const text = readFileSync(join(ROOT, source), 'utf8');
        const at = text.indexOf(before + token);
        assert.ok(
          at >= 0 && text.indexOf(before + token, at + 1) < 0,
          `\`${before}${token}\` is not once in ${source}`,
        );
        const expected = position(text, at + before.length);

        const found = occurrences(code, generated);
        assert.equal(
          found.length,
          1,
          `${generated} should match once in ${bundle}, not ${found.length} times`,
        );
        const original = originalPositionFor(map, position(code, found[0]!.indices![1]![0]));

        assert.equal(original.source && resolve(ROOT, original.source), join(ROOT, source));
        assert.deepEqual({ line: original.line, column: original.column }, expected);
        assert.equal(original.name, token);
        assert.ok(sourceContentFor(map, original.source!) === text, `the map carries ${source} as written`);
      });
    }
  });
}
