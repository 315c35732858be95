import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { minifyLiterals } from '../../scripts/minify-literals.js';

const minify = minifyLiterals as (code: string, fileName: string) => string;
const lines = (text: string) => text.split('\n').length;

describe('minifyLiterals', () => {
  it('collapses line breaks and indentation in html`` to one space, keeping expressions', () => {
    const code = 'const t = html`<ul>\n    <li class="a">${x}</li>\n    <li>${y}</li>\n  </ul>`;\n';
    const out = minify(code, 'a.ts');
    assert.ok(out.includes('html`<ul> <li class="a">${x}</li> <li>${y}</li> </ul>`'), out);
    assert.equal(lines(out), lines(code));
  });

  it('keeps whitespace without a line break, which can be meaningful text', () => {
    const code = 'html`<span>a</span>  <span>b</span>`';
    assert.equal(minify(code, 'a.ts'), code);
  });

  it('minifies nested templates inside expressions', () => {
    const code = 'html`<ul>\n  ${items.map((i) => html`<li>\n    ${i}\n  </li>`)}\n</ul>`';
    const out = minify(code, 'a.ts');
    assert.ok(out.includes('html`<li> ${i} </li>`'), out);
    assert.ok(out.startsWith('html`<ul> ${items'), out);
  });

  it('minifies css`` without expressions and keeps every line number', () => {
    const code =
      'export const s = css`\n  :host {\n    --_c: var(--x, red);\n    display: block;\n  }\n  /* note */\n  .a > .b { color: red; }\n`;\nconst after = 1;\n';
    const out = minify(code, 'a.ts');
    assert.ok(out.includes('css`:host{--_c:var(--x,red);display:block}.a>.b{color:red}`'), out);
    assert.equal(lines(out), lines(code));
    assert.ok(out.endsWith('const after = 1;\n'));
  });

  it('drops the space after commas in css`` values but not inside strings', () => {
    const code = "css`\n  .a { color: light-dark(#000, #fff); }\n  .a::after { content: ', '; }\n`";
    const out = minify(code, 'a.ts');
    assert.ok(out.includes('.a{color:light-dark(#000,#fff)}'), out);
    assert.ok(out.includes(`content:", "`), out);
  });

  it('keeps descendant combinators in css`` chunks around expressions', () => {
    const code = 'css`\n  .a :hover ,\n  .b {\n    color: ${c};\n  }\n`';
    const out = minify(code, 'a.ts');
    assert.ok(out.includes('css`.a :hover,.b{color:${c}}`'), out);
  });

  it('leaves templates with escapes, <pre> or other tags alone', () => {
    for (const code of [
      'css`\n  .a::before { content: "\\\\2022"; }\n`',
      'html`<pre>\n  a\n</pre>`',
      'other`\n  a\n`',
      'const s = "html`\\n  a\\n`";',
    ]) {
      assert.equal(minify(code, 'a.ts'), code);
    }
  });
});
