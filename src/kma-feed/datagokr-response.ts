/**
 * Answers of data.go.kr's 기상청 단기예보 service: pages of items, result codes, the gateway's
 * own XML errors, HTML pages and HTTP errors, and the values the feed takes from them.
 */
import { DatagokrError, KEY_ENCODED_TWICE_FIX, KEY_FIX, RESULT_CODES, codeNamed } from './datagokr-codes.js';
import { redactServiceKey } from './datagokr-request.js';

/** One row of an answer; every value is the string the gateway sent. */
export interface DatagokrItem {
  readonly category: string;
  readonly value: string;
  readonly baseDate: string;
  readonly baseTime: string;
  readonly nx: number;
  readonly ny: number;
  /** Forecasts only: the hour the row is for. */
  readonly fcstDate?: string;
  readonly fcstTime?: string;
}

/** One page of an answer. */
export interface DatagokrPage {
  readonly items: readonly DatagokrItem[];
  readonly pageNo: number;
  readonly numOfRows: number;
  readonly totalCount: number;
}

/** What a message says about the request it answers. */
export interface AnswerContext {
  /** E.g. `초단기실황 (getUltraSrtNcst) for 2025-08-01 15:00 KST at grid 60,127`. */
  readonly what: string;
  /** Who answered: `data.go.kr`, or the saved responses. */
  readonly source: string;
  /** The service key still looked percent-encoded after decoding once. */
  readonly keyEncodedTwice?: boolean;
}

/**
 * The error for a result code. `code` decides the meaning; `given` is the code the gateway
 * wrote, quoted with its own words (a gateway may write 99 and name the key error in words).
 */
function resultError(
  code: string,
  given: string,
  said: readonly string[],
  ctx: AnswerContext,
  status: number,
) {
  const known = RESULT_CODES[code];
  const words = [...new Set([code === given ? known?.name : undefined, ...said].filter((w) => !!w))];
  const http = status !== 200 ? `, HTTP ${status}` : '';
  const quoted = ` (${[given, words.join(', ')].filter(Boolean).join(' ')}${http})`;
  if (!known) {
    return new DatagokrError(
      'badResponse',
      `${ctx.source} answered ${ctx.what} with result code ${given}${quoted}`,
      'Try again later; if it persists, please report it',
      false,
      given,
    );
  }
  return new DatagokrError(
    known.kind,
    `${ctx.source}: ${known.reason}, for ${ctx.what}${quoted}`,
    code === '30' && ctx.keyEncodedTwice ? KEY_ENCODED_TWICE_FIX : known.fix,
    known.retry,
    code,
  );
}

/** A tag's text, or a JSON string field's, whichever the body has. */
function pick(text: string, name: string): string | undefined {
  const found = new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>|"${name}"\\s*:\\s*"?([^",}]*)"?`).exec(text);
  const value = found?.slice(1).find((part) => part !== undefined);
  return value === undefined ? undefined : value.trim();
}

const clean = (text: string) => redactServiceKey(text, undefined).replace(/\s+/g, ' ').trim().slice(0, 160);

/**
 * Reads one answer: a page of items, or a `DatagokrError` thrown for anything else (a result
 * code other than 00, the gateway's XML or JSON errors, an HTML page, an HTTP error, a body
 * that is none of these).
 */
export function readAnswer(text: string, status: number, ctx: AnswerContext): DatagokrPage {
  const body = text.trim();
  // The gateway's own errors (key, quota) come as XML even when JSON was asked, sometimes as JSON.
  if (/OpenAPI_ServiceResponse|cmmMsgHeader/.test(body)) {
    const said = [pick(body, 'returnAuthMsg'), pick(body, 'errMsg')].filter(
      (w): w is string => !!w && w !== 'SERVICE ERROR',
    );
    const reason = pick(body, 'returnReasonCode') ?? '';
    const code = /^\d+$/.test(reason)
      ? reason.padStart(2, '0')
      : (codeNamed(`${reason} ${said.join(' ')}`) ?? '99');
    throw resultError(code, code, said.map(clean), ctx, status);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  const header = (
    json as { response?: { header?: { resultCode?: unknown; resultMsg?: unknown } } } | undefined
  )?.response?.header;
  const xmlCode = json === undefined ? pick(body, 'resultCode') : undefined;
  if (header?.resultCode !== undefined || xmlCode !== undefined) {
    const code = String(header?.resultCode ?? xmlCode).padStart(2, '0');
    const said = clean(String(header?.resultMsg ?? pick(body, 'resultMsg') ?? ''));
    if (code === '00') return readPage(json, ctx);
    // Some gateways answer 99 for a key they do not know, in words only.
    const named = code === '99' ? codeNamed(said) : undefined;
    throw resultError(named ?? code, code, said ? [said] : [], ctx, status);
  }
  if (/^(?:<!doctype\s+html|<html)|<\/?(?:html|body|head)[\s>]/i.test(body)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
    const named = title ? `, "${clean(title).slice(0, 80)}"` : '';
    return throwHttp(
      status,
      `${ctx.source} sent an HTML page instead of data for ${ctx.what} (HTTP ${status}${named})`,
    );
  }
  if (status === 401 || status === 403) {
    throw new DatagokrError(
      'auth',
      `${ctx.source} refused the service key for ${ctx.what} (HTTP ${status})`,
      KEY_FIX,
    );
  }
  if (status === 429) {
    throw new DatagokrError(
      'rateLimit',
      `${ctx.source} refused the request: too many requests (HTTP 429)`,
      RESULT_CODES['22']!.fix,
    );
  }
  if (status < 200 || status >= 300)
    return throwHttp(status, `${ctx.source} answered HTTP ${status} for ${ctx.what}`);
  if (body === '') {
    throw new DatagokrError('empty', `${ctx.source} sent an empty answer for ${ctx.what}`, 'Try again later');
  }
  throw new DatagokrError(
    'badResponse',
    `${ctx.source} sent something that is not a 단기예보 answer for ${ctx.what} ("${clean(body).slice(0, 60)}")`,
    'Check WEATHER_STRIP_DATAGOKR_URL if you set it; otherwise try again later',
  );
}

function throwHttp(status: number, reason: string): never {
  const retry = status >= 500 || status === 0;
  throw new DatagokrError(
    'http',
    reason,
    status === 404
      ? 'Check WEATHER_STRIP_DATAGOKR_URL if you set it'
      : 'The service may be down: try again later',
    retry,
  );
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value)).trim();

function readPage(json: unknown, ctx: AnswerContext): DatagokrPage {
  const body = (json as { response?: { body?: Record<string, unknown> } }).response?.body ?? {};
  const holder = body.items;
  // `items` is "" when empty on some days, and `item` an object when there is one row.
  const raw = holder && typeof holder === 'object' ? (holder as { item?: unknown }).item : undefined;
  const rows = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : [];
  const items: DatagokrItem[] = [];
  for (const row of rows as Record<string, unknown>[]) {
    const value = row.obsrValue ?? row.fcstValue;
    if (typeof row.category !== 'string' || value === undefined) continue;
    items.push({
      category: row.category,
      value: text(value),
      baseDate: text(row.baseDate),
      baseTime: text(row.baseTime).padStart(4, '0'),
      nx: Number(row.nx),
      ny: Number(row.ny),
      ...(row.fcstTime !== undefined
        ? { fcstDate: text(row.fcstDate), fcstTime: text(row.fcstTime).padStart(4, '0') }
        : {}),
    });
  }
  const count = (value: unknown, fallback: number) =>
    Number.isFinite(Number(value)) && text(value) !== '' ? Number(value) : fallback;
  if (rows.length === 0 && count(body.totalCount, 0) === 0) {
    throw new DatagokrError(
      'empty',
      `${ctx.source} sent no rows for ${ctx.what}`,
      RESULT_CODES['03']!.fix,
      false,
      '03',
    );
  }
  return {
    items,
    pageNo: count(body.pageNo, 1),
    numOfRows: count(body.numOfRows, items.length),
    totalCount: count(body.totalCount, items.length),
  };
}

// ---------------------------------------------------------------------------------------------
// Values

/** `PTY` codes: 1–3 and 5–7 in 실황; 4 (소나기) appears only in forecasts. */
export const PTY_LABELS: Readonly<Record<number, string>> = {
  1: '비',
  2: '비/눈',
  3: '눈',
  4: '소나기',
  5: '빗방울',
  6: '빗방울눈날림',
  7: '눈날림',
};

/** `SKY` codes. 2 (구름조금) was dropped from forecasts in 2019; old answers may hold it. */
export const SKY_LABELS: Readonly<Record<number, string>> = {
  1: '맑음',
  2: '구름조금',
  3: '구름많음',
  4: '흐림',
};

/** A numeric value, or `null` for text (`강수없음`), blanks and KMA's missing markers (±900 and beyond). */
export function numericValue(value: string | undefined): number | null {
  if (value === undefined || !/^[+-]?\d+(?:\.\d+)?$/.test(value.trim())) return null;
  const number = Number(value);
  return number >= 900 || number <= -900 ? null : number;
}

/** The first value of a category, optionally at one forecast hour (`YYYYMMDDHHmm`). */
export function valueOf(items: readonly DatagokrItem[], category: string, at?: string): string | undefined {
  return items.find(
    (item) => item.category === category && (at === undefined || `${item.fcstDate}${item.fcstTime}` === at),
  )?.value;
}

/**
 * The sky label: `PTY` when it reports precipitation, else the forecast `SKY`. Without a `PTY`
 * the `SKY` is still the best the service says of the sky. `null` when neither is readable.
 */
export function skyLabel(pty: string | undefined, sky: string | undefined): string | null {
  const precipitation = numericValue(pty);
  if (precipitation !== null && precipitation !== 0) return PTY_LABELS[precipitation] ?? null;
  const cloud = numericValue(sky);
  return cloud === null ? null : (SKY_LABELS[cloud] ?? null);
}
