import { expect, fixture, html } from '@open-wc/testing';
import { ArticleCard, WeatherStation, WeatherStrip } from '../../src/classes.js';
import type { WeatherFeed } from '../../src/classes.js';

// Only the classes are imported: nothing is registered until the site says so.
const FEED: WeatherFeed = {
  version: 1,
  observedAt: '2025-08-01T15:00:00+09:00',
  stations: [
    { id: 108, sky: '흐림', temp: 32.3 },
    { id: 159, sky: '맑음', temp: 32.0 },
  ],
};

const text = (node: Element | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Whether the browser has scoped custom element registries (`new CustomElementRegistry()`). */
function hasScopedRegistries(): boolean {
  try {
    new CustomElementRegistry();
    return true;
  } catch {
    return false;
  }
}

describe('classes under other tag names', () => {
  before(() => {
    customElements.define('news-weather', WeatherStrip);
    customElements.define('news-station', WeatherStation);
    customElements.define('news-article', ArticleCard);
  });

  it('registers nothing on import', () => {
    expect(customElements.get('weather-strip')).to.equal(undefined);
    expect(customElements.get('weather-station')).to.equal(undefined);
    expect(customElements.get('article-card')).to.equal(undefined);
  });

  it('renders a strip as <news-weather> from data', async () => {
    const strip = await fixture<WeatherStrip>(html`<news-weather interval="1" .data=${FEED}></news-weather>`);
    const root = strip.shadowRoot!;
    expect([...root.querySelectorAll('ul > li')].map(text)).to.deep.equal([
      '흐림 서울 32.3℃',
      '맑음 부산 32.0℃',
    ]);
    expect(root.querySelector('[part="pause-button"]')).to.be.instanceOf(HTMLButtonElement);
    expect(strip.stationCount).to.equal(2);
  });

  it('reads <weather-station> children even when that tag is not registered', async () => {
    const strip = await fixture<WeatherStrip>(
      html`<news-weather mode="static">
        <weather-station station="159" sky="맑음" temp="32.0">맑음 부산 32.0℃</weather-station>
      </news-weather>`,
    );
    expect([...strip.shadowRoot!.querySelectorAll('ul > li')].map(text)).to.deep.equal(['맑음 부산 32.0℃']);
  });

  it('reads <news-station> children and follows them as they change', async () => {
    const strip = await fixture<WeatherStrip>(
      html`<news-weather mode="static">
        <news-station station="108" sky="흐림" temp="32.3">흐림 서울 32.3℃</news-station>
        <news-station station="159" sky="맑음" temp="32.0">맑음 부산 32.0℃</news-station>
      </news-weather>`,
    );
    const shown = (): string[] => [...strip.shadowRoot!.querySelectorAll('ul > li')].map(text);
    const settled = async (): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve));
      await strip.updateComplete;
    };
    expect(shown()).to.deep.equal(['흐림 서울 32.3℃', '맑음 부산 32.0℃']);
    const seoul = strip.querySelector<WeatherStation>('news-station')!;
    seoul.temp = '30.1';
    await settled();
    expect(shown()).to.deep.equal(['흐림 서울 30.1℃', '맑음 부산 32.0℃']);
    const jeju = document.createElement('news-station') as WeatherStation;
    Object.assign(jeju, { station: '184', sky: '비', temp: '27.5' });
    strip.append(jeju);
    seoul.remove();
    await settled();
    expect(shown()).to.deep.equal(['맑음 부산 32.0℃', '비 제주 27.5℃']);
  });

  it('gives <news-station> its property accessors', async () => {
    const station = await fixture<WeatherStation>(html`<news-station station="108"></news-station>`);
    expect(station).to.be.instanceOf(WeatherStation);
    station.temp = '30.1';
    expect(station.getAttribute('temp')).to.equal('30.1');
  });

  it('renders an article card as <news-article>', async () => {
    const card = await fixture<ArticleCard>(html`<news-article headline="제목" deck="부제"></news-article>`);
    expect(text(card.shadowRoot!.querySelector('[part="headline"]'))).to.equal('제목');
    expect(text(card.shadowRoot!.querySelector('[part="deck"]'))).to.equal('부제');
  });

  it('works in a scoped registry where the browser has one, beside the global tags', async () => {
    if (!hasScopedRegistries()) {
      // No scoped registries: the global registry above is the way, and nothing is polyfilled.
      expect(typeof (globalThis as { CustomElementRegistry?: unknown }).CustomElementRegistry).to.equal(
        'function',
      );
      expect(customElements.get('news-weather')).to.equal(WeatherStrip);
      return;
    }
    const registry = new CustomElementRegistry();
    registry.define('weather-strip', class extends WeatherStrip {});
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open', customElementRegistry: registry } as ShadowRootInit);
    const strip = document.createElement('weather-strip', {
      customElementRegistry: registry,
    } as ElementCreationOptions);
    root.append(strip);
    expect(strip).to.be.instanceOf(WeatherStrip);
    (strip as WeatherStrip).data = FEED;
    await (strip as WeatherStrip).updateComplete;
    expect(text(strip.shadowRoot!.querySelector('ul > li'))).to.equal('흐림 서울 32.3℃');
    expect(customElements.get('weather-strip')).to.equal(undefined);
  });
});
