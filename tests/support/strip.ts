import type { WeatherStrip } from '../../src/index.js';
import type { WeatherFeed } from '../../src/feed/weather-feed.js';
import reference from '../../src/kma/reference-weather.json';

/** The reference page's feed (a fresh copy each time). */
export function referenceFeed(): WeatherFeed {
  return structuredClone(reference) as WeatherFeed;
}

/** The reference page's 16 stations as it prints them. */
export const REFERENCE_TEXTS = [
  '흐림 동두천 29.3℃',
  '흐림 강릉 30.6℃',
  '흐림 서울 32.3℃',
  '구름많음 대전 30.7℃',
  '구름조금 대구 32.7℃',
  '구름많음 울산 30.7℃',
  '구름조금 광주 31.8℃',
  '맑음 부산 32.0℃',
  '구름조금 고창 32.7℃',
  '구름조금 제주 31.6℃',
  '흐림 강화 30.0℃',
  '흐림 보은 29.2℃',
  '구름많음 금산 31.4℃',
  '구름조금 강진군 31.5℃',
  '맑음 경주시 32.0℃',
  '맑음 거제 31.0℃',
];

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
