import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { SkyCode } from '../kma/sky.js';

// Shapes on a 24×24 grid, stroked in currentColor; the sun takes the accent colour.
const sun = svg`<g class="sun"><circle cx="12" cy="12" r="4.5"/><path d="M12 2v2.5M12 19.5V22M2 12h2.5M19.5 12H22M4.9 4.9l1.8 1.8M17.3 17.3l1.8 1.8M4.9 19.1l1.8-1.8M17.3 6.7l1.8-1.8"/></g>`;
const smallSun = svg`<g class="sun"><circle cx="8" cy="8" r="3.2"/><path d="M8 1.5v1.6M1.5 8h1.6M3.4 3.4l1.1 1.1M12.6 3.4l-1.1 1.1"/></g>`;
const cloud = svg`<path d="M7.5 18.5h9.5a4 4 0 0 0 .4-8 5.5 5.5 0 0 0-10.6 1.6A3.2 3.2 0 0 0 7.5 18.5z"/>`;
const highCloud = svg`<path d="M7.5 14.5h9.5a4 4 0 0 0 .4-8 5.5 5.5 0 0 0-10.6 1.6A3.2 3.2 0 0 0 7.5 14.5z"/>`;
const drops = svg`<path d="M8 17.5l-1 3M12 17.5l-1 3M16 17.5l-1 3"/>`;
const fineDrops = svg`<path d="M8 18v.5M12 18v.5M16 18v.5M10 21v.5M14 21v.5"/>`;
const flakes = svg`<path d="M8 18.5v2M7 19.5h2M12 18.5v2M11 19.5h2M16 18.5v2M15 19.5h2"/>`;
const bolt = svg`<path d="M12.5 15.5l-2 3.5h3l-2 3.5"/>`;
const lines = svg`<path d="M4 9h16M3 13h18M5 17h14"/>`;

const ICONS: Record<SkyCode, SVGTemplateResult> = {
  clear: sun,
  'partly-cloudy': svg`${smallSun}${cloud}`,
  'mostly-cloudy': svg`${smallSun}${cloud}<path d="M14 9.5a5.5 5.5 0 0 1 3.4 1"/>`,
  overcast: cloud,
  rain: svg`${highCloud}${drops}`,
  drizzle: svg`${highCloud}${fineDrops}`,
  shower: svg`${smallSun}${highCloud}${drops}`,
  snow: svg`${highCloud}${flakes}`,
  sleet: svg`${highCloud}<path d="M8 17.5l-1 3M16 17.5l-1 3"/><path d="M12 18.5v2M11 19.5h2"/>`,
  thunderstorm: svg`${highCloud}${bolt}`,
  fog: lines,
  mist: svg`<path d="M4 10h16M6 14h12"/>`,
  haze: svg`<circle cx="12" cy="8" r="3"/><path d="M4 14h16M6 18h12"/>`,
  dust: svg`<path d="M4 9h10a2 2 0 1 0-2-2M4 13h14a2.5 2.5 0 1 1-2.5 2.5M4 17h6"/>`,
  unknown: svg`<circle cx="12" cy="12" r="8"/><path d="M9.8 9.5a2.3 2.3 0 1 1 3.2 2.1c-.6.3-1 .8-1 1.5v.4M12 16.5v.5"/>`,
};

/** The decorative icon of a sky code: an `aria-hidden` SVG that takes `currentColor`. */
export function skyIcon(code: SkyCode): TemplateResult {
  return html`<svg part="icon" class="icon" viewBox="0 0 24 24" aria-hidden="true">${ICONS[code]}</svg>`;
}
