import type { WeatherStrip } from '../../src/index.js';
import type { WeatherFeed } from '../../src/feed/weather-feed.js';
import reference from '../../demo/data/reference-weather.json';

/** The reference page's feed (a fresh copy each time). */
export function referenceFeed(): WeatherFeed {
  return structuredClone(reference) as WeatherFeed;
}

export { REFERENCE_TEXTS } from './reference-texts.js';

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of each listed station (the real list, not the loop clones). */
export function stationTexts(el: WeatherStrip): string[] {
  return [...el.shadowRoot!.querySelectorAll('ul.list > li')].map(text);
}

/** Text of a part of the strip. */
export function partText(el: WeatherStrip, part: string): string {
  return text(el.shadowRoot!.querySelector(`[part~="${part}"]`));
}

/** The element that moves. */
export function track(el: WeatherStrip): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('.track')!;
}

/** The pause/play button, if shown. */
export function pauseButton(el: WeatherStrip): HTMLButtonElement | null {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('[part="pause-button"]');
}

/** Resolves after two animation frames: observers and transitions have had their turn. */
export function frames(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}
