// The built CDN bundle in browsers older than the ones the tests run in: CSS read as an older
// engine reads it and the JS APIs Safari 15.0 lacks deleted (tests/fixtures/pages/floor-simulation.js),
// in a 360 px phone header beside a logo. Then a page whose script never runs.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { REFERENCE_TEXTS } from '../support/reference-texts.js';
import { contrastOf } from '../support/contrast.js';
import { loadFrame, settledRow, stationParts, whereCut } from '../support/layout.js';

const text = (node: Element | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function stripShown(doc: Document): Promise<HTMLElement> {
  const strip = doc.querySelector<HTMLElement>('weather-strip')!;
  await doc.defaultView!.customElements.whenDefined('weather-strip');
  for (let i = 0; i < 100 && (strip.shadowRoot?.querySelectorAll('ul.list > li').length ?? 0) < 16; i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return strip;
}

describe('<weather-strip> in older browsers', function () {
  this.timeout(30_000);

  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  for (const [floor, name] of [
    ['old-colours', 'without light-dark(), color-mix() or container queries'],
    ['safari-15.0', 'as Safari 15.0 and Chrome 85 read it, without the JS APIs they lack'],
  ] as const) {
    describe(name, () => {
      it('renders every station, one whole in view at 360 px beside a logo, nothing wider than the phone', async () => {
        const doc = await loadFrame(`/tests/fixtures/pages/floor.html?floor=${floor}`, 360, 400);
        const strip = await stripShown(doc);
        const root = strip.shadowRoot!;
        if (floor === 'safari-15.0') {
          // The simulation took: no Object.hasOwn, and Lit fell back to <style> elements.
          expect('hasOwn' in doc.defaultView!.Object).to.equal(false);
          expect(root.querySelector('style')).to.not.equal(null);
        }
        expect([...root.querySelectorAll('ul.list > li')].map(text)).to.deep.equal(REFERENCE_TEXTS);
        expect(text(root.querySelector('[part="date"]'))).to.equal('2025.08.01 (금)');
        const row = settledRow(root);
        expect(row, 'a station at rest in the window').to.not.equal(undefined);
        const cut = stationParts(row!).flatMap((part) => whereCut(part, doc.defaultView!));
        expect(cut).to.deep.equal([]);
        expect(doc.documentElement.scrollWidth).to.be.at.most(360);
        const header = doc.querySelector('header')!.getBoundingClientRect();
        expect(strip.getBoundingClientRect().right).to.be.at.most(header.right + 0.5);
      });

      it("keeps coherent colours, the pause button's border and a visible focus ring", async () => {
        const doc = await loadFrame(`/tests/fixtures/pages/floor.html?floor=${floor}`, 360, 400);
        const strip = await stripShown(doc);
        const root = strip.shadowRoot!;
        for (const selector of ['[part="date"]', 'ul.list .name', 'ul.list .temp'])
          expect(contrastOf(root.querySelector(selector)!), selector).to.be.at.least(4.5);
        for (const selector of ['ul.list .sky', '[part="attribution"]'])
          expect(contrastOf(root.querySelector(selector)!), selector).to.be.at.least(3);
        const button = root.querySelector<HTMLButtonElement>('[part="pause-button"]')!;
        const style = getComputedStyle(button);
        expect(style.borderTopStyle, 'button border').to.equal('solid');
        expect(parseFloat(style.borderTopWidth)).to.be.at.least(1);
        expect(contrastOf(button, 'borderTopColor'), 'button border').to.be.at.least(3);
        // From the keyboard, as a reader reaches it: Tab into the page.
        doc.defaultView!.focus();
        await sendKeys({ press: 'Tab' });
        expect(root.activeElement, 'focused by Tab').to.equal(button);
        const ring = getComputedStyle(button);
        expect(ring.outlineStyle, 'focus ring').to.not.equal('none');
        expect(parseFloat(ring.outlineWidth), 'focus ring').to.be.at.least(2);
        expect(contrastOf(button, 'outlineColor'), 'focus ring').to.be.at.least(3);
      });
    });
  }

  describe('below the floor, where the script never runs', () => {
    it("shows the stations' own text in the box the README's rule reserves, never a blank box", async () => {
      const doc = await loadFrame('/tests/fixtures/pages/no-script.html', 760, 400);
      expect(doc.defaultView!.customElements.get('weather-strip')).to.equal(undefined);
      for (const strip of doc.querySelectorAll('weather-strip')) {
        const box = strip.getBoundingClientRect();
        expect(box.width, 'width').to.be.greaterThan(100);
        expect(box.height, 'height').to.be.greaterThan(20);
        // At least the first station is whole inside the box, and readable.
        const first = strip.querySelector('weather-station')!;
        expect(whereCut(first, doc.defaultView!)).to.deep.equal([]);
        const line = first.getBoundingClientRect();
        expect(line.left).to.be.at.least(box.left - 0.5);
        expect(line.right).to.be.at.most(box.right + 0.5);
        expect(contrastOf(first)).to.be.at.least(4.5);
        expect((strip as HTMLElement).innerText).to.contain('흐림 동두천 29.3℃');
      }
    });
  });
});
