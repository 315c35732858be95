import { expect } from '@open-wc/testing';

/** A site's own element that happens to use one of the library's tag names. */
class SitesOwnCard extends HTMLElement {}

const errors: unknown[] = [];
addEventListener('error', (event) => errors.push(event.error));
addEventListener('unhandledrejection', (event) => errors.push(event.reason));

// The site's element comes first, then the library from npm, then a second copy from the CDN:
// nothing may throw, and the first definition of each tag wins.
customElements.define('article-card', SitesOwnCard);
const library = await import('../../src/index.js');
const define = await import('../../src/define/define.js');
const cdnBundle = '/dist/cdn/weather-strip.js';

describe('registration', () => {
  it("leaves a tag the page defined first to the page's own element", () => {
    expect(customElements.get('article-card')).to.equal(SitesOwnCard);
    expect(customElements.get('weather-strip')).to.equal(library.WeatherStrip);
    expect(customElements.get('weather-station')).to.equal(library.WeatherStation);
  });

  it('never throws when a tag is registered twice', () => {
    expect(() => define.define('weather-strip', class extends library.WeatherStrip {})).not.to.throw();
    expect(() => define.define('weather-strip', library.WeatherStrip)).not.to.throw();
    expect(customElements.get('weather-strip')).to.equal(library.WeatherStrip);
  });

  it('loads a second copy of the library (the CDN bundle) without an error, keeping the first', async () => {
    await import(/* @vite-ignore */ cdnBundle);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors).to.deep.equal([]);
    expect(customElements.get('weather-strip')).to.equal(library.WeatherStrip);
    expect(customElements.get('article-card')).to.equal(SitesOwnCard);
  });

  it('still renders a strip after the second copy loaded', async () => {
    const strip = document.createElement('weather-strip');
    strip.data = {
      version: 1,
      observedAt: '2025-08-01T15:00:00+09:00',
      stations: [{ id: 108, sky: '흐림', temp: 32.3 }],
    };
    document.body.append(strip);
    await strip.updateComplete;
    expect(
      strip.shadowRoot!.querySelector('[part="station"]')!.textContent!.replace(/\s+/g, ' ').trim(),
    ).to.equal('흐림 서울 32.3℃');
    strip.remove();
  });
});
