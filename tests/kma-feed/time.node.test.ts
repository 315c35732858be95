import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeKst, isKstTime, latestHour, previousHour } from '../../src/kma-feed/time.js';

describe('KST hours', () => {
  it("takes the latest hour in KST, whatever the machine's zone", () => {
    assert.equal(latestHour(new Date('2025-08-01T06:07:59Z')), '202508011500');
    // 23:30 UTC on New Year's Eve is already 08:30 on January 1 in Seoul.
    assert.equal(latestHour(new Date('2025-12-31T23:30:00Z')), '202601010800');
  });

  it('steps back one hour across days, months and years', () => {
    assert.equal(previousHour('202508011500'), '202508011400');
    assert.equal(previousHour('202603010000'), '202602282300');
    assert.equal(previousHour('202601010000'), '202512312300');
    assert.throws(() => previousHour('20260101'), RangeError);
  });

  it('accepts only real YYYYMMDDHHmm times', () => {
    assert.equal(isKstTime('202508011500'), true);
    assert.equal(isKstTime('202402290000'), true);
    for (const bad of ['202502290000', '202508012400', '202508011560', '2025080115', '2025-08-01']) {
      assert.equal(isKstTime(bad), false, bad);
    }
  });

  it('writes times for messages', () => {
    assert.equal(describeKst('202508011500'), '2025-08-01 15:00 KST');
  });
});
