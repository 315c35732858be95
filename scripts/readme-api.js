// Writes the README's API tables (between <!-- api:start --> and <!-- api:end -->) from
// custom-elements.json. `--check` writes nothing and fails when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- api:start -->';
const END = '<!-- api:end -->';

/** Table cell text: one line, pipes escaped. */
const cell = (text) =>
  (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim() || '—';
/** Inline code, or a dash when there is nothing. */
const code = (text) => (text ? `\`${cell(text).replace(/`/g, "'")}\`` : '—');

function table(head, rows) {
  if (rows.length === 0) return [];
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ];
}

function elementSection(element) {
  const attributes = element.attributes ?? [];
  const fields = (element.members ?? []).filter(
    (member) =>
      member.kind === 'field' &&
      !member.static &&
      !member.name.startsWith('#') &&
      (member.privacy ?? 'public') === 'public',
  );
  const attributeOf = new Map(attributes.filter((a) => a.fieldName).map((a) => [a.fieldName, a.name]));
  const described = new Set(fields.map((field) => field.name));
  const rows = [
    ...fields.map((field) => [
      code(
        attributeOf.get(field.name) ??
          (attributes.some((a) => a.name === field.name) ? field.name : undefined),
      ),
      code(field.name) + (field.readonly ? ' (read-only)' : ''),
      code(field.type?.text),
      code(field.default ?? attributes.find((a) => a.fieldName === field.name)?.default),
      cell(field.description),
    ]),
    // Attributes without a property of their own name.
    ...attributes
      .filter((a) => !described.has(a.fieldName ?? a.name))
      .map((a) => [code(a.name), '—', code(a.type?.text), code(a.default), cell(a.description)]),
  ];
  return [
    `### \`<${element.tagName}>\``,
    '',
    ...(element.summary ? [cell(element.summary), ''] : []),
    ...table(['attribute', 'property', 'type', 'default', 'description'], rows),
    ...table(
      ['event', 'type', 'description'],
      (element.events ?? [])
        .filter((e) => e.name)
        .map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
    ),
    ...table(
      ['slot', 'description'],
      (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
    ),
    ...table(
      ['part', 'description'],
      (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
    ...table(
      ['CSS custom property', 'default', 'description'],
      (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]),
    ),
  ];
}

/** The generated Markdown for every element in the manifest, by tag name. */
export function apiTables(manifest) {
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  // Prettier would re-align the tables, and the check would then call them stale.
  const lines = [
    '<!-- Generated from custom-elements.json by scripts/readme-api.js: do not edit by hand. -->',
    '<!-- prettier-ignore-start -->',
    '',
    ...elements.flatMap(elementSection),
    '<!-- prettier-ignore-end -->',
  ];
  return lines.join('\n');
}

/** `readme` with the text between the markers replaced by `tables`. */
export function withApiTables(readme, tables) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${START} and ${END}.`);
  return `${readme.slice(0, start + START.length)}\n${tables}\n${readme.slice(end)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const readme = readFileSync('README.md', 'utf8');
  const fresh = withApiTables(readme, apiTables(manifest));
  if (process.argv.includes('--check')) {
    if (fresh !== readme) {
      console.error('README.md API tables are stale: run `node scripts/readme-api.js` and commit README.md.');
      process.exit(1);
    }
    console.log('README.md API tables match custom-elements.json.');
  } else if (fresh !== readme) {
    writeFileSync('README.md', fresh);
    console.log('README.md API tables updated.');
  }
}
