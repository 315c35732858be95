import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { summarizeProblems, type FeedProblem } from '../feed/problems.js';
import { validateReading, type WeatherReading } from '../feed/weather-feed.js';
import { WeatherStation } from './weather-station.js';

/**
 * Whether a child of the strip declares a station: a {@link WeatherStation} under whatever tag
 * the page registered it, or a `<weather-station>` whose class is not registered (yet).
 */
function isStation(child: Element): boolean {
  return child instanceof WeatherStation || child.localName === 'weather-station';
}

/**
 * Turns a `<weather-station>`'s attributes into the feed's station shape, so that declared
 * stations pass through the same validation as feeds.
 */
function readStationElement(element: Element): Record<string, unknown> {
  const station = element.getAttribute('station')?.trim();
  const temp = element.getAttribute('temp')?.trim();
  const reading: Record<string, unknown> = {
    name: element.getAttribute('name') ?? undefined,
    sky: element.getAttribute('sky') ?? undefined,
    temp: temp ? Number(temp) : null,
  };
  if (station) reading.id = /^\d+$/.test(station) ? Number(station) : station;
  if (temp && Number.isNaN(reading.temp)) reading.temp = temp;
  return reading;
}

/**
 * The readings a strip's station children declare, validated like a feed's. They are read
 * again after a child is added or removed or changes one of its attributes, and not when the
 * strip's own attributes change (`paused` does on every hover and focus).
 */
export class StationChildrenController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #readings: WeatherReading[] = [];
  #stale = true;
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The valid readings, in document order; a console warning names the children left out. */
  get readings(): WeatherReading[] {
    if (this.#stale && this.#host.isConnected) {
      this.#stale = false;
      this.#readings = this.#read();
    }
    return this.#readings;
  }

  hostConnected(): void {
    // Created here, not in the constructor, so that the element also renders on a server.
    this.#observer ??= new MutationObserver(this.#handleMutations);
    this.#observer.observe(this.#host, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: WeatherStation.observedAttributes,
    });
    this.#stale = true;
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  readonly #handleMutations = (records: MutationRecord[]): void => {
    const host = this.#host;
    // Attributes are watched through the subtree: only the children's count.
    const childrenChanged = records.some((record) =>
      record.type === 'childList' ? record.target === host : record.target.parentNode === host,
    );
    if (!childrenChanged) return;
    this.#stale = true;
    host.requestUpdate();
  };

  #read(): WeatherReading[] {
    const problems: FeedProblem[] = [];
    const readings: WeatherReading[] = [];
    const stations = [...this.#host.children].filter(isStation);
    stations.forEach((station, i) => {
      const reading = validateReading(readStationElement(station), `weather-station[${i}]`, problems);
      if (reading) readings.push(reading);
    });
    if (problems.length > 0)
      console.warn(`<${this.#host.localName}> stations: ${summarizeProblems(problems)}`);
    return readings;
  }
}
