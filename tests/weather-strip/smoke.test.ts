import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { WeatherStrip } from '../../src/index.js';
import reference from '../../src/kma/reference-weather.json';
import type { WeatherFeed } from '../../src/feed/weather-feed.js';

describe('smoke', () => {
  it('renders', async () => {
    const el = await fixture<WeatherStrip>(html`<weather-strip .data=${reference as WeatherFeed}></weather-strip>`);
    const items = el.shadowRoot!.querySelectorAll('li');
    expect(items.length).to.equal(16);
    expect(items[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('흐림 동두천 29.3℃');
  });
});
