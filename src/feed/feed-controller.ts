import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeedErrorDetail } from './feed-events.js';
import { nextTask } from './next-task.js';
import { summarizeProblems, type ValidationResult } from './problems.js';
import { FEED_TIMEOUT, sharedFeed, type FeedSubscriber, type SharedFeed } from './shared-feed.js';

/** What a {@link FeedController} reads from its element; the functions are called when it needs the value. */
export interface FeedControllerOptions<T> {
  /** Validates the parsed JSON of the URL, and the `data` object. */
  readonly validate: (input: unknown) => ValidationResult<T>;
  /** The feed's URL (`src`), read on connection and on every update; empty loads nothing. */
  readonly url: () => string | undefined;
  /** The feed as an object (`data`), which wins over the URL's while it is valid. */
  readonly data?: () => unknown;
  /** Seconds between re-fetches, read on every update; `0` (the default) never re-fetches. */
  readonly refresh?: () => number;
  /** Milliseconds before a request is abandoned as a `timeout`. */
  readonly timeout?: number;
  /** Called with every new usable feed from the URL (never for an unchanged one). */
  readonly onLoad: (feed: T) => void;
  /** Called with every failure of the URL, and with the problems of a feed that was used in part. */
  readonly onError: (detail: FeedErrorDetail) => void;
}

/** The element a {@link FeedController} serves. */
type FeedHost = ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean };

/**
 * Where an element's content comes from, in order of precedence: the `data` object when it is
 * valid, else the last good feed of the `src` URL; without either, the element shows its own
 * content (its children or its attributes).
 *
 * `data` is validated once per object, with a console warning naming what was left out. The URL
 * is loaded through the feed shared by every element that shows it (see {@link SharedFeed}): a
 * timeout, cancellation when the URL changes or the element leaves the page, a re-fetch every
 * `refresh` seconds with conditional requests, backoff after failures, no polling while the page
 * or the element is hidden. The last good feed stays after any failure, and goes with the URL.
 */
export class FeedController<T> implements ReactiveController {
  readonly #host: FeedHost;
  readonly #options: FeedControllerOptions<T>;
  readonly #subscriber: FeedSubscriber;
  #url: string | undefined;
  #feed: SharedFeed | undefined;
  #connected = false;
  #seen = 0;
  #loaded: T | undefined;
  #data: unknown;
  #validData: T | undefined;
  #lastRefresh = 0;
  #requestFailed = false;
  #rejected = false;
  #hiddenAttribute: MutationObserver | undefined;

  constructor(host: FeedHost, options: FeedControllerOptions<T>) {
    this.#host = host;
    this.#options = options;
    this.#subscriber = {
      get hidden() {
        return host.hidden;
      },
      get refreshMs() {
        const seconds = options.refresh?.() ?? 0;
        return seconds > 0 ? seconds * 1000 : 0;
      },
      timeout: options.timeout ?? FEED_TIMEOUT,
      deliver: (feed) => this.#afterFirstRender(feed, () => this.#deliver(feed)),
      fail: (detail) => this.#afterFirstRender(this.#feed, () => this.#fail(detail)),
    };
    host.addController(this);
  }

  /** The content to show: `data` while it is valid, else the URL's last good feed. */
  get value(): T | undefined {
    return this.#dataValue ?? this.#loaded;
  }

  /** Where {@link value} comes from: `data`, the `src` URL, or neither. */
  get origin(): 'data' | 'src' | undefined {
    return this.#dataValue ? 'data' : this.#loaded ? 'src' : undefined;
  }

  /**
   * Whether the URL's feed failed while it is what the element shows: its last check failed, or
   * the body it serves is unusable. Cleared by the next good answer.
   */
  get failed(): boolean {
    return !this.#dataValue && (this.#requestFailed || this.#rejected);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#setUrl(this.#options.url());
    this.#join();
    // Showing the element again brings a check that fell due while it was hidden.
    this.#hiddenAttribute ??= new MutationObserver(() => this.#feed?.schedule());
    this.#hiddenAttribute.observe(this.#host, { attributes: true, attributeFilter: ['hidden'] });
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#hiddenAttribute?.disconnect();
    this.#leave();
  }

  hostUpdate(): void {
    this.#setUrl(this.#options.url());
    const refresh = this.#subscriber.refreshMs;
    if (refresh !== this.#lastRefresh) {
      this.#lastRefresh = refresh;
      this.#feed?.schedule();
    }
  }

  /** Resolves when no request for the current URL is in flight. */
  settled(): Promise<void> {
    return this.#feed?.settled() ?? Promise.resolve();
  }

  /** The valid part of `data`, validated (and warned about) once per object. */
  get #dataValue(): T | undefined {
    const data = this.#options.data?.();
    if (data !== this.#data) {
      this.#data = data;
      this.#validData = data === undefined || data === null ? undefined : this.#validate(data);
    }
    return this.#validData;
  }

  #validate(data: unknown): T | undefined {
    const { value, problems } = this.#options.validate(data);
    if (problems.length > 0) console.warn(`<${this.#host.localName}> data: ${summarizeProblems(problems)}`);
    return value;
  }

  /** Loads `url` unless it is already loaded or loading; none stops loading and forgets the feed. */
  #setUrl(url: string | undefined): void {
    if (url === '') url = undefined;
    if (url === this.#url) return;
    this.#leave();
    this.#url = url;
    this.#seen = 0;
    if (!url) this.#loaded = undefined;
    this.#setFailed(false, false);
    this.#join();
  }

  #join(): void {
    if (!this.#connected || !this.#url || this.#feed) return;
    this.#feed = sharedFeed(this.#url);
    this.#lastRefresh = this.#subscriber.refreshMs;
    this.#feed.join(this.#subscriber);
  }

  #leave(): void {
    this.#feed?.leave(this.#subscriber);
    this.#feed = undefined;
  }

  /**
   * Runs `handle` now, or, when the answer comes before the element's first render (a cached
   * feed can), in a task after that render: listeners added once the element has rendered still
   * hear it. An answer for a feed the element has left meanwhile is dropped.
   */
  #afterFirstRender(feed: SharedFeed | undefined, handle: () => void): void {
    if (this.#host.hasUpdated) handle();
    else
      void this.#host.updateComplete.then(nextTask).then(() => {
        if (this.#feed === feed) handle();
      });
  }

  /** The shared feed answered: a new body, or the one already seen. */
  #deliver(feed: SharedFeed): void {
    if (feed.version === this.#seen) {
      this.#setFailed(false, this.#rejected);
      return;
    }
    this.#seen = feed.version;
    const { value, problems } = feed.validated(this.#options.validate);
    this.#setFailed(false, value === undefined);
    if (value !== undefined) {
      this.#loaded = value;
      this.#host.requestUpdate();
      this.#options.onLoad(value);
    }
    if (problems.length > 0) {
      const verdict = value === undefined ? 'rejected' : 'used in part';
      this.#options.onError({
        kind: 'schema',
        status: feed.status,
        message: `${feed.url}: ${verdict}: ${summarizeProblems(problems)}`,
        problems,
      });
    }
  }

  /** The shared feed's check failed. */
  #fail(detail: FeedErrorDetail): void {
    this.#setFailed(true, this.#rejected);
    this.#options.onError(detail);
  }

  #setFailed(requestFailed: boolean, rejected: boolean): void {
    const before = this.#requestFailed || this.#rejected;
    this.#requestFailed = requestFailed;
    this.#rejected = rejected;
    if ((requestFailed || rejected) !== before) this.#host.requestUpdate();
  }
}
