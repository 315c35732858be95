// When each source can have published an hour: what the edge handler's cache lifetimes and the
// scheduled workflow's minutes are built on.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APIHUB_CRON,
  DATAGOKR_CRON,
  PUBLISHED_AT_MINUTE,
  nextPublication,
  publishedHour,
} from '../../src/kma-feed/index.js';

const kst = (time: string) => new Date(`${time.replace(' ', 'T')}+09:00`);

describe('publication times', () => {
  it('puts API Hub at HH:10 and data.go.kr at HH:45, when its 예보 joins the 실황', () => {
    assert.deepEqual(PUBLISHED_AT_MINUTE, { apihub: 10, datagokr: 45 });
  });

  it('gives the newest hour each source should have out', () => {
    const cases: [string, string, string][] = [
      ['apihub', '2025-08-01 15:09:59', '202508011400'],
      ['apihub', '2025-08-01 15:10:00', '202508011500'],
      ['datagokr', '2025-08-01 15:44:59', '202508011400'],
      ['datagokr', '2025-08-01 15:45:00', '202508011500'],
      // Across midnight, KST
      ['apihub', '2025-08-02 00:05:00', '202508012300'],
      ['datagokr', '2025-01-01 00:30:00', '202412312300'],
    ];
    for (const [source, at, hour] of cases)
      assert.equal(publishedHour(source as 'apihub' | 'datagokr', kst(at)), hour, `${source} ${at}`);
  });

  it('gives the next instant a newer hour can appear, always after now', () => {
    const cases: [string, string, string][] = [
      ['apihub', '2025-08-01 15:20:00', '2025-08-01 16:10:00'],
      ['apihub', '2025-08-01 15:09:59', '2025-08-01 15:10:00'],
      ['apihub', '2025-08-01 15:10:00', '2025-08-01 16:10:00'],
      ['datagokr', '2025-08-01 15:50:00', '2025-08-01 16:45:00'],
      ['datagokr', '2025-08-01 23:46:00', '2025-08-02 00:45:00'],
    ];
    for (const [source, at, next] of cases)
      assert.equal(
        nextPublication(source as 'apihub' | 'datagokr', kst(at)).getTime(),
        kst(next).getTime(),
        `${source} ${at}`,
      );
  });

  it('schedules hourly runs a couple of minutes after each source publishes', () => {
    assert.equal(APIHUB_CRON, `${PUBLISHED_AT_MINUTE.apihub + 2} * * * *`);
    assert.equal(DATAGOKR_CRON, `${PUBLISHED_AT_MINUTE.datagokr + 5} * * * *`);
  });
});
