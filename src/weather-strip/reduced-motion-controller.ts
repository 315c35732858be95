import type { ReactiveController, ReactiveControllerHost } from 'lit';

const QUERY = '(prefers-reduced-motion: reduce)';

/**
 * Tracks the reader's `prefers-reduced-motion` setting and asks the host to update when it
 * changes. Browsers without `matchMedia` count as no preference.
 */
export class ReducedMotionController implements ReactiveController {
  /** Whether the reader asked for reduced motion. */
  reduce = false;

  readonly #host: ReactiveControllerHost;
  #media: MediaQueryList | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#media = typeof matchMedia === 'function' ? matchMedia(QUERY) : undefined;
    this.reduce = this.#media?.matches ?? false;
    this.#media?.addEventListener('change', this.#handleChange);
  }

  hostDisconnected(): void {
    this.#media?.removeEventListener('change', this.#handleChange);
    this.#media = undefined;
  }

  readonly #handleChange = (event: MediaQueryListEvent): void => {
    this.reduce = event.matches;
    this.#host.requestUpdate();
  };
}
