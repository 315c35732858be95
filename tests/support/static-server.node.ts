// A small static file server on 127.0.0.1 for end-to-end pages, with per-path overrides.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

/** The repository root, served as `/`. */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** Answers one path itself instead of serving a file. */
export type Route = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** A running server; `close()` stops it. */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the repository (or `root`) on a free loopback port. */
export async function serveStatic(routes: Record<string, Route> = {}, root = ROOT): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const route = routes[path];
    if (route) return route(request, response);
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A route that answers with a file of the repository, its type and any extra headers. */
export function fileRoute(path: string, type: string, headers: Record<string, string> = {}): Route {
  return async (_request, response) => {
    const body = await readFile(join(ROOT, path));
    response.writeHead(200, { 'content-type': type, ...headers }).end(body);
  };
}
