// The command on KMA data as KMA writes it: real responses, responses cut short, headers that are
// not KMA's, oversized answers, error bodies of API Hub and data.go.kr, and where the feed goes.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../src/kma-feed/errors.js';
import {
  REAL,
  REFERENCE_FIXTURE,
  bundledCommand,
  fixtureText,
  realText,
  runCommand,
  type RunResult,
} from './helpers.js';

const KEY = 'k3y-Secret_0123456789abcdef';
const PATH = '/api/typ01/url/kma_sfctm2.php';
const COLD = join(REAL, 'kma_sfctm3_stn108_20250111.txt');
const SNOW = join(REAL, 'kma_sfctm3_stn108_20250113-14.txt');
const STORM = join(REAL, 'kma_sfctm3_stn108_20250813-14.txt');

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
let server: Server;
let base: string;
let handler: Handler;
let requests = 0;

function reply(status: number, body: string | Buffer, type = 'text/plain'): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': type });
    response.end(body);
  };
}

function fetchRun(args: readonly string[] = []): Promise<RunResult> {
  return runCommand(['--source', 'apihub', '--auth-key', KEY, '--retries', '0', ...args], {
    env: { WEATHER_STRIP_APIHUB_URL: `${base}${PATH}` },
  });
}

function assertError(result: RunResult, code: number, pattern: RegExp): void {
  assert.equal(result.code, code, `exit code; stderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^weather-strip-feed: [^\n]+\.\n$/, 'one line');
  assert.match(result.stderr, pattern);
  assert.ok(!result.stderr.includes(KEY), 'the key is not printed');
}

/** The stations of the feed the command printed. */
function stations(result: RunResult): unknown {
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout).stations;
}

function seoulAt(file: string, time: string): Promise<RunResult> {
  return runCommand(['--input', file, '--time', time, '--stations', '108']);
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'wsf-reading-'));
}

before(async () => {
  bundledCommand();
  server = createServer((request, response) => {
    requests++;
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

beforeEach(() => {
  requests = 0;
  handler = reply(500, 'no handler');
});

describe('weather-strip-feed on real KMA hours', () => {
  it('writes −9.0 ℃ as −9.0 ℃ (서울, 2025-01-11 06:00), and the hours around it', async () => {
    const result = await seoulAt(COLD, '202501110600');
    assert.deepEqual(stations(result), [{ id: 108, name: '서울', sky: '맑음', temp: -9 }]);
    assert.match(result.stdout, /"temp": -9\.0 \}/);
    assert.deepEqual(stations(await seoulAt(COLD, '202501110500')), [
      { id: 108, name: '서울', sky: '맑음', temp: -8.5 },
    ]);
    assert.deepEqual(stations(await seoulAt(COLD, '202501110700')), [
      { id: 108, name: '서울', sky: '맑음', temp: -9.2 },
    ]);
  });

  it('lets the clouds decide the sky when rain, snow or thunder ended within the past hour', async () => {
    // WC 23 "rain and snow ended" under a clear sky, WC 22 "snow ended" under 8 tenths.
    assert.deepEqual(stations(await seoulAt(SNOW, '202501140600')), [
      { id: 108, name: '서울', sky: '맑음', temp: 1.7 },
    ]);
    assert.deepEqual(stations(await seoulAt(SNOW, '202501131000')), [
      { id: 108, name: '서울', sky: '구름많음', temp: -2.2 },
    ]);
    // WC 29 "thunderstorm ended" under 10 tenths.
    assert.deepEqual(stations(await seoulAt(STORM, '202508132000')), [
      { id: 108, name: '서울', sky: '흐림', temp: 24.7 },
    ]);
  });

  it('reads rain with thunder only in the past hour (WC 92) as rain, and snow as snow', async () => {
    assert.deepEqual(stations(await seoulAt(STORM, '202508131300')), [
      { id: 108, name: '서울', sky: '비', temp: 23.7 },
    ]);
    assert.deepEqual(stations(await seoulAt(STORM, '202508131200')), [
      { id: 108, name: '서울', sky: '뇌우', temp: 23.3 },
    ]);
    assert.deepEqual(stations(await seoulAt(SNOW, '202501130800')), [
      { id: 108, name: '서울', sky: '눈', temp: -4.2 },
    ]);
  });
});

describe('a response cut short', () => {
  it('#START7777 without #7777END: exit 9, the line and the fix, and --out left untouched', async () => {
    const dir = scratch();
    const out = join(dir, 'weather.json');
    writeFileSync(out, '{"previous": true}\n');
    const result = await runCommand([
      '--input',
      join(REAL, 'kma_sfctm2_B_stn156_202608181500.txt'),
      '--stations',
      '광주',
      '--out',
      out,
    ]);
    assertError(
      result,
      EXIT.badResponse,
      /kma_sfctm2_B_stn156_202608181500\.txt is not a kma_sfctm2 response that can be read: the response begins with #START7777 \(line 2\) but has no #7777END: it was cut short after line 6\. Fetch it again, or save it whole: a kma_sfctm2 response ends with a #7777END line/,
    );
    assert.equal(readFileSync(out, 'utf8'), '{"previous": true}\n');
    assert.deepEqual(readdirSync(dir), ['weather.json']);
  });

  it('a last row cut after 66 characters: exit 9 naming the line, never 24 ℃ for 24.8', async () => {
    const lines = fixtureText('kma_sfctm2_reference_202508011500.txt').split('\n');
    lines[22] = lines[22]!.slice(0, 66);
    handler = reply(200, lines.slice(0, 23).join('\n'));
    assertError(
      await fetchRun(['--stations', '108']),
      EXIT.badResponse,
      /KMA API Hub's answer is not a kma_sfctm2 response that can be read: line 23 has 12 fields where the names line \(line 3\) names 46: the response was cut short/,
    );
    assert.equal(requests, 1);
  });
});

describe('headers that are not KMA’s', () => {
  const realRow = realText('kma_sfctm3_stn108_20250111.txt')
    .split('\n')
    .find((line) => line.startsWith('202501110600'))!;

  it('a real row under `# YYMMDDHHMI STN ...`: read by position, and --verbose says so', async () => {
    const dir = scratch();
    const file = join(dir, 'short-header.txt');
    writeFileSync(file, `#START7777\n# YYMMDDHHMI STN ...\n${realRow}\n#7777END\n`);
    const result = await runCommand(['--input', file, '--stations', '108', '--verbose']);
    assert.deepEqual(stations(result), [{ id: 108, name: '서울', sky: '맑음', temp: -9 }]);
    assert.match(
      result.stderr,
      /^weather-strip-feed: note: .*short-header\.txt: the names line \(line 2\) does not name KMA's columns \(\.\.\.\): rows of 46 fields read by position in KMA's 46-column layout$/m,
    );
  });

  it('--verbose prints the notes of a real response whose names line stops at RN', async () => {
    const result = await runCommand([
      '--input',
      join(REAL, 'kma_sfctm2_C_stn108_202606100900.txt'),
      '--stations',
      '108',
      '--verbose',
    ]);
    assert.deepEqual(stations(result), [{ id: 108, name: '서울', sky: '구름조금', temp: 20.9 }]);
    assert.match(
      result.stderr,
      /note: .*the names line \(line 3\) stops after 16 of the 46 columns \(at RN\)/,
    );
  });

  it('names that are not KMA’s over rows of another width: exit 9', async () => {
    const dir = scratch();
    const file = join(dir, 'other.txt');
    writeFileSync(file, '# YYMMDDHHMI STN TEMP SKY\n202501110600 108 -9.0 0\n');
    assertError(
      await runCommand(['--input', file, '--stations', '108']),
      EXIT.badResponse,
      /line 2 has 4 fields, and the names line \(line 1\) names columns that are not kma_sfctm2's \(TEMP, SKY\)/,
    );
  });

  it('never exit 0 with every field null: columns without TA, WC or CA_TOT are refused', async () => {
    const dir = scratch();
    const file = join(dir, 'wind.txt');
    writeFileSync(file, '# YYMMDDHHMI STN WD WS\n202501110600 108 5 1.6\n');
    assertError(
      await runCommand(['--input', file, '--stations', '108']),
      EXIT.badResponse,
      /hold none of TA, WC and CA_TOT/,
    );
  });

  it('never exit 0 with every field null: a station whose every value is missing is refused', async () => {
    const dir = scratch();
    const file = join(dir, 'missing.txt');
    // The real row with TA and CA_TOT missing (WC is missing already): nothing left to show.
    const fields = realRow.split(/\s+/);
    [fields[11], fields[25]] = ['-99.0', '-9'];
    const row = fields.join(' ');
    writeFileSync(
      file,
      `${fixtureText('kma_sfctm2_reference_202508011500.txt').split('\n').slice(0, 4).join('\n')}\n${row}\n#7777END\n`,
    );
    assertError(
      await runCommand(['--input', file, '--stations', '108']),
      EXIT.empty,
      /No station has a sky or a temperature at 2025-01-11 06:00 KST: every value is missing/,
    );
  });

  it('a TA outside −60…60 ℃ is missing, and --verbose says so', async () => {
    const dir = scratch();
    const file = join(dir, 'hot.txt');
    writeFileSync(file, realText('kma_sfctm3_stn108_20250111.txt').replace(' -9.0 -13.1 ', ' 90.0 -13.1 '));
    const result = await runCommand([
      '--input',
      file,
      '--time',
      '202501110600',
      '--stations',
      '108',
      '--verbose',
    ]);
    assert.deepEqual(stations(result), [{ id: 108, name: '서울', sky: '맑음', temp: null }]);
    assert.match(
      result.stderr,
      /note: .*hot\.txt: line 12: TA 90 °C of station 108 at 202501110600 is outside −60…60 °C: read as missing/,
    );
  });
});

describe('size', () => {
  // Valid rows of one hour, repeated past 8 MB: an older command read it all and wrote a feed.
  const rows = realText('kma_sfctm3_stn108_20250111.txt').split('\n');
  const row = rows.find((line) => line.startsWith('202501110600'))!;
  const huge = `${rows.slice(1, 5).join('\n')}\n${`${row}\n`.repeat(Math.ceil((9 * 1024 * 1024) / row.length))}#7777END\n`;

  it('an --input file larger than 8 MB: exit 9 with the size an hour is', async () => {
    const dir = scratch();
    const file = join(dir, 'month-of-everything.txt');
    writeFileSync(file, huge);
    assertError(
      await runCommand(['--input', file, '--stations', '108']),
      EXIT.badResponse,
      /month-of-everything\.txt is larger than the 8\.0 MB a kma_sfctm2 response is read up to \(an hour of every station is about 30 kB\)\. Save one hour/,
    );
  });

  it('standard input larger than 8 MB: exit 9', async () => {
    assertError(
      await runCommand(['--input', '-', '--stations', '108'], { stdin: huge }),
      EXIT.badResponse,
      /standard input is larger than the 8\.0 MB/,
    );
  });

  it('an answer larger than 8 MB: exit 9, not read to its end, not retried', async () => {
    handler = reply(200, huge);
    assertError(
      await fetchRun(['--stations', '108', '--retries', '2', '--retry-delay', '0']),
      EXIT.badResponse,
      /KMA API Hub sent more than 8\.0 MB; an hour of every station is about 30 kB/,
    );
    assert.equal(requests, 1);
  });
});

describe("API Hub's own error bodies", () => {
  it('401 "유효한 인증키가 아닙니다.": exit 3, the key is wrong', async () => {
    handler = reply(
      200,
      '{"result":{"status":401,"message":"유효한 인증키가 아닙니다."}}',
      'application/json',
    );
    assertError(
      await fetchRun(),
      EXIT.auth,
      /KMA API Hub rejected the API key as not valid \(401 유효한 인증키가 아닙니다\.\)\. The key is wrong: copy it again from apihub\.kma\.go\.kr/,
    );
  });

  it('403 "활용신청이 필요한 API 입니다.": exit 3, subscribe to the API, no retry', async () => {
    handler = reply(
      403,
      '{"result":{"status":403,"message":"활용신청이 필요한 API 입니다."}}',
      'application/json',
    );
    assertError(
      await fetchRun(['--retries', '2', '--retry-delay', '0']),
      EXIT.auth,
      /refused the key for this API: it is not subscribed to it \(403 활용신청이 필요한 API 입니다\.\)\. Subscribe the key to 지상관측 시간자료 \(kma_sfctm2\) at apihub\.kma\.go\.kr \(활용신청\)/,
    );
    assert.equal(requests, 1);
  });

  it('the same body saved to a file: exit 3', async () => {
    const dir = scratch();
    const file = join(dir, 'saved.json');
    writeFileSync(file, '{"result":{"status":401,"message":"유효한 인증키가 아닙니다."}}');
    assertError(
      await runCommand(['--input', file]),
      EXIT.auth,
      /saved\.json: KMA API Hub rejected the API key as not valid/,
    );
  });
});

describe('a data.go.kr response given to --source apihub', () => {
  // The shape of data.go.kr's getUltraSrtNcst (초단기실황): response.header.resultCode.
  const nowcast = JSON.stringify({
    response: {
      header: { resultCode: '00', resultMsg: 'NORMAL_SERVICE' },
      body: {
        dataType: 'JSON',
        items: {
          item: [
            { baseDate: '20200905', baseTime: '0800', category: 'T1H', nx: 59, ny: 123, obsrValue: '23.1' },
          ],
        },
      },
    },
  });

  it('a saved nowcast: exit 9, saying what it is and that --source datagokr reads it', async () => {
    const dir = scratch();
    const file = join(dir, 'ncst.json');
    writeFileSync(file, nowcast);
    assertError(
      await runCommand(['--input', file]),
      EXIT.badResponse,
      /ncst\.json: this is a data\.go\.kr response \(resultCode 00 NORMAL_SERVICE\), not KMA API Hub's kma_sfctm2 observations\. data\.go\.kr answers are read with --source datagokr/,
    );
  });

  it('fetched, with data.go.kr NO_DATA: exit 9, the same', async () => {
    handler = reply(
      200,
      '{"response":{"header":{"resultCode":"03","resultMsg":"NO_DATA"}}}',
      'application/json',
    );
    assertError(
      await fetchRun(),
      EXIT.badResponse,
      /this is a data\.go\.kr response \(resultCode 03 NO_DATA\).*--source datagokr/,
    );
  });
});

describe('--out', () => {
  it('- is standard output, and no file named -', async () => {
    const dir = scratch();
    const result = await runCommand(['--input', REFERENCE_FIXTURE, '--stations', '108', '--out', '-'], {
      cwd: dir,
    });
    assert.deepEqual(stations(result), [{ id: 108, name: '서울', sky: '흐림', temp: 32.3 }]);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('a symbolic link: the target is updated and the link kept', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'feeds'));
    mkdirSync(join(dir, 'public'));
    writeFileSync(join(dir, 'feeds', 'weather.json'), '{"previous": true}\n');
    symlinkSync('../feeds/weather.json', join(dir, 'public', 'weather.json'));
    const result = await runCommand([
      '--input',
      REFERENCE_FIXTURE,
      '--stations',
      '108',
      '--out',
      join(dir, 'public', 'weather.json'),
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(lstatSync(join(dir, 'public', 'weather.json')).isSymbolicLink(), 'still a link');
    assert.equal(JSON.parse(readFileSync(join(dir, 'feeds', 'weather.json'), 'utf8')).stations[0].temp, 32.3);
    assert.deepEqual(readdirSync(join(dir, 'feeds')), ['weather.json']);
    assert.deepEqual(readdirSync(join(dir, 'public')), ['weather.json']);
  });

  it('a link to a file not yet written: the file is created, the link kept', async () => {
    const dir = scratch();
    symlinkSync('weather-target.json', join(dir, 'weather.json'));
    const result = await runCommand([
      '--input',
      REFERENCE_FIXTURE,
      '--stations',
      '108',
      '--out',
      join(dir, 'weather.json'),
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(lstatSync(join(dir, 'weather.json')).isSymbolicLink());
    assert.equal(JSON.parse(readFileSync(join(dir, 'weather-target.json'), 'utf8')).version, 1);
  });

  it("keeps the existing file's mode", async () => {
    const dir = scratch();
    const out = join(dir, 'weather.json');
    writeFileSync(out, '{}\n');
    chmodSync(out, 0o640);
    const result = await runCommand(['--input', REFERENCE_FIXTURE, '--stations', '108', '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(statSync(out).mode & 0o777, 0o640);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).version, 1);
  });
});
