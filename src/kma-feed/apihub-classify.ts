import { FeedError } from './errors.js';

/**
 * What an answer that is not `kma_sfctm2` text is, and what to do about it: KMA API Hub's own
 * JSON errors, a data.go.kr answer given to the API Hub source, gateway errors, HTML pages, HTTP
 * errors. Pure: no Node, no DOM.
 */

const KEY_ERRORS =
  /SERVICE_KEY_IS_NOT_REGISTERED_ERROR|SERVICE_ACCESS_DENIED_ERROR|DEADLINE_HAS_EXPIRED_ERROR|UNREGISTERED_IP_ERROR|UNREGISTERED_DOMAIN_ERROR|INVALID_AUTH_?KEY/i;
const LIMIT_ERRORS = /LIMITED_NUMBER_OF_SERVICE_REQUESTS(?:_PER_SECOND)?_EXCEEDS?_ERROR/i;

/** A gateway's own words: `returnAuthMsg`/`errMsg` of its XML or JSON error body. */
function gatewayMessage(text: string): string {
  const pick = (tag: string): string | undefined =>
    new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>|"${tag}"\\s*:\\s*"([^"]*)"`)
      .exec(text)
      ?.slice(1)
      .find(Boolean);
  const parts = [pick('returnAuthMsg'), pick('errMsg'), pick('message')].filter(
    (part, i, all): part is string => part !== undefined && part !== '' && all.indexOf(part) === i,
  );
  return parts.join(', ').slice(0, 160);
}

function htmlTitle(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.replace(/\s+/g, ' ').trim();
  return title ? `, "${title.slice(0, 80)}"` : '';
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const words = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** API Hub's own error body: `{"result":{"status":401,"message":"유효한 인증키가 아닙니다."}}`. */
function apiHubError(body: Record<string, unknown>): FeedError | undefined {
  const status = Number(field(body, 'result', 'status'));
  if (!Number.isInteger(status)) return undefined;
  const said = `${status} ${words(field(body, 'result', 'message'))}`.trim().slice(0, 160);
  if (status === 401) {
    return new FeedError(
      'auth',
      `KMA API Hub rejected the API key as not valid (${said})`,
      'The key is wrong: copy it again from apihub.kma.go.kr (마이페이지 → 인증키) into --auth-key or WEATHER_STRIP_AUTH_KEY',
    );
  }
  if (status === 403) {
    return new FeedError(
      'auth',
      `KMA API Hub refused the key for this API: it is not subscribed to it (${said})`,
      'Subscribe the key to 지상관측 시간자료 (kma_sfctm2) at apihub.kma.go.kr (활용신청), then run again',
    );
  }
  if (status === 429) {
    return new FeedError(
      'rateLimit',
      `KMA API Hub refused the request: the key's request limit is used up (${said})`,
      'Run less often (once an hour is enough) or wait until the limit resets',
    );
  }
  return new FeedError(
    'badResponse',
    `KMA API Hub sent an error instead of observations (${said})`,
    'Check the request options and WEATHER_STRIP_APIHUB_URL if you set it; if they are right, try again later',
  );
}

const DATAGOKR_FIX =
  'data.go.kr answers are read with --source datagokr; --source apihub reads KMA API Hub (apihub.kma.go.kr) and needs its key';

/** A data.go.kr answer: its JSON (`response.header.resultCode`) or its gateway's XML/JSON errors. */
function dataGoKrAnswer(body: string, json: Record<string, unknown> | undefined): FeedError | undefined {
  const code = words(field(json, 'response', 'header', 'resultCode'));
  const gateway = /OpenAPI_ServiceResponse|<cmmMsgHeader>|"cmmMsgHeader"/.test(body);
  if (!code && !gateway) return undefined;
  const said = code
    ? `resultCode ${code} ${words(field(json, 'response', 'header', 'resultMsg'))}`.trim()
    : gatewayMessage(body) || 'OpenAPI_ServiceResponse';
  if (KEY_ERRORS.test(body) || ['20', '30', '31', '32', '33'].includes(code)) {
    return new FeedError(
      'auth',
      `data.go.kr rejected the service key (${said}): this is a data.go.kr answer, not KMA API Hub's`,
      DATAGOKR_FIX,
    );
  }
  if (LIMIT_ERRORS.test(body) || code === '22') {
    return new FeedError(
      'rateLimit',
      `data.go.kr refused the request: the service key's request limit is used up (${said}); this is a data.go.kr answer, not KMA API Hub's`,
      DATAGOKR_FIX,
    );
  }
  return new FeedError(
    'badResponse',
    `this is a data.go.kr response (${said}), not KMA API Hub's kma_sfctm2 observations`,
    DATAGOKR_FIX,
  );
}

/**
 * Recognises an answer that is not observations: an empty body, API Hub's own JSON errors, a
 * data.go.kr answer (its JSON, or its gateway's XML or JSON errors), an HTML page, an HTTP error.
 * Returns the error to report, or `undefined` for text the `kma_sfctm2` parser should read.
 */
export function classifyResponse(text: string, status: number): FeedError | undefined {
  const body = text.trim();
  const json = jsonObject(body);
  const known = (json && apiHubError(json)) ?? dataGoKrAnswer(body, json);
  if (known) return known;
  const said = gatewayMessage(body);
  const quoted = said ? ` (${said})` : '';
  if (KEY_ERRORS.test(body) || ((status === 401 || status === 403) && !LIMIT_ERRORS.test(body))) {
    return new FeedError(
      'auth',
      `KMA API Hub rejected the API key${quoted || ` (HTTP ${status})`}`,
      'Check --auth-key (or WEATHER_STRIP_AUTH_KEY) against your key at apihub.kma.go.kr and that it is approved for kma_sfctm2',
    );
  }
  if (LIMIT_ERRORS.test(body) || status === 429) {
    return new FeedError(
      'rateLimit',
      `KMA API Hub refused the request: the key's request limit is used up${quoted || ` (HTTP ${status})`}`,
      'Run less often (once an hour is enough) or wait until the limit resets',
    );
  }
  if (/^(?:<!doctype\s+html|<html)|<\/?(?:html|body|head)[\s>]/i.test(body)) {
    return new FeedError(
      'http',
      `KMA API Hub sent an HTML page instead of observations (HTTP ${status}${htmlTitle(body)})`,
      'The service may be down or the address wrong; try again later, and check WEATHER_STRIP_APIHUB_URL if you set it',
    );
  }
  if (status < 200 || status >= 300) {
    return new FeedError(
      'http',
      `KMA API Hub answered HTTP ${status}${quoted}`,
      'Try again later; if it persists, check the service status at apihub.kma.go.kr',
    );
  }
  if (body === '') {
    return new FeedError(
      'empty',
      'KMA API Hub sent an empty response',
      'Check that the key is approved for kma_sfctm2 at apihub.kma.go.kr, then try again later',
    );
  }
  if (/^(?:<\?xml|<OpenAPI_ServiceResponse|\{)/i.test(body)) {
    return new FeedError(
      'badResponse',
      `KMA API Hub sent an error instead of observations${quoted}`,
      'Check the request options; if they are right, try again later',
    );
  }
  return undefined;
}
