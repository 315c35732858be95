// A stand-in for a feed server, for this page only (never in the library): the demo is a
// static site with no backend, so a thin wrapper around `fetch` answers the elements' requests
// for `simulated-feed/…` URLs itself, with the body, status and delay a scenario asks for.
// Every other request goes to the network untouched.

/** How one simulated feed answers. */
export interface SimulatedAnswer {
  /** The response body. */
  readonly body: string;
  /** HTTP status; 200 when absent. */
  readonly status?: number;
  /** Milliseconds before the answer; `Infinity` never answers (the element times out). */
  readonly delayMs?: number;
}

const PREFIX = 'simulated-feed/';
const answers = new Map<string, SimulatedAnswer>();
let next = 0;
let installed = false;

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 404: 'Not Found', 500: 'Internal Server Error' };

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Wraps `window.fetch` once; requests for simulated feeds never reach the network. */
export function installFeedSimulator(): void {
  if (installed) return;
  installed = true;
  const realFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    const answer = url.pathname.includes(`/${PREFIX}`)
      ? answers.get(url.pathname.split(`/${PREFIX}`)[1]!)
      : undefined;
    if (!answer) return realFetch(input, init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const status = answer.status ?? 200;
      const respond = (): void =>
        resolve(
          new Response(status === 404 ? 'Not Found' : answer.body, {
            status,
            statusText: STATUS_TEXT[status] ?? '',
            headers: { 'content-type': status === 200 ? 'application/json' : 'text/plain' },
          }),
        );
      const delay = answer.delayMs ?? 0;
      const timer = Number.isFinite(delay) ? setTimeout(respond, delay) : undefined;
      signal?.addEventListener('abort', () => (clearTimeout(timer), reject(abortError())), { once: true });
    });
  };
}

/**
 * Publishes a simulated feed and returns its URL. Each call gets a new URL: the elements share
 * and cache feeds by URL, and every scenario must be a fresh request.
 */
export function publishFeed(name: string, answer: SimulatedAnswer): string {
  const path = `${++next}/${name}`;
  answers.set(path, answer);
  return new URL(`${PREFIX}${path}`, document.baseURI).href;
}
