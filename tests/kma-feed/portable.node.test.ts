import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const feedCore = join(root, 'src/kma-feed');

/** Every module src/kma-feed loads, itself included, with the specifiers each imports. */
function reachableModules(): Map<string, string[]> {
  const modules = new Map<string, string[]>();
  const pending = readdirSync(feedCore)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(feedCore, name));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (modules.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map(
      (match) => match[1]!,
    );
    modules.set(file, specifiers);
    for (const specifier of specifiers.filter((s) => s.startsWith('.'))) {
      pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  }
  return modules;
}

describe('the feed core', () => {
  it('loads only its own modules: no lit, no node: module, no package', () => {
    const modules = reachableModules();
    assert.ok(modules.has(join(feedCore, 'station-query.ts')));
    for (const [file, specifiers] of modules) {
      for (const specifier of specifiers) {
        assert.ok(
          specifier.startsWith('./') || specifier.startsWith('../'),
          `${relative(root, file)}: ${specifier}`,
        );
      }
      assert.ok(relative(root, file).startsWith('src/'), relative(root, file));
    }
  });

  it('is type-checked without DOM or Node types (tsconfig.kma-feed.json)', () => {
    const config = JSON.parse(readFileSync(join(root, 'tsconfig.kma-feed.json'), 'utf8'));
    assert.deepEqual(config.compilerOptions.lib, ['ES2022', 'WebWorker']);
    assert.deepEqual(config.compilerOptions.types, []);
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    assert.match(scripts.typecheck, /tsc -p tsconfig\.kma-feed\.json/);
  });
});
