import { expect } from '@open-wc/testing';
import { REFERENCE_TEXTS } from '../support/reference-texts.js';
import { until } from '../support/until.js';

// The built designer's page (dist-demo/, made by `npm run build:demo`) in each engine.

const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the designer\'s page', function () {
  this.timeout(30_000);
  let frame: HTMLIFrameElement;
  let doc: Document;

  before(async () => {
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1280px; height: 900px; border: 0';
    document.body.append(frame);
    await new Promise((resolve) => {
      frame.addEventListener('load', resolve, { once: true });
      frame.src = '/dist-demo/index.html';
    });
    doc = frame.contentDocument!;
    await until(() => doc.querySelector('#preview-strip')?.shadowRoot?.querySelectorAll('ul > li').length, 'the strip');
  });

  after(() => frame.remove());

  const strip = () => doc.querySelector('#preview-strip')!;

  it('shows the reference strip and the sample article', () => {
    expect(text(strip().shadowRoot!.querySelector('[part="date"]'))).to.equal('2025.08.01 (금)');
    expect([...strip().shadowRoot!.querySelectorAll('ul > li')].map(text)).to.deep.equal(REFERENCE_TEXTS);
    expect(text(doc.querySelector('#preview-card')!.shadowRoot!.querySelector('[part="category"]'))).to.equal('장애인');
  });

  it('applies a changed control to the element', async () => {
    const select = doc.querySelector<HTMLSelectElement>('#weather-strip-mode')!;
    select.value = 'static';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    select.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => strip().getAttribute('mode') === 'static', 'mode="static"');
    expect(doc.querySelector<HTMLTextAreaElement>('#embed-code')!.value).to.include('mode="static"');
  });

  it('lists the problems of an invalid feed by path', async () => {
    const editor = doc.querySelector<HTMLTextAreaElement>('#feed-text')!;
    editor.value = '{ "version": 1, "observedAt": "yesterday", "stations": [{ "id": 108, "temp": "hot" }] }';
    editor.dispatchEvent(new Event('input', { bubbles: true }));
    const items = await until(() => {
      const found = [...doc.querySelectorAll('#feed-status li')].map(text);
      return found.length > 0 ? found : undefined;
    }, 'the problems');
    expect(items.some((item) => item.startsWith('observedAt'))).to.be.true;
    expect(items.some((item) => item.startsWith('stations[0].temp'))).to.be.true;
  });
});
