/**
 * `weather-strip/edge/node`: the edge handler behind Node's `http` server.
 *
 *   import { createServer } from 'node:http';
 *   import edge from 'weather-strip/edge';
 *   import { nodeListener } from 'weather-strip/edge/node';
 *   createServer(nodeListener(edge, process.env)).listen(8787);
 *
 * Only the method, the path and the headers are read: the feed answers GET and HEAD, so a
 * request body is never needed. Written against the shapes it uses, so it needs no Node types.
 */
import type { EdgeContext, EdgeEnv, EdgeHandler } from './types.js';

/** The part of Node's `IncomingMessage` the listener reads. */
export interface NodeRequest {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Its socket: a TLS socket (an `https` server) has `encrypted` set. */
  readonly socket?: unknown;
}

/** The part of Node's `ServerResponse` the listener writes. */
export interface NodeResponse {
  statusCode: number;
  setHeader(name: string, value: string | readonly string[]): unknown;
  end(body?: Uint8Array): unknown;
}

/** The request as `fetch` knows it; the host comes from `Host`, as the server was reached. */
function toRequest(request: NodeRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const one of typeof value === 'string' ? [value] : value) headers.append(name, one);
  }
  const host = headers.get('host') ?? 'localhost';
  const tls = (request.socket as { encrypted?: boolean } | null | undefined)?.encrypted === true;
  const scheme = tls ? 'https' : 'http';
  let url: URL;
  try {
    url = new URL(request.url ?? '/', `${scheme}://${host}`);
  } catch {
    url = new URL(request.url ?? '/', `${scheme}://localhost`);
  }
  return new Request(url, { method: request.method ?? 'GET', headers });
}

/** A listener for `http.createServer` answering through `handler` with the settings in `env`. */
export function nodeListener(
  handler: EdgeHandler,
  env: EdgeEnv,
): (request: NodeRequest, response: NodeResponse) => Promise<void> {
  const ctx: EdgeContext = { waitUntil: (promise) => void promise.catch(() => undefined) };
  return async (request, response) => {
    let answer: Response;
    try {
      answer = await handler.fetch(toRequest(request), env, ctx);
    } catch {
      answer = new Response(null, { status: 500 });
    }
    response.statusCode = answer.status;
    answer.headers.forEach((value, name) => void response.setHeader(name, value));
    const body = answer.body ? new Uint8Array(await answer.arrayBuffer()) : undefined;
    if (body) response.setHeader('content-length', String(body.byteLength));
    response.end(body);
  };
}
