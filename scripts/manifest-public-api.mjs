// An analyzer plugin: custom-elements.json describes what a user of the package can import, and
// nothing else. The modules kept are the package's entry points (package.json `exports`, read
// back from dist/ to src/); a declaration they re-export from an internal module moves into the
// last entry point on the way, so that no internal module is named. Private, protected and
// `#private` members go; the analyzer itself drops what is marked `@internal`.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

/** src/ paths of the package's JavaScript entry points, in package.json order. */
function entryModules() {
  const { exports } = JSON.parse(readFileSync('package.json', 'utf8'));
  return Object.values(exports)
    .map((target) => (typeof target === 'object' ? target.default : undefined))
    .filter((path) => /^\.\/dist\/(?!cdn\/).*\.js$/.test(path ?? ''))
    .map((path) => path.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
}

/** A re-export's module, as the analyzer writes it (`./x.js`), as a path of src/ (`src/x.ts`). */
function modulePath(from, written) {
  const path = written.startsWith('.') ? posix.join(posix.dirname(from), written) : written;
  return path.replace(/\.js$/, '.ts');
}

const isPublic = (member) => (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#');

export function publicApiOnly() {
  return {
    name: 'weather-strip-public-api-only',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const byPath = new Map(manifest.modules.map((module) => [module.path, module]));
      const entries = entryModules().filter((path) => byPath.has(path));

      /** Follows `name` from `path` to its declaration: the entry points passed and where it is declared. */
      function resolve(path, name, passed = []) {
        const module = byPath.get(path);
        if (!module) return undefined;
        const chain = entries.includes(path) ? [...passed, path] : passed;
        const declaration = module.declarations?.find((d) => d.name === name);
        if (declaration) return { declaration, chain };
        for (const entry of module.exports ?? []) {
          if (entry.kind !== 'js' || !entry.declaration) continue;
          const target = modulePath(path, entry.declaration.module ?? path);
          if (entry.name === name && target !== path) return resolve(target, entry.declaration.name, chain);
          if (entry.name === '*') {
            const found = resolve(target, name, chain);
            if (found) return found;
          }
        }
        // `import { X } from …; export { X }`: the analyzer names this module; the class is elsewhere.
        const elsewhere = manifest.modules.find((m) => m.declarations?.some((d) => d.name === name));
        return elsewhere && elsewhere.path !== path ? resolve(elsewhere.path, name, chain) : undefined;
      }

      const kept = new Map(
        entries.map((path) => [path, { ...byPath.get(path), declarations: [], exports: [] }]),
      );
      for (const path of entries) {
        const module = kept.get(path);
        for (const entry of byPath.get(path).exports ?? []) {
          if (entry.kind !== 'js') continue;
          const names =
            entry.name === '*'
              ? (byPath.get(modulePath(path, entry.declaration.module)).exports ?? []).map((e) => e.name)
              : [entry.name];
          for (const name of names) {
            const found = resolve(path, name);
            // Types and interfaces have no declaration in a manifest: the .d.ts files carry them.
            if (!found) continue;
            const home = found.chain.at(-1) ?? path;
            const homeModule = kept.get(home);
            if (!homeModule.declarations.some((d) => d.name === name)) {
              homeModule.declarations.push(found.declaration);
              if (home !== path) homeModule.exports.push(jsExport(name, home));
            }
            module.exports.push(jsExport(name, home));
            if (found.declaration.tagName && /^src\/define\//.test(path)) {
              module.exports.push({
                kind: 'custom-element-definition',
                name: found.declaration.tagName,
                declaration: { name, module: home },
              });
            }
          }
        }
      }
      for (const module of kept.values()) {
        const written = (byPath.get(module.path).exports ?? []).map((entry) => entry.name);
        const order = (entry) =>
          written.includes(entry.name) ? written.indexOf(entry.name) : written.length;
        module.exports = dedupe(module.exports).sort((a, b) => order(a) - order(b));
        for (const declaration of module.declarations) {
          if (declaration.members) declaration.members = declaration.members.filter(isPublic);
        }
      }
      manifest.modules = [...kept.values()];
    },
  };
}

function jsExport(name, module) {
  return { kind: 'js', name, declaration: { name, module } };
}

function dedupe(exports) {
  const seen = new Set();
  return exports.filter((entry) => {
    const key = `${entry.kind}:${entry.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
