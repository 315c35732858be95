import { expect } from '@open-wc/testing';
import { REFERENCE_TEXTS } from '../support/strip.js';

/** Loads a plain page that installs the library with one script tag: the built CDN bundle. */
async function loadPage(path: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 400px; border: 0';
  document.body.append(frame);
  await new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.src = path;
  });
  const doc = frame.contentDocument!;
  await frame.contentWindow!.customElements.whenDefined('weather-strip');
  await (doc.querySelector('weather-strip') as HTMLElement & { updateComplete: Promise<boolean> })
    .updateComplete;
  return doc;
}

const text = (node: Element | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('CDN bundle in a plain page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('shows the reference strip from 16 <weather-station> children', async () => {
    const doc = await loadPage('/tests/fixtures/pages/reference.html');
    const root = doc.querySelector('weather-strip')!.shadowRoot!;
    expect(text(root.querySelector('[part="date"]'))).to.equal('2025.08.01 (금)');
    expect([...root.querySelectorAll('ul > li')].map(text)).to.deep.equal(REFERENCE_TEXTS);
    expect(text(root.querySelector('[part="attribution"]'))).to.equal('기상청 제공');
  });

  it("states Lit's license once, at the top, after V8's eager-compile hint", async () => {
    const code = await (await fetch('/dist/cdn/weather-strip.js')).text();
    expect(code.match(/@license/g)).to.have.length(1);
    expect(code.slice(0, 200)).to.match(
      /^\/\/# allFunctionsCalledOnLoad\n\/\*\*\n \* @license Lit[^]*Copyright 2017 Google LLC[^]*BSD-3-Clause/,
    );
  });

  it('shows one row at a time in roll mode', async () => {
    const doc = await loadPage('/tests/fixtures/pages/reference.html');
    const root = doc.querySelector('weather-strip')!.shadowRoot!;
    const viewport = root.querySelector('[part="viewport"]')!.getBoundingClientRect();
    const visible = [...root.querySelectorAll('ul > li')].filter((li) => {
      const box = li.getBoundingClientRect();
      return box.bottom > viewport.top + 1 && box.top < viewport.bottom - 1;
    });
    expect(visible.map(text)).to.deep.equal([REFERENCE_TEXTS[0]]);
  });
});
