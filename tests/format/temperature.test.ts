import { expect } from '@open-wc/testing';
import { formatTemperature } from '../../src/format/temperature.js';

describe('format/temperature', () => {
  it('always shows one decimal and ℃', () => {
    expect(formatTemperature(32)).to.equal('32.0℃');
    expect(formatTemperature(32.3)).to.equal('32.3℃');
    expect(formatTemperature(-3.5)).to.equal('-3.5℃');
    expect(formatTemperature(0)).to.equal('0.0℃');
  });

  it('never shows a negative zero', () => {
    expect(formatTemperature(-0.04)).to.equal('0.0℃');
    expect(formatTemperature(-0)).to.equal('0.0℃');
  });

  it('converts to Fahrenheit', () => {
    expect(formatTemperature(32.3, 'f')).to.equal('90.1℉');
    expect(formatTemperature(-40, 'f')).to.equal('-40.0℉');
    expect(formatTemperature(0, 'f')).to.equal('32.0℉');
  });

  it('shows a missing temperature as "-"', () => {
    expect(formatTemperature(null)).to.equal('-');
    expect(formatTemperature(Number.NaN)).to.equal('-');
    expect(formatTemperature(Number.POSITIVE_INFINITY, 'f')).to.equal('-');
  });
});
