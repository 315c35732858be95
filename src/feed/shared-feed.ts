import type { FeedErrorDetail } from './feed-events.js';
import { nextTask } from './next-task.js';
import type { ValidationResult } from './problems.js';

/** Largest feed body read, in bytes; a larger one is refused as a `parse` error. */
export const MAX_FEED_BYTES = 2 * 1024 * 1024;
/** Default milliseconds before a request is abandoned as a `timeout`. */
export const FEED_TIMEOUT = 10_000;
/** Milliseconds before the first retry after a failure; each further failure doubles it. */
export const FIRST_RETRY = 5_000;

/** Feeds no element shows any more that stay cached, for elements mounted again. */
const IDLE_FEEDS = 8;

/** An element showing a feed, as the feed sees it. */
export interface FeedSubscriber {
  /** Milliseconds between checks this subscriber asks for; `0`: none. */
  readonly refreshMs: number;
  /** A `hidden` element shows nothing: it needs no refresh until it is shown again. */
  readonly hidden: boolean;
  /** Milliseconds before a request is abandoned as a `timeout`. */
  readonly timeout: number;
  /** The feed answered: a new body, or the one already delivered. */
  deliver(feed: SharedFeed): void;
  /** The feed's check failed. */
  fail(detail: FeedErrorDetail): void;
}

type Validator<T> = (input: unknown) => ValidationResult<T>;

const feeds = new Map<string, SharedFeed>();

/** The feed of `url` (resolved against the page), shared with every element that shows it. */
export function sharedFeed(url: string): SharedFeed {
  let key = url;
  try {
    key = new URL(url, document.baseURI).href;
  } catch {
    // fetch reports the bad URL as a network error.
  }
  let feed = feeds.get(key);
  if (!feed) feeds.set(key, (feed = new SharedFeed(key)));
  return feed;
}

/**
 * One URL's feed, shared by every element that shows it: one request, one timer and one copy
 * of the body, however many elements subscribe. It checks the URL on the first subscription,
 * then every `refresh` (the shortest any visible subscriber asks for) with conditional requests,
 * backs off exponentially with jitter after failures, never polls while the page is hidden, and
 * gives up on a request after the timeout or past {@link MAX_FEED_BYTES}.
 */
export class SharedFeed {
  readonly #users = new Set<FeedSubscriber>();
  /** Each validator's result for the current body: one validation, however many elements. */
  readonly #validated = new Map<Validator<unknown>, ValidationResult<unknown>>();
  #json: unknown;
  #version = 0;
  #status = 0;
  #error: FeedErrorDetail | undefined;
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

  /** Counts the bodies read: `0` before the first, one more for each body that differs from the last. */
  get version(): number {
    return this.#version;
  }

  /** The HTTP status of the current body. */
  get status(): number {
    return this.#status;
  }

  /** The current body, validated by `validate` once for every subscriber that asks. */
  validated<T>(validate: Validator<T>): ValidationResult<T> {
    let result = this.#validated.get(validate);
    if (!result) this.#validated.set(validate, (result = validate(this.#json)));
    return result as ValidationResult<T>;
  }

  join(user: FeedSubscriber): void {
    this.#users.add(user);
    if (this.#users.size === 1) document.addEventListener('visibilitychange', this.schedule);
    // A cached outcome arrives in a later task, like a fresh one, so that listeners added
    // right after the element is created still hear it.
    if (this.#version > 0 || this.#error) {
      void nextTask().then(() => {
        if (!this.#users.has(user)) return;
        if (this.#version > 0) user.deliver(this);
        else if (this.#error && !this.#abort) user.fail(this.#error);
      });
    }
    this.schedule();
  }

  leave(user: FeedSubscriber): void {
    if (!this.#users.delete(user) || this.#users.size > 0) return;
    document.removeEventListener('visibilitychange', this.schedule);
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.#abort = undefined;
    // Keeps this feed as the newest idle one and forgets the oldest beyond IDLE_FEEDS: a
    // single-page app that shows a new article on every view would otherwise keep every feed.
    feeds.delete(this.url);
    feeds.set(this.url, this);
    let idle = 0;
    for (const other of [...feeds.values()].reverse())
      if (other.#users.size === 0 && ++idle > IDLE_FEEDS) feeds.delete(other.url);
  }

  /** Resolves when no request is in flight. */
  settled(): Promise<void> {
    return this.#idle;
  }

  /** Arms the timer for the next check: now for a first load, then by `refresh` or the backoff. */
  readonly schedule = (): void => {
    clearTimeout(this.#timer);
    if (this.#users.size === 0 || this.#abort) return;
    if (this.#version === 0 && this.#failures === 0) {
      void this.#check();
      return;
    }
    const interval = this.#interval;
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

  /** The shortest refresh a visible subscriber asks for; `0`: none does. */
  get #interval(): number {
    let least = 0;
    for (const user of this.#users)
      if (!user.hidden && user.refreshMs > 0 && (least === 0 || user.refreshMs < least))
        least = user.refreshMs;
    return least;
  }

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
    // The first request starts in a task of its own, right after the one that connected the
    // element: connecting and requesting are two short tasks instead of one long one.
    if (this.#version === 0 && this.#failures === 0) await nextTask();
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
        this.#error = undefined;
        for (const user of [...this.#users]) user.deliver(this);
      } else {
        this.#failures++;
        this.#error = outcome;
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
    this.#json = json;
    this.#etag = etag;
    this.#modified = modified;
    this.#status = status;
    this.#version++;
    this.#validated.clear();
    return true;
  }
}

/** Reads a body as UTF-8, giving up (`undefined`) past {@link MAX_FEED_BYTES}. */
async function readBody(response: Response): Promise<string | undefined> {
  const reader = response.body?.getReader();
  // A fetch without streams (a polyfill's) has only the whole text.
  if (!reader) {
    const text = await response.text();
    return text.length > MAX_FEED_BYTES ? undefined : text;
  }
  // Decoded as it arrives: no further round trip once the body is complete.
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_FEED_BYTES) {
      void reader.cancel();
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
