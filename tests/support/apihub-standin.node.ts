// A local stand-in for KMA API Hub's `kma_sfctm2.php` on a real HTTP server: the reference hour's
// rows (tests/fixtures/kma/) answered for whatever hour is asked, once that hour is published at
// the stand-in's clock (HH:10), else the header without rows, as API Hub answers an hour not out
// yet. It checks the key, logs every request, and fails on demand: an HTTP status, an HTML page,
// a page echoing the request URL (key included), a dropped connection, a slow answer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixture } from './kma-fixtures.node.js';

/** The path API Hub serves the observations at. */
export const APIHUB_PATH = '/api/typ01/url/kma_sfctm2.php';

/** A failure to answer a request with. */
export type ApihubFailure =
  | { readonly status: number }
  | { readonly html: true }
  | { readonly echo: true }
  | { readonly reset: true }
  | { readonly slowMs: number };

/** One request as the stand-in saw it. */
export interface ApihubRequest {
  /** Path and query exactly as sent. */
  readonly target: string;
  readonly tm: string | null;
  readonly authKey: string | null;
  /** `ok`, `unpublished`, `key`, or the failure answered. */
  answer: string;
}

/** A running stand-in. */
export interface ApihubStandIn {
  /** The origin, `http://127.0.0.1:port`. */
  readonly origin: string;
  /** The address `WEATHER_STRIP_APIHUB_URL` takes; `prefix` tells callers apart in the log. */
  url(prefix?: string): string;
  /** Every request, in order. */
  readonly requests: ApihubRequest[];
  /** The stand-in's clock: which hours are published. */
  now: Date;
  /** Answer in EUC-KR, as API Hub may. */
  eucKr: boolean;
  /** Wait before every answer, in ms. */
  delayMs: number;
  /** Answers every request with this failure while set. */
  down: ApihubFailure | undefined;
  /** Answers the next requests with these failures, one each. */
  failNext(...failures: ApihubFailure[]): void;
  /** Requests whose target starts with `prefix`. */
  requestsFor(prefix: string): ApihubRequest[];
  close(): Promise<void>;
}

const REFERENCE_HOUR = '202508011500';

/** Whether hour `tm` (KST `YYYYMMDDHHmm`) is published at `now`: from HH:10. */
function published(tm: string, now: Date): boolean {
  const at =
    Date.UTC(+tm.slice(0, 4), +tm.slice(4, 6) - 1, +tm.slice(6, 8), +tm.slice(8, 10), +tm.slice(10, 12)) -
    9 * 3600_000;
  return at + 10 * 60_000 <= now.getTime();
}

/** Starts a stand-in on a free loopback port that accepts `authKey`. */
export async function startApihubStandIn(options: { authKey: string; now: Date }): Promise<ApihubStandIn> {
  const failures: ApihubFailure[] = [];
  const state = {
    origin: '',
    url: (prefix = '') => `${state.origin}${prefix}${APIHUB_PATH}`,
    requests: [] as ApihubRequest[],
    now: options.now,
    eucKr: false,
    delayMs: 0,
    down: undefined as ApihubFailure | undefined,
    failNext: (...more: ApihubFailure[]) => void failures.push(...more),
    requestsFor: (prefix: string) => state.requests.filter((r) => r.target.startsWith(`${prefix}/`)),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };

  function fail(
    failure: ApihubFailure,
    request: IncomingMessage,
    response: ServerResponse,
    log: ApihubRequest,
  ) {
    const html = (status: number, title: string, text: string) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>\n`,
      );
    };
    if ('reset' in failure) {
      log.answer = 'reset';
      request.socket.destroy();
    } else if ('echo' in failure) {
      log.answer = 'echo';
      html(500, request.url ?? '', `Error processing https://apihub.kma.go.kr${request.url}`);
    } else if ('html' in failure) {
      log.answer = 'html';
      html(200, '서비스 점검 안내', '서비스 점검 중입니다.');
    } else if ('status' in failure) {
      log.answer = `http ${failure.status}`;
      response.writeHead(failure.status, { 'content-type': 'text/plain' });
      response.end('Service Unavailable');
    }
  }

  function answer(response: ServerResponse, log: ApihubRequest) {
    if (log.authKey !== options.authKey) {
      log.answer = 'key';
      response.writeHead(401, { 'content-type': 'application/json;charset=UTF-8' });
      response.end(JSON.stringify({ result: { status: 401, message: '유효한 인증키가 아닙니다.' } }));
      return;
    }
    const tm = log.tm ?? '';
    const type = state.eucKr ? 'text/plain; charset=EUC-KR' : 'text/plain; charset=UTF-8';
    if (!/^\d{12}$/.test(tm) || !published(tm, state.now)) {
      log.answer = 'unpublished';
      response.writeHead(200, { 'content-type': type });
      response.end(fixture('kma_sfctm2_unpublished_202508011600.txt'));
      return;
    }
    log.answer = 'ok';
    const source = fixture(
      state.eucKr ? 'kma_sfctm2_euc-kr_202508011500.txt' : 'kma_sfctm2_reference_202508011500.txt',
    );
    // The hour is ASCII digits in either encoding: swapped byte for byte.
    response.writeHead(200, { 'content-type': type });
    response.end(Buffer.from(source.toString('latin1').replaceAll(REFERENCE_HOUR, tm), 'latin1'));
  }

  const server = createServer((request, response) => {
    const target = request.url ?? '/';
    const url = new URL(target, 'http://standin');
    const log: ApihubRequest = {
      target,
      tm: url.searchParams.get('tm'),
      authKey: url.searchParams.get('authKey'),
      answer: '',
    };
    state.requests.push(log);
    const failure = state.down ?? failures.shift();
    const wait = failure && 'slowMs' in failure ? failure.slowMs : state.delayMs;
    setTimeout(() => {
      if (response.destroyed || request.socket.destroyed) return;
      if (failure && !('slowMs' in failure)) fail(failure, request, response, log);
      else if (!url.pathname.endsWith(APIHUB_PATH)) {
        log.answer = 'http 404';
        response.writeHead(404).end();
      } else answer(response, log);
    }, wait);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
