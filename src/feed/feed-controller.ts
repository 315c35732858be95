import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeedErrorDetail } from './feed-events.js';
import type { ValidationResult } from './problems.js';
import { summarizeProblems } from './weather-feed.js';

/** What a {@link FeedController} needs from its element. */
export interface FeedControllerOptions<T> {
  /** Validates the parsed JSON. */
  readonly validate: (input: unknown) => ValidationResult<T>;
  /** Called with every usable feed. */
  readonly onLoad: (feed: T) => void;
  /** Called with every failure, and with the problems of a feed that was used in part. */
  readonly onError: (detail: FeedErrorDetail) => void;
}

/**
 * Loads a JSON feed from a URL and validates it. The element keeps its last good feed after
 * any failure.
 */
export class FeedController<T> implements ReactiveController {
  private readonly options: FeedControllerOptions<T>;
  private abort: AbortController | undefined;
  private url: string | undefined;

  constructor(host: ReactiveControllerHost, options: FeedControllerOptions<T>) {
    this.options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
    this.url = undefined;
  }

  /** Loads `url` unless it is already loaded or loading; `undefined` stops loading. */
  setUrl(url: string | undefined): void {
    if (url === this.url) return;
    this.cancel();
    this.url = url;
    if (url) void this.load(url);
  }

  private cancel(): void {
    this.abort?.abort();
    this.abort = undefined;
  }

  private async load(url: string): Promise<void> {
    const abort = new AbortController();
    this.abort = abort;
    let response: Response;
    try {
      response = await fetch(url, { signal: abort.signal, headers: { accept: 'application/json' } });
    } catch (error) {
      if (!abort.signal.aborted) this.options.onError({ kind: 'network', message: `${url}: ${String(error)}` });
      return;
    }
    if (abort.signal.aborted) return;
    if (!response.ok) {
      this.options.onError({ kind: 'http', status: response.status, message: `${url}: HTTP ${response.status}` });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(await response.text());
    } catch (error) {
      if (!abort.signal.aborted) this.options.onError({ kind: 'parse', status: response.status, message: `${url}: ${String(error)}` });
      return;
    }
    if (abort.signal.aborted) return;
    const { value, problems } = this.options.validate(json);
    if (value !== undefined) this.options.onLoad(value);
    if (problems.length > 0) {
      this.options.onError({ kind: 'schema', status: response.status, message: summarizeProblems(problems), problems });
    }
  }
}
