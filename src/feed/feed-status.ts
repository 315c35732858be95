/** Whether an element's feed is current: `stale` (observed too long ago) or `failed` (the last check failed). */
export type FeedStatus = 'ok' | 'stale' | 'failed';

/** The part of a Lit element a {@link FeedStatusController} uses (no Lit import: Node runs this). */
interface StatusHost {
  addController(controller: object): void;
  requestUpdate(): void;
  /** A `hidden` element arms no timer; it updates again when shown. */
  readonly hidden?: boolean;
}

/** What the status is computed from, read on every host update. */
export interface FeedStatusOptions {
  /** Whether the last check of the feed failed. */
  readonly failed: () => boolean;
  /** When the data shown was observed (ISO 8601), if known. */
  readonly observedAt: () => string | undefined;
  /** Minutes after `observedAt` at which the data is stale; `0` or less: never. */
  readonly staleAfter: () => number;
}

/**
 * Works out an element's {@link FeedStatus} on each update, and updates the element again at
 * the moment its data turns stale, so that the mark appears without a new feed.
 */
export class FeedStatusController {
  /** The status for the current render. */
  status: FeedStatus = 'ok';
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #host: StatusHost;
  readonly #options: FeedStatusOptions;

  constructor(host: StatusHost, options: FeedStatusOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    clearTimeout(this.#timer);
    const { failed, observedAt, staleAfter } = this.#options;
    const minutes = staleAfter();
    const at = Date.parse(observedAt() ?? '');
    const staleAt = minutes > 0 && at ? at + minutes * 60_000 : Infinity;
    const left = staleAt - Date.now();
    this.status = failed() ? 'failed' : left <= 0 ? 'stale' : 'ok';
    // Timers hold at most 2^31 - 1 ms; a later moment is checked again at the next update.
    if (!this.#host.hidden && left > 0 && left < 2 ** 31)
      this.#timer = setTimeout(() => this.#host.requestUpdate(), left);
  }

  hostConnected(): void {
    // Time went by while away from the page.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }
}
