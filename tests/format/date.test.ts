import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import { dayInZone, formatDateTime, formatDayHeader, isoDay, parseDay } from '../../src/format/date.js';
import { toLang, validTimeZone } from '../../src/format/locale.js';

describe('format/date', () => {
  it('writes the Korean header as YYYY.MM.DD (요일)', () => {
    expect(formatDayHeader({ year: 2025, month: 8, day: 1 }, 'ko')).to.equal('2025.08.01 (금)');
    expect(formatDayHeader({ year: 2026, month: 1, day: 4 }, 'ko')).to.equal('2026.01.04 (일)');
  });

  it('writes the English header with weekday, month and year', () => {
    expect(formatDayHeader({ year: 2025, month: 8, day: 1 }, 'en')).to.equal('Fri, Aug 1, 2025');
  });

  it('finds the calendar day of an instant in a zone', () => {
    const instant = new Date('2025-07-31T16:30:00Z'); // 01:30 on Aug 1 in Seoul
    expect(dayInZone(instant, 'Asia/Seoul')).to.deep.equal({ year: 2025, month: 8, day: 1 });
    expect(dayInZone(instant, 'America/Los_Angeles')).to.deep.equal({ year: 2025, month: 7, day: 31 });
    expect(dayInZone(instant, 'UTC')).to.deep.equal({ year: 2025, month: 7, day: 31 });
  });

  it('parses real YYYY-MM-DD days only', () => {
    expect(parseDay('2025-08-01')).to.deep.equal({ year: 2025, month: 8, day: 1 });
    expect(parseDay(' 2024-02-29 ')).to.deep.equal({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2025-02-29', '2025-13-01', '2025-8-1', '20250801', '', null, undefined]) {
      expect(parseDay(bad), String(bad)).to.equal(undefined);
    }
  });

  it('formats a day for <time datetime>', () => {
    expect(isoDay({ year: 2025, month: 8, day: 1 })).to.equal('2025-08-01');
  });

  it('formats an article date and time in the zone', () => {
    const instant = new Date('2025-08-01T09:00:00+09:00');
    expect(formatDateTime(instant, 'ko')).to.equal('2025.08.01 09:00');
    expect(formatDateTime(instant, 'ko', 'America/Los_Angeles')).to.equal('2025.07.31 17:00');
    expect(formatDateTime(instant, 'en')).to.match(/^Aug 1, 2025,? 9:00\sAM$/);
  });

  it('accepts only zones the browser knows, else Asia/Seoul', () => {
    expect(validTimeZone('Europe/Paris')).to.equal('Europe/Paris');
    expect(validTimeZone('Mars/Olympus')).to.equal('Asia/Seoul');
    expect(validTimeZone('')).to.equal('Asia/Seoul');
  });

  it('creates no Intl.DateTimeFormat for Korean dates in Asia/Seoul', () => {
    const created = sinon.spy(Intl, 'DateTimeFormat');
    try {
      const instant = new Date('2025-07-31T16:30:00Z');
      expect(dayInZone(instant)).to.deep.equal({ year: 2025, month: 8, day: 1 });
      expect(dayInZone(instant, 'Asia/Seoul')).to.deep.equal({ year: 2025, month: 8, day: 1 });
      expect(formatDayHeader({ year: 2025, month: 8, day: 1 }, 'ko')).to.equal('2025.08.01 (금)');
      expect(formatDateTime(instant, 'ko', 'Asia/Seoul')).to.equal('2025.08.01 01:30');
      expect(created.callCount).to.equal(0);
    } finally {
      created.restore();
    }
  });

  it('gives the same Seoul day and time as Intl, at any instant', () => {
    const intl = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Seoul',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const from = Date.UTC(1950, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        const instant = new Date(ms);
        const part = (type: string): string => intl.formatToParts(instant).find((p) => p.type === type)!.value;
        const expected = `${part('year')}.${part('month')}.${part('day')} ${part('hour')}:${part('minute')}`;
        expect(formatDateTime(instant, 'ko')).to.equal(expected);
        expect(isoDay(dayInZone(instant))).to.equal(`${part('year')}-${part('month')}-${part('day')}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads lang values', () => {
    expect(toLang('en')).to.equal('en');
    expect(toLang('en-US')).to.equal('en');
    expect(toLang('ko-KR')).to.equal('ko');
    expect(toLang('fr')).to.equal('ko');
    expect(toLang(null)).to.equal('ko');
  });
});
