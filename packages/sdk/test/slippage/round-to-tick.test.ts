import { describe, expect, it } from 'vitest';
import { roundToTickAdverse, ValidationError } from '../../src/index.js';

describe('roundToTickAdverse', () => {
  it('rounds buys up and sells down to the tick grid', () => {
    expect(roundToTickAdverse(2345.01, 'BUY', 0.05)).toBe(2345.05);
    expect(roundToTickAdverse(2345.09, 'SELL', 0.05)).toBe(2345.05);
    expect(roundToTickAdverse(24_000.04, 'BUY', 0.1)).toBe(24_000.1);
    expect(roundToTickAdverse(101, 'SELL', 5)).toBe(100);
    expect(roundToTickAdverse(83.12345, 'BUY', 0.0025)).toBe(83.125);
  });

  it('leaves prices already on the grid alone, despite floating-point noise', () => {
    expect(roundToTickAdverse(2345.05, 'BUY', 0.05)).toBe(2345.05);
    expect(roundToTickAdverse(2345.05, 'SELL', 0.05)).toBe(2345.05);
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
    expect(roundToTickAdverse(0.1 + 0.2, 'BUY', 0.05)).toBe(0.3);
    expect(roundToTickAdverse(2400 * 1.0005, 'BUY', 0.1)).toBe(2401.2);
  });

  it('returns exact decimal doubles for odd tick sizes', () => {
    expect(roundToTickAdverse(0.1, 'BUY', 0.03)).toBe(0.12);
    expect(roundToTickAdverse(1.0001, 'BUY', 0.25)).toBe(1.25);
  });

  it('never rounds a sell below one tick: a price under one tick is refused', () => {
    expect(roundToTickAdverse(0.05, 'SELL', 0.05)).toBe(0.05);
    expect(() => roundToTickAdverse(0.04, 'SELL', 0.05)).toThrow(/at least one tick/);
  });

  it('rejects a non-positive or non-finite price or tick size, naming the field', () => {
    expect(() => roundToTickAdverse(100, 'BUY', 0)).toThrow(ValidationError);
    expect(() => roundToTickAdverse(Number.NaN, 'BUY', 0.05)).toThrow(/price/);
    try {
      roundToTickAdverse(100, 'SELL', Number.POSITIVE_INFINITY);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('tickSize');
    }
  });
});
