// A server (Node, for rendering) has no HTMLElement: the class must still load there.
const Base = (globalThis.HTMLElement ?? Object) as typeof HTMLElement;

/**
 * One station's reading, declared in HTML inside `<weather-strip>`. Its text content is what
 * readers see before the script runs (and without it); the strip reads only its attributes.
 *
 * @summary Declarative data for one station of a `<weather-strip>`.
 * @tagname weather-station
 *
 * @attr {string} station - KMA ASOS station number; a known number fills in the name.
 * @attr {string} name - Station name, e.g. `서울`.
 * @attr {string} sky - A sky code (`overcast`) or a KMA Korean label (`흐림`).
 * @attr {string} temp - Air temperature in °C, e.g. `32.3`; empty or absent means missing.
 *
 * @slot - Fallback text shown before the strip is defined, e.g. `흐림 서울 32.3℃`.
 */
export class WeatherStation extends Base {
  // A static getter, not a static field: TypeScript makes that a class static block, which
  // browsers of the floor lack and the CDN build would have to rewrite.
  /** Attributes whose changes update the parent strip. */
  static get observedAttributes(): string[] {
    return ['station', 'name', 'sky', 'temp'];
  }

  /** KMA ASOS station number (the `station` attribute). */
  get station(): string | null {
    return this.getAttribute('station');
  }
  set station(value: string | null) {
    this.#reflect('station', value);
  }

  /** Station name (the `name` attribute). */
  get name(): string | null {
    return this.getAttribute('name');
  }
  set name(value: string | null) {
    this.#reflect('name', value);
  }

  /** Sky code or KMA label (the `sky` attribute). */
  get sky(): string | null {
    return this.getAttribute('sky');
  }
  set sky(value: string | null) {
    this.#reflect('sky', value);
  }

  /** Temperature in °C, as written (the `temp` attribute). */
  get temp(): string | null {
    return this.getAttribute('temp');
  }
  set temp(value: string | null) {
    this.#reflect('temp', value);
  }

  /** Each property reflects its attribute; `null` removes it. */
  #reflect(name: string, value: string | null): void {
    if (value === null) this.removeAttribute(name);
    else this.setAttribute(name, value);
  }
}
