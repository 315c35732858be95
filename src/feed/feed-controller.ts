import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeedErrorDetail } from './feed-events.js';
import { summarizeProblems, type ValidationResult } from './problems.js';

/** Largest feed body read, in bytes; a larger one is refused as a `parse` error. */
export const MAX_FEED_BYTES = 2 * 1024 * 1024;
/** Default milliseconds before a request is abandoned as a `timeout`. */
export const FEED_TIMEOUT = 10_000;
/** Milliseconds before the first retry after a failure; each further failure doubles it. */
export const FIRST_RETRY = 5_000;

type Validator = (input: unknown) => ValidationResult<unknown>;

/** What a {@link FeedController} needs from its element. */
export interface FeedControllerOptions<T> {
  /** Validates the parsed JSON. */
  readonly validate: (input: unknown) => ValidationResult<T>;
  /** Called with every new usable feed (never for an unchanged one). */
  readonly onLoad: (feed: T) => void;
  /** Called with every failure, and with the problems of a feed that was used in part. */
  readonly onError: (detail: FeedErrorDetail) => void;
  /** Seconds between re-fetches, read on every host update; `0` (the default) never re-fetches. */
  readonly refresh?: () => number;
  /** Milliseconds before a request is abandoned as a `timeout`. */
  readonly timeout?: number;
}

interface Subscriber {
  readonly refreshMs: number;
  /** A `hidden` element shows nothing: it needs no refresh until it is shown again. */
  readonly hidden: boolean;
  readonly timeout: number;
  deliver(feed: SharedFeed): void;
  fail(detail: FeedErrorDetail): void;
}

const shared = new Map<string, SharedFeed>();

/** Feeds no element shows any more that stay cached, for elements mounted again. */
const IDLE_FEEDS = 8;

/**
 * One URL's feed, shared by every element that shows it: one request, one timer and one copy
 * of the body, however many elements subscribe.
 */
class SharedFeed {
  readonly #users = new Set<Subscriber>();
  readonly validated = new Map<Validator, ValidationResult<unknown>>();
  json: unknown;
  version = 0;
  status = 0;
  error: FeedErrorDetail | undefined;
  #text: string | undefined;
  #etag: string | null = null;
  #modified: string | null = null;
  #checkedAt = 0;
  #failures = 0;
  #retryAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  #idle: Promise<void> = Promise.resolve();

  constructor(readonly url: string) {}

  join(user: Subscriber): void {
    this.#users.add(user);
    if (this.#users.size === 1) document.addEventListener('visibilitychange', this.schedule);
    // A cached outcome arrives in a later task, like a fresh one, so that listeners added
    // right after the element is created still hear it.
    if (this.version > 0 || this.error) {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => {
        port1.close();
        if (!this.#users.has(user)) return;
        if (this.version > 0) user.deliver(this);
        else if (this.error && !this.#abort) user.fail(this.error);
      };
      port2.postMessage(0);
    }
    this.schedule();
  }

  leave(user: Subscriber): void {
    if (!this.#users.delete(user) || this.#users.size > 0) return;
    document.removeEventListener('visibilitychange', this.schedule);
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.#abort = undefined;
    // Keeps this feed as the newest idle one and forgets the oldest beyond IDLE_FEEDS: a
    // single-page app that shows a new article on every view would otherwise keep every feed.
    shared.delete(this.url);
    shared.set(this.url, this);
    let idle = 0;
    for (const other of [...shared.values()].reverse())
      if (other.#users.size === 0 && ++idle > IDLE_FEEDS) shared.delete(other.url);
  }

  /** Resolves when no request is in flight. */
  settled(): Promise<void> {
    return this.#idle;
  }

  get #interval(): number {
    let least = 0;
    for (const user of this.#users)
      if (!user.hidden && user.refreshMs > 0 && (least === 0 || user.refreshMs < least)) least = user.refreshMs;
    return least;
  }

  /** Arms the timer for the next check: now for a first load, then by `refresh` or the backoff. */
  readonly schedule = (): void => {
    clearTimeout(this.#timer);
    if (this.#users.size === 0 || this.#abort) return;
    const first = this.version === 0 && this.#failures === 0;
    const interval = this.#interval;
    if (first) {
      void this.#check();
      return;
    }
    if (interval === 0 || document.hidden) return;
    const due = this.#failures > 0 ? this.#retryAt : this.#checkedAt + interval;
    this.#timer = setTimeout(
      () => {
        if (!document.hidden) void this.#check();
      },
      // Never longer than one wait: a clock set back would otherwise put the check off for as long.
      Math.max(0, Math.min(due - Date.now(), Math.max(interval, 60_000))),
    );
  };

  async #check(): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    let done!: () => void;
    this.#idle = new Promise((resolve) => (done = resolve));
    let timeout = FEED_TIMEOUT;
    for (const user of this.#users) timeout = Math.min(timeout, user.timeout);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, timeout);
    let outcome: boolean | FeedErrorDetail;
    try {
      outcome = await this.#request(abort.signal);
    } catch (error) {
      outcome = timedOut
        ? { kind: 'timeout', message: `${this.url}: no complete answer within ${timeout / 1000} s` }
        : {
            kind: 'network',
            message: `${this.url}: connection failed (${error instanceof Error ? error.message : error})`,
          };
    }
    clearTimeout(timer);
    if (this.#abort === abort) {
      this.#abort = undefined;
      this.#checkedAt = Date.now();
      if (typeof outcome === 'boolean') {
        this.#failures = 0;
        this.error = undefined;
        for (const user of [...this.#users]) user.deliver(this);
      } else {
        this.#failures++;
        this.error = outcome;
        // Exponential backoff with jitter, capped at the refresh interval or a minute.
        const delay = Math.min(Math.max(this.#interval, 60_000), FIRST_RETRY * 2 ** (this.#failures - 1));
        this.#retryAt = this.#checkedAt + delay * (0.5 + Math.random() / 2);
        for (const user of [...this.#users]) user.fail(outcome);
      }
      this.schedule();
    }
    done();
  }

  /** Fetches once: `true` when the body changed, `false` when not, or what went wrong. */
  async #request(signal: AbortSignal): Promise<boolean | FeedErrorDetail> {
    const { url } = this;
    const headers: Record<string, string> = { accept: 'application/json' };
    // Conditional headers are not CORS-safelisted: across origins they would force a preflight
    // that a plain static feed host refuses, so there the browser's cache revalidates instead.
    const sameOrigin = new URL(url).origin === location.origin;
    if (sameOrigin && this.#text !== undefined) {
      if (this.#etag) headers['if-none-match'] = this.#etag;
      if (this.#modified) headers['if-modified-since'] = this.#modified;
    }
    const response = await fetch(url, { signal, headers, cache: sameOrigin ? 'default' : 'no-cache' });
    const { status } = response;
    if (status === 304 && this.#text !== undefined) return false;
    if (!response.ok) {
      void response.body?.cancel();
      return { kind: 'http', status, message: `${url}: HTTP ${status} ${response.statusText}`.trimEnd() };
    }
    const tooLarge: FeedErrorDetail = {
      kind: 'parse',
      status,
      message: `${url}: larger than ${MAX_FEED_BYTES / 1048576} MiB; refused`,
    };
    if (Number(response.headers.get('content-length')) > MAX_FEED_BYTES) {
      void response.body?.cancel();
      return tooLarge;
    }
    const text = await readBody(response);
    if (text === undefined) return tooLarge;
    const etag = response.headers.get('etag');
    const modified = response.headers.get('last-modified');
    if (text === this.#text) {
      this.#etag = etag;
      this.#modified = modified;
      return false;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      const type = response.headers.get('content-type')?.split(';')[0] ?? 'no type';
      const why = text.trim() === '' ? 'empty body' : error instanceof Error ? error.message : 'invalid';
      return { kind: 'parse', status, message: `${url}: not JSON (${type}): ${why}` };
    }
    this.#text = text;
    this.json = json;
    this.#etag = etag;
    this.#modified = modified;
    this.status = status;
    this.version++;
    this.validated.clear();
    return true;
  }
}

/** Reads a body as UTF-8, giving up (`undefined`) past {@link MAX_FEED_BYTES}. */
async function readBody(response: Response): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) {
    const text = await response.text();
    return text.length > MAX_FEED_BYTES ? undefined : text;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FEED_BYTES) {
      void reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Loads a JSON feed from a URL, validates it, and keeps it fresh: a timeout, cancellation when
 * the URL changes or the element leaves the page, a re-fetch every `refresh` seconds with
 * conditional requests (an unchanged feed costs a 304 and no load), exponential backoff with
 * jitter after failures, and no polling while the page is hidden. Elements showing the same URL
 * share requests and responses. The element keeps its last good feed after any failure.
 */
export class FeedController<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: FeedControllerOptions<T>;
  #feed: SharedFeed | undefined;
  #url: string | undefined;
  #connected = false;
  #seen = 0;
  #lastRefresh = 0;
  #requestFailed = false;
  #rejected = false;
  #hiddenAttribute: MutationObserver | undefined;
  readonly #subscriber: Subscriber;

  constructor(host: ReactiveControllerHost, options: FeedControllerOptions<T>) {
    this.#host = host;
    this.#options = options;
    const timeout = options.timeout ?? FEED_TIMEOUT;
    const element = host as Partial<HTMLElement>;
    this.#subscriber = {
      get hidden() {
        return element.hidden === true;
      },
      get refreshMs() {
        const seconds = options.refresh?.() ?? 0;
        return seconds > 0 ? seconds * 1000 : 0;
      },
      timeout,
      deliver: (feed) => this.#deliver(feed),
      fail: (detail) => this.#fail(detail),
    };
    host.addController(this);
  }

  /** Whether the last check failed, or the feed now served is unusable. Cleared by the next good answer. */
  get failed(): boolean {
    return this.#requestFailed || this.#rejected;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#join();
    // Showing the element again brings a check that fell due while it was hidden.
    if (this.#host instanceof Element) {
      this.#hiddenAttribute ??= new MutationObserver(() => this.#feed?.schedule());
      this.#hiddenAttribute.observe(this.#host, { attributes: true, attributeFilter: ['hidden'] });
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#hiddenAttribute?.disconnect();
    this.#leave();
  }

  hostUpdate(): void {
    const refresh = this.#subscriber.refreshMs;
    if (refresh !== this.#lastRefresh) {
      this.#lastRefresh = refresh;
      this.#feed?.schedule();
    }
  }

  /** Loads `url` unless it is already loaded or loading; `undefined` stops loading. */
  setUrl(url: string | undefined): void {
    if (url === this.#url) return;
    this.#leave();
    this.#url = url;
    this.#seen = 0;
    this.#setFailed(false, false);
    if (this.#connected) this.#join();
  }

  /** Resolves when no request for the current URL is in flight. */
  settled(): Promise<void> {
    return this.#feed?.settled() ?? Promise.resolve();
  }

  #leave(): void {
    this.#feed?.leave(this.#subscriber);
    this.#feed = undefined;
  }

  #join(): void {
    if (!this.#url || this.#feed) return;
    let key = this.#url;
    try {
      key = new URL(this.#url, document.baseURI).href;
    } catch {
      // fetch reports the bad URL as a network error.
    }
    let feed = shared.get(key);
    if (!feed) shared.set(key, (feed = new SharedFeed(key)));
    this.#feed = feed;
    this.#lastRefresh = this.#subscriber.refreshMs;
    feed.join(this.#subscriber);
  }

  /** The shared feed answered: a new body, or the one already seen. */
  #deliver(feed: SharedFeed): void {
    if (feed.version === this.#seen) {
      this.#setFailed(false, this.#rejected);
      return;
    }
    this.#seen = feed.version;
    const validate = this.#options.validate as Validator;
    let result = feed.validated.get(validate);
    if (!result) feed.validated.set(validate, (result = validate(feed.json)));
    const { value, problems } = result as ValidationResult<T>;
    this.#setFailed(false, value === undefined);
    if (value !== undefined) this.#options.onLoad(value);
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
    const before = this.failed;
    this.#requestFailed = requestFailed;
    this.#rejected = rejected;
    if (this.failed !== before) this.#host.requestUpdate();
  }
}
