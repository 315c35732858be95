/**
 * Saved data.go.kr answers, for `--input`: a site saves the service's answers (with curl or a
 * browser) into a folder and runs the feed offline, the same code answering from the files.
 *
 * Format: a folder of `.json` files, each holding one answer exactly as the service sent it, or
 * an array of such answers. A successful answer names its own request (operation, base time,
 * grid point) in its rows, so its file may have any name; pages of one answer may be saved
 * separately and are joined. Any other answer (an error to replay, XML included) is placed by
 * its file name: `getUltraSrtNcst_20250801_1500_60_127.json` (operation, base_date, base_time,
 * nx, ny). A request with no saved answer is answered NO_DATA, as the service answers an hour
 * it does not have.
 */
import { FeedError } from './errors.js';
import { describeKst } from './time.js';
import type { DatagokrOperation } from './datagokr-request.js';
import { DatagokrError } from './datagokr-codes.js';
import { readAnswer, type DatagokrItem } from './datagokr-response.js';
import { fetchDatagokrWeather, type DatagokrResult, type FetchLike, type GridPoint } from './datagokr.js';

/** A file already read: its name (no folder) and its text. */
export interface SavedFile {
  readonly name: string;
  readonly text: string;
}

/** Saved answers, by request. */
export interface SavedResponses {
  /** Rows of successful answers, by `operation|YYYYMMDDHHmm|nx|ny`. */
  readonly rows: ReadonlyMap<string, readonly DatagokrItem[]>;
  /** Other answers, verbatim, by the same key. */
  readonly raw: ReadonlyMap<string, string>;
}

const requestKey = (operation: string, time: string, nx: number | string, ny: number | string) =>
  `${operation}|${time}|${nx}|${ny}`;

const NAMED = /^(getUltraSrtNcst|getUltraSrtFcst)_(\d{8})_(\d{4})_(\d+)_(\d+)(?:_p\d+)?\.(?:json|xml|txt)$/;

/** The header lines KMA API Hub's `kma_sfctm2` text begins with. */
const KMA_TEXT = /^\s*#\s*(?:START7777|YYMMDDHHMI)/m;

function operationOf(items: readonly DatagokrItem[]): DatagokrOperation | undefined {
  const first = items[0];
  if (!first) return undefined;
  if (first.fcstTime === undefined) return 'getUltraSrtNcst';
  // 초단기예보 is issued at HH30 and has T1H; 단기예보 (getVilageFcst) is not.
  return first.baseTime.endsWith('30') && items.some((item) => item.category === 'T1H')
    ? 'getUltraSrtFcst'
    : undefined;
}

function unplaceable(name: string, why: string): FeedError {
  return new FeedError(
    'file',
    `--input ${name} ${why}`,
    'Save each answer of getUltraSrtNcst or getUltraSrtFcst as its own .json file; name an error answer operation_YYYYMMDD_HHmm_nx_ny.json',
  );
}

/** Reads saved answers. Throws a `FeedError` (exit 10) for a file it cannot place. */
export function readSavedResponses(files: readonly SavedFile[]): SavedResponses {
  const rows = new Map<string, DatagokrItem[]>();
  const raw = new Map<string, string>();
  for (const file of files) {
    // A shell may give paths: the name in the folder places the answer.
    const named = NAMED.exec(file.name.split(/[\\/]/).at(-1)!);
    let answers: unknown[] | undefined;
    try {
      const json: unknown = JSON.parse(file.text);
      answers = Array.isArray(json) ? json : [json];
    } catch {
      answers = undefined;
    }
    const pages = (answers ?? []).map((answer) => {
      try {
        return readAnswer(JSON.stringify(answer), 200, { what: file.name, source: file.name });
      } catch (error) {
        if (error instanceof DatagokrError) return undefined;
        throw error;
      }
    });
    if (answers === undefined && !named && KMA_TEXT.test(file.text)) {
      throw new FeedError(
        'badResponse',
        `--input ${file.name} is KMA API Hub's kma_sfctm2 text, not data.go.kr answers`,
        'kma_sfctm2 text is read with --source apihub; --source datagokr reads the JSON answers of data.go.kr',
      );
    }
    if (answers === undefined || pages.some((page) => page === undefined)) {
      if (!named)
        throw unplaceable(
          file.name,
          'is not a successful answer, and its name does not say which request it answers',
        );
      const [, operation, date, time, nx, ny] = named;
      raw.set(requestKey(operation!, date! + time!, Number(nx), Number(ny)), file.text);
      continue;
    }
    for (const page of pages) {
      const items = page!.items;
      const operation = operationOf(items);
      if (!operation)
        throw unplaceable(
          file.name,
          'holds an answer of another operation (not getUltraSrtNcst or getUltraSrtFcst)',
        );
      const first = items[0]!;
      const key = requestKey(operation, first.baseDate + first.baseTime, first.nx, first.ny);
      const merged = rows.get(key) ?? [];
      const id = (item: DatagokrItem) => `${item.category}|${item.fcstDate ?? ''}${item.fcstTime ?? ''}`;
      const known = new Set(merged.map(id));
      merged.push(...items.filter((item) => !known.has(id(item))));
      rows.set(key, merged);
    }
  }
  return { rows, raw };
}

/** The latest 실황 hour among saved answers, KST `YYYYMMDDHHmm`. */
export function latestSavedHour(saved: SavedResponses): string | undefined {
  const hours = [...saved.rows.keys()]
    .filter((key) => key.startsWith('getUltraSrtNcst|'))
    .map((key) => key.split('|')[1]!);
  return hours.sort().at(-1);
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json;charset=UTF-8' } });

/** A `fetch` that answers the service's requests from saved answers, pages included. */
export function savedResponsesFetch(saved: SavedResponses): FetchLike {
  return async (address) => {
    const url = new URL(address);
    const operation = url.pathname.split('/').at(-1) ?? '';
    const q = (name: string) => url.searchParams.get(name) ?? '';
    const key = requestKey(operation, q('base_date') + q('base_time'), q('nx'), q('ny'));
    const raw = saved.raw.get(key);
    if (raw !== undefined) return new Response(raw);
    const items = saved.rows.get(key);
    if (!items) return json({ response: { header: { resultCode: '03', resultMsg: 'NO_DATA' } } });
    const pageNo = Math.max(1, Number(q('pageNo')) || 1);
    const numOfRows = Math.max(1, Number(q('numOfRows')) || 10);
    const item = items.slice((pageNo - 1) * numOfRows, pageNo * numOfRows).map((row) => ({
      baseDate: row.baseDate,
      baseTime: row.baseTime,
      category: row.category,
      ...(row.fcstTime !== undefined
        ? { fcstDate: row.fcstDate, fcstTime: row.fcstTime, fcstValue: row.value }
        : { obsrValue: row.value }),
      nx: row.nx,
      ny: row.ny,
    }));
    return json({
      response: {
        header: { resultCode: '00', resultMsg: 'NORMAL_SERVICE' },
        body: { dataType: 'JSON', items: { item }, pageNo, numOfRows, totalCount: items.length },
      },
    });
  };
}

/**
 * The weather at the grid points from saved answers: the hour `time` (`--time`), or the latest
 * saved one. Reads as `fetchDatagokrWeather` does, so saved errors replay as they happened.
 */
export async function readDatagokrInput(
  files: readonly SavedFile[],
  options: {
    readonly points: readonly GridPoint[];
    readonly time?: string;
    readonly log?: (line: string) => void;
  },
): Promise<DatagokrResult> {
  const saved = readSavedResponses(files);
  const time = options.time ?? latestSavedHour(saved);
  if (time === undefined) {
    throw new FeedError(
      'empty',
      '--input holds no 초단기실황 (getUltraSrtNcst) answer',
      'Save an answer of getUltraSrtNcst for each grid point',
    );
  }
  options.log?.(`reading saved answers for ${describeKst(time)}`);
  return fetchDatagokrWeather({
    points: options.points,
    serviceKey: 'saved',
    baseUrl: 'https://saved.invalid/1360000/VilageFcstInfoService_2.0',
    time,
    fetch: savedResponsesFetch(saved),
    retries: 0,
    source: 'the saved answers',
    ...(options.log ? { log: options.log } : {}),
  });
}
