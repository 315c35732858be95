// A Vite plugin that minifies the text of Lit's css``, html`` and svg`` templates at build time.
// Conservative on purpose: whitespace only where it cannot change what renders.
//
// - css`` without expressions: esbuild's CSS minifier. With expressions: comments and whitespace
//   around `{ } ; , :` removed, other runs collapsed to one space (combinators keep their spaces).
// - html`` and svg``: runs of whitespace that contain a line break become one space (the same
//   rendering under normal and nowrap white-space); other whitespace is kept.
// - Templates with a backslash (escapes), <pre>, <textarea> or a pre white-space are left alone.
// - Line breaks removed from a template are put back after it, outside the string, so every line
//   keeps its number and the source map stays right (the JS minifier drops them).
import ts from 'typescript';
import { transformSync } from 'esbuild';

const TAGS = new Set(['css', 'html', 'svg']);
const newlines = (text) => text.split('\n').length - 1;

/** Minifies one css`` text without expressions. */
function minifyWholeCss(text) {
  const { code } = transformSync(text, { loader: 'css', minify: true, logLevel: 'silent' });
  // esbuild keeps custom property values verbatim; their leading whitespace is never part of the value.
  // Nor is the whitespace after a comma outside strings (`var(--a, b)`, `light-dark(a, b)`).
  return code
    .trim()
    .replace(/(--[\w-]+):\s+/g, '$1:')
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, i) => (i % 2 ? part : part.replace(/,\s+/g, ',')))
    .join('');
}

/** Minifies one static chunk of a css`` template that has expressions. */
function minifyCssChunk(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

/** Minifies one static chunk of an html`` or svg`` template. */
const minifyHtmlChunk = (text) => text.replace(/\s*\n\s*/g, ' ');

const unsafe = (tag, chunks) =>
  chunks.some((c) => c.includes('\\')) ||
  (tag !== 'css' && chunks.some((c) => /<(pre|textarea)\b|white-space:\s*pre/i.test(c)));

/** The source with every css``, html`` and svg`` template minified; the same string when none. */
export function minifyLiterals(code, fileName) {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const tag = node.tag.text;
      const template = node.template;
      // Each static chunk: [start, end) of its text between the delimiters.
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      const ranges = parts.map((part) => {
        const start = part.getStart(source) + 1; // after ` or }
        const end = part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1); // before ${ or `
        return [start, end];
      });
      const chunks = ranges.map(([start, end]) => code.slice(start, end));
      if (!unsafe(tag, chunks)) {
        let minified;
        if (tag === 'css' && chunks.length === 1) minified = [minifyWholeCss(chunks[0])];
        else if (tag === 'css') {
          minified = chunks.map(minifyCssChunk);
          minified[0] = minified[0].trimStart();
          minified[minified.length - 1] = minified[minified.length - 1].trimEnd();
        } else minified = chunks.map(minifyHtmlChunk);
        const lost = chunks.reduce((n, c, i) => n + newlines(c) - newlines(minified[i]), 0);
        ranges.forEach(([start, end], i) => edits.push({ start, end, text: minified[i] }));
        if (lost > 0)
          edits.push({ start: template.getEnd(), end: template.getEnd(), text: '\n'.repeat(lost) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) return code;
  let out = code;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start || b.end - a.end)) {
    out = out.slice(0, start) + text + out.slice(end);
  }
  return out;
}

/** The Vite plugin: minifies template literals in the project's own TypeScript sources. */
export function minifyLiteralsPlugin() {
  return {
    name: 'weather-strip:minify-literals',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\.ts$/.test(id.split('?')[0]) || !/\b(css|html|svg)`/.test(code))
        return null;
      const out = minifyLiterals(code, id);
      // Line numbers are unchanged, so the existing source map still holds.
      return out === code ? null : { code: out, map: null };
    },
  };
}
