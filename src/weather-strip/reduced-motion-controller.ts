import type { ReactiveController, ReactiveControllerHost } from 'lit';

const QUERY = '(prefers-reduced-motion: reduce)';

/** What the controller reads from its element. */
export interface ReducedMotionHost extends ReactiveControllerHost {
  readonly hasUpdated: boolean;
  readonly shadowRoot: ShadowRoot | null;
}

/**
 * Tracks the reader's `prefers-reduced-motion` setting and asks the host to update when it
 * changes. Browsers without `matchMedia` count as no preference.
 */
export class ReducedMotionController implements ReactiveController {
  /** Whether the reader asked for reduced motion. */
  reduce = false;

  readonly #host: ReducedMotionHost;
  #media: MediaQueryList | undefined;

  constructor(host: ReducedMotionHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const media = typeof matchMedia === 'function' ? matchMedia(QUERY) : undefined;
    this.#media = media;
    media?.addEventListener('change', this.#handleChange);
    const serverRendered = !this.#host.hasUpdated && (this.#host.shadowRoot?.hasChildNodes() ?? false);
    if (!serverRendered) {
      this.reduce = media?.matches ?? false;
      return;
    }
    // The server could not know the setting: hydrate what it drew, then apply the setting.
    this.reduce = false;
    void this.#host.updateComplete.then(() => {
      if (this.#media !== media || !media?.matches || this.reduce) return;
      this.reduce = true;
      this.#host.requestUpdate();
    });
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
