import { html, nothing, type TemplateResult } from 'lit';
import type { StripMode } from './motion-controller.js';
import { skyIcon } from './sky-icons.js';
import type { StationView } from './station-view.js';
import { formatTemperature, type Unit } from '../format/temperature.js';

/** What one station shows: its sky icon and label, its name, its temperature. */
export function stationContent(view: StationView, unit: Unit): TemplateResult {
  return html`${skyIcon(view.sky)}<span part="sky" class="sky">${view.skyLabel}</span>
    <span part="name" class="name">${view.name}</span>
    <span part="temp" class="temp">${formatTemperature(view.temp, unit)}</span>`;
}

/**
 * The copies a seamless loop needs after the list: the first station again in `roll` (the last
 * step slides onto it, then jumps back), the whole list again in `marquee`. Copies are inert and
 * hidden from assistive technology, which reads every station once, in the list.
 */
export function loopClones(
  views: readonly StationView[],
  motion: StripMode,
  unit: Unit,
): TemplateResult | typeof nothing {
  const [first] = views;
  if (motion === 'roll' && first && views.length > 1) {
    return html`<div class="clone" aria-hidden="true" inert>
      <div part="station" class="station">${stationContent(first, unit)}</div>
    </div>`;
  }
  if (motion === 'marquee' && first) {
    return html`<div part="list" class="list clone" aria-hidden="true" inert>
      ${views.map((view) => html`<div part="station" class="station">${stationContent(view, unit)}</div>`)}
    </div>`;
  }
  return nothing;
}
