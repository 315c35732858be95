// A local stand-in for data.go.kr's gateway in front of 기상청 단기예보 조회서비스
// (VilageFcstInfoService_2.0): getUltraSrtNcst and getUltraSrtFcst under the service's base path,
// answering as the real one does. Its answers are built from the real shapes in
// tests/fixtures/datagokr/ (see the README there):
// - every value a string, `nx`/`ny`/`pageNo`/`numOfRows`/`totalCount` numbers, rows in the real
//   order (실황: PTY REH RN1 T1H UUU VEC VVV WSD; 예보: LGT PTY RN1 SKY T1H, then REH UUU VVV VEC
//   WSD, six hours each), RN1 `강수없음` in forecasts;
// - paging by `numOfRows` (default 10) and `pageNo`, with `totalCount`;
// - NO_DATA (03) for a base time not published yet at its clock (실황 HH00 from HH:40, 예보 HH30
//   from HH:45) or older than a day;
// - the key checked as the gateway does: the query value is decoded once and must equal the
//   registered key, so a key sent encoded twice, or `+` sent raw, is refused with the gateway's
//   XML SERVICE_KEY_IS_NOT_REGISTERED_ERROR even though JSON was asked;
// - a daily quota per operation, then the XML LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR;
// - failures to inject (HTTP 5xx, HTML pages, a slow answer, a dropped connection, any result
//   code, a page echoing the request URL), and a log of every request.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real answers the stand-in is built from. */
export const DATAGOKR_FIXTURES = resolve(fileURLToPath(new URL('../fixtures/datagokr', import.meta.url)));

/** A fixture's text. */
export function datagokrFixture(name: string): string {
  return readFileSync(join(DATAGOKR_FIXTURES, name), 'utf8');
}

/** The service's base path on data.go.kr. */
export const SERVICE_PATH = '/1360000/VilageFcstInfoService_2.0';

/** The weather at one grid point, as the service's strings. */
export interface PointWeather {
  /** 실황 temperature, e.g. `"23.1"` (default: the real answer's). */
  readonly t1h?: string;
  /** 실황 precipitation type, `"0"`–`"7"` (default `"0"`). */
  readonly pty?: string;
  /** Forecast sky, `"1"`, `"3"` or `"4"`, for every forecast hour (default: the real answer's). */
  readonly sky?: string;
  /** No data at this point at any hour: NO_DATA, as the service answers a point it has nothing for. */
  readonly noData?: boolean;
}

/** A failure to answer the next request with. */
export type Failure =
  | { readonly status: number; readonly html?: boolean }
  | { readonly html: true; readonly title?: string }
  | { readonly slowMs: number }
  | { readonly reset: true }
  | { readonly resultCode: string; readonly resultMsg?: string }
  | { readonly body: string; readonly status?: number; readonly type?: string }
  | { readonly echo: true };

/** One request as the gateway saw it. */
export interface LoggedRequest {
  readonly operation: string;
  /** Path and query exactly as sent. */
  readonly target: string;
  /** The `serviceKey` query value exactly as sent (still encoded). */
  readonly keySent: string | undefined;
  readonly params: Readonly<Record<string, string>>;
  /** What was answered: `ok`, a result code name, `key`, `quota` or the injected failure. */
  answer: string;
}

const NCST = ['PTY', 'REH', 'RN1', 'T1H', 'UUU', 'VEC', 'VVV', 'WSD'];
const FCST = ['LGT', 'PTY', 'RN1', 'SKY', 'T1H', 'REH', 'UUU', 'VVV', 'VEC', 'WSD'];

interface NcstRow {
  category: string;
  obsrValue: string;
}
interface FcstRow {
  category: string;
  fcstValue: string;
}

// Values of the real answers: 실황 at 2022-12-27 11:00 (nx 58, ny 125) and the forecast of
// 2023-06-30 06:30 (nx 61, ny 126), page 1 of 2; page 2's categories keep that answer's form.
const ncstTemplate = (
  JSON.parse(datagokrFixture('getUltraSrtNcst_20221227_1100_nx58_ny125.items.json')) as NcstRow[]
).map((row) => [row.category, row.obsrValue] as const);
const fcstPage1 = (
  JSON.parse(datagokrFixture('getUltraSrtFcst_20230630_0630_nx61_ny126_page1of2.json')) as {
    response: { body: { items: { item: FcstRow[] } } };
  }
).response.body.items.item;
const FCST_SECOND_PAGE: Record<string, readonly string[]> = {
  REH: ['85', '80', '75', '70', '65', '60'],
  UUU: ['0.6', '0.9', '1.2', '1.4', '1.8', '2.1'],
  VVV: ['-1.2', '-0.8', '-0.5', '0.3', '0.7', '1'],
  VEC: ['333', '312', '293', '282', '293', '296'],
  WSD: ['1', '1', '1', '2', '2', '2'],
};

const KST = 9 * 3600_000;
const toMs = (date: string, time: string) =>
  Date.UTC(
    +date.slice(0, 4),
    +date.slice(4, 6) - 1,
    +date.slice(6, 8),
    +time.slice(0, 2),
    +time.slice(2, 4),
  ) - KST;
const kst = (ms: number) => {
  const d = new Date(ms + KST);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return {
    date: `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}`,
    time: `${p(d.getUTCHours())}${p(d.getUTCMinutes())}`,
  };
};

const resultOnly = (resultCode: string, resultMsg: string) =>
  JSON.stringify({ response: { header: { resultCode, resultMsg } } });

const RESULT_NAMES: Record<string, string> = {
  '01': 'APPLICATION_ERROR',
  '02': 'DB_ERROR',
  '03': 'NO_DATA',
  '04': 'HTTP_ERROR',
  '05': 'SERVICETIME_OUT',
  '10': 'INVALID_REQUEST_PARAMETER_ERROR',
  '11': 'NO_MANDATORY_REQUEST_PARAMETERS_ERROR',
  '12': 'NO_OPENAPI_SERVICE_ERROR',
  '20': 'SERVICE_ACCESS_DENIED_ERROR',
  '21': 'TEMPORARILY_DISABLE_THE_SERVICEKEY_ERROR',
  '22': 'LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR',
  '30': 'SERVICE_KEY_IS_NOT_REGISTERED_ERROR',
  '31': 'DEADLINE_HAS_EXPIRED_ERROR',
  '32': 'UNREGISTERED_IP_ERROR',
  '33': 'UNSIGNED_CALL_ERROR',
  '99': 'UNKNOWN_ERROR',
};

/** A running stand-in. */
export interface DatagokrGateway {
  /** The service's base address, as `WEATHER_STRIP_DATAGOKR_URL` takes it. */
  readonly url: string;
  /** Every request, in order. */
  readonly requests: LoggedRequest[];
  /** The most requests it was answering at once. */
  readonly maxInFlight: number;
  /** The gateway's clock. */
  now: Date;
  /** Wait before every answer, in ms (to see concurrency). */
  delayMs: number;
  /** Requests a day per operation before the quota error. */
  dailyQuota: number;
  /** Sets the weather at a grid point. */
  setWeather(nx: number, ny: number, weather: PointWeather): void;
  /** Answers the next requests with these failures, one each, in order. */
  failNext(...failures: Failure[]): void;
  /** Clears the log, the failures, the quota count and the concurrency peak. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a stand-in on a free loopback port, with `serviceKey` registered (its decoded form). */
export async function startDatagokrGateway(options: {
  readonly serviceKey: string;
  readonly now: Date;
  readonly dailyQuota?: number;
}): Promise<DatagokrGateway> {
  const weather = new Map<string, PointWeather>();
  const failures: Failure[] = [];
  const used = new Map<string, number>();
  let inFlight = 0;

  const state = {
    url: '',
    requests: [] as LoggedRequest[],
    maxInFlight: 0,
    now: options.now,
    delayMs: 0,
    dailyQuota: options.dailyQuota ?? 10_000,
    setWeather: (nx: number, ny: number, w: PointWeather) => void weather.set(`${nx},${ny}`, w),
    failNext: (...more: Failure[]) => void failures.push(...more),
    reset() {
      state.requests.length = 0;
      failures.length = 0;
      used.clear();
      state.maxInFlight = 0;
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };

  function rows(operation: string, p: Record<string, string>) {
    const w = weather.get(`${p.nx},${p.ny}`) ?? {};
    const base = { baseDate: p.base_date!, baseTime: p.base_time! };
    const grid = { nx: Number(p.nx), ny: Number(p.ny) };
    if (operation === 'getUltraSrtNcst') {
      return NCST.map((category) => {
        const real = ncstTemplate.find(([name]) => name === category)![1];
        const value = category === 'T1H' ? (w.t1h ?? real) : category === 'PTY' ? (w.pty ?? real) : real;
        return { ...base, category, ...grid, obsrValue: value };
      });
    }
    const start = toMs(p.base_date!, p.base_time!);
    return FCST.flatMap((category) =>
      [1, 2, 3, 4, 5, 6].map((hour, i) => {
        const at = kst(start + 30 * 60_000 + (hour - 1) * 3600_000);
        const real =
          fcstPage1.filter((row) => row.category === category)[i]?.fcstValue ??
          FCST_SECOND_PAGE[category]![i]!;
        const value = category === 'SKY' ? (w.sky ?? real) : real;
        return { ...base, category, fcstDate: at.date, fcstTime: at.time, fcstValue: value, ...grid };
      }),
    );
  }

  function published(operation: string, date: string, time: string): boolean {
    const at = toMs(date, time);
    const now = state.now.getTime();
    // 실황 HH00 is out at HH:40, 예보 HH30 at HH:45.
    const delay = (operation === 'getUltraSrtNcst' ? 40 : 15) * 60_000;
    return at + delay <= now && now - at <= 24 * 3600_000;
  }

  function answer(request: IncomingMessage, response: ServerResponse, log: LoggedRequest) {
    const send = (status: number, body: string, type = 'application/json;charset=UTF-8') => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    const url = new URL(request.url ?? '/', 'http://gateway');
    const p = log.params;
    // The gateway checks the key before anything else, whatever the operation or format.
    const key = log.keySent === undefined ? undefined : decodeURIComponent(log.keySent.replace(/\+/g, ' '));
    if (key !== options.serviceKey) {
      log.answer = 'key';
      return send(
        200,
        datagokrFixture('error_gateway_SERVICE_KEY_IS_NOT_REGISTERED_compact.xml'),
        'text/xml;charset=UTF-8',
      );
    }
    const count = (used.get(log.operation) ?? 0) + 1;
    used.set(log.operation, count);
    if (count > state.dailyQuota) {
      log.answer = 'quota';
      return send(200, datagokrFixture('error_gateway_LIMITED_NUMBER_compact.xml'), 'text/xml;charset=UTF-8');
    }
    if (
      !url.pathname.startsWith(`${SERVICE_PATH}/`) ||
      !['getUltraSrtNcst', 'getUltraSrtFcst'].includes(log.operation)
    ) {
      log.answer = 'NO_OPENAPI_SERVICE_ERROR';
      return send(200, resultOnly('12', 'NO_OPENAPI_SERVICE_ERROR'));
    }
    if (!p.base_date || !p.base_time || !p.nx || !p.ny) {
      log.answer = 'NO_MANDATORY_REQUEST_PARAMETERS_ERROR';
      return send(200, resultOnly('11', 'NO_MANDATORY_REQUEST_PARAMETERS_ERROR'));
    }
    const minutes = log.operation === 'getUltraSrtNcst' ? '00' : '30';
    const numOfRows = Number(p.numOfRows ?? '10');
    const pageNo = Number(p.pageNo ?? '1');
    if (
      p.dataType?.toUpperCase() !== 'JSON' || // this stand-in speaks JSON only
      !/^\d{8}$/.test(p.base_date) ||
      !new RegExp(`^([01]\\d|2[0-3])${minutes}$`).test(p.base_time) ||
      !/^\d+$/.test(p.nx) ||
      !/^\d+$/.test(p.ny) ||
      !(numOfRows >= 1) ||
      !(pageNo >= 1)
    ) {
      log.answer = 'INVALID_REQUEST_PARAMETER_ERROR';
      return send(200, resultOnly('10', 'INVALID_REQUEST_PARAMETER_ERROR'));
    }
    const noData = weather.get(`${p.nx},${p.ny}`)?.noData === true;
    const all = published(log.operation, p.base_date, p.base_time) && !noData ? rows(log.operation, p) : [];
    const item = all.slice((pageNo - 1) * numOfRows, pageNo * numOfRows);
    if (item.length === 0) {
      log.answer = 'NO_DATA';
      return send(200, resultOnly('03', 'NO_DATA'));
    }
    log.answer = 'ok';
    send(
      200,
      JSON.stringify({
        response: {
          header: { resultCode: '00', resultMsg: 'NORMAL_SERVICE' },
          body: { dataType: 'JSON', items: { item }, pageNo, numOfRows, totalCount: all.length },
        },
      }),
    );
  }

  function fail(failure: Failure, request: IncomingMessage, response: ServerResponse, log: LoggedRequest) {
    const page = (status: number, title: string, text: string) => {
      response.writeHead(status, { 'content-type': 'text/html;charset=UTF-8' });
      response.end(
        `<!DOCTYPE html>\n<html lang="ko">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body><h1>${title}</h1><p>${text}</p></body>\n</html>\n`,
      );
    };
    if ('reset' in failure) {
      log.answer = 'reset';
      request.socket.destroy();
    } else if ('echo' in failure) {
      log.answer = 'echo';
      page(500, `Error processing ${request.url}`, `Request: https://apis.data.go.kr${request.url}`);
    } else if ('resultCode' in failure) {
      log.answer = failure.resultCode;
      response.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
      response.end(
        resultOnly(failure.resultCode, failure.resultMsg ?? RESULT_NAMES[failure.resultCode] ?? 'ERROR'),
      );
    } else if ('body' in failure) {
      log.answer = 'body';
      response.writeHead(failure.status ?? 200, { 'content-type': failure.type ?? 'text/xml;charset=UTF-8' });
      response.end(failure.body);
    } else if ('status' in failure) {
      log.answer = `http ${failure.status}`;
      if (failure.html)
        page(failure.status, `${failure.status} Bad Gateway`, '잠시 후 다시 이용해 주십시오.');
      else response.writeHead(failure.status, { 'content-type': 'text/plain' }).end('Service Unavailable');
    } else if ('html' in failure) {
      log.answer = 'html';
      page(200, failure.title ?? '공공데이터포털 서비스 점검 안내', '서비스 점검 중입니다.');
    }
  }

  const server = createServer((request, response) => {
    const target = request.url ?? '/';
    const query = target.includes('?') ? target.slice(target.indexOf('?') + 1) : '';
    const raw = new Map(
      query
        .split('&')
        .filter(Boolean)
        .map((pair) => {
          const at = pair.indexOf('=');
          return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
        }),
    );
    const params: Record<string, string> = {};
    for (const [name, value] of raw)
      if (name !== 'serviceKey') params[name] = decodeURIComponent(value.replace(/\+/g, ' '));
    const log: LoggedRequest = {
      operation: new URL(target, 'http://gateway').pathname.split('/').at(-1) ?? '',
      target,
      keySent: raw.get('serviceKey'),
      params,
      answer: '',
    };
    state.requests.push(log);
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    response.on('close', () => inFlight--);
    const failure = failures.shift();
    const wait = failure && 'slowMs' in failure ? failure.slowMs : state.delayMs;
    setTimeout(() => {
      if (response.destroyed || request.socket.destroyed) return;
      if (failure && !('slowMs' in failure)) fail(failure, request, response, log);
      else answer(request, response, log);
    }, wait);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SERVICE_PATH}`;
  return state;
}
