import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBar } from '../../src/model/index.js';
import { expectValidationError } from '../errors/expect-validation-error.js';
import { barArb, priceArb } from './arbitraries.js';
import { barInput } from './fixtures.js';

describe('parseBar', () => {
  it('parses a valid bar, frozen and equal to its input', () => {
    const bar = parseBar(barInput);
    expect(bar).toEqual(barInput);
    expect(Object.isFrozen(bar)).toBe(true);
    expect(() => {
      (bar as { close: number }).close = 1;
    }).toThrow(TypeError);
  });

  it('accepts a flat bar with zero volume (an index minute) and open interest', () => {
    const flat = {
      ...barInput,
      instrument: 'NSE:NIFTY 50',
      open: 100,
      high: 100,
      low: 100,
      close: 100,
      volume: 0,
      oi: 0,
    };
    expect(parseBar(flat)).toEqual(flat);
  });

  it('rejects an unknown exchange in the instrument', () => {
    const error = expectValidationError(
      () => parseBar({ ...barInput, instrument: 'XYZ:INFY' }),
      'instrument',
      'XYZ:INFY',
    );
    expect(error.message).toBe(
      'Invalid bar: instrument: unknown exchange "XYZ": use one of NSE, BSE, NFO, BFO, MCX, CDS, BCD (got "XYZ:INFY")',
    );
  });

  it('rejects a bad instrument id and an unknown timeframe', () => {
    expectValidationError(
      () => parseBar({ ...barInput, instrument: 'INFY' }),
      'instrument',
      'INFY',
    );
    expectValidationError(() => parseBar({ ...barInput, timeframe: '2m' }), 'timeframe', '2m');
  });

  it('rejects non-numeric, NaN, infinite, zero and negative prices', () => {
    expectValidationError(() => parseBar({ ...barInput, open: '1500' }), 'open', '1500');
    expectValidationError(() => parseBar({ ...barInput, close: Number.NaN }), 'close', Number.NaN);
    expectValidationError(
      () => parseBar({ ...barInput, high: Number.POSITIVE_INFINITY }),
      'high',
      Infinity,
    );
    expectValidationError(() => parseBar({ ...barInput, low: 0 }), 'low', 0);
    expectValidationError(() => parseBar({ ...barInput, low: -5 }), 'low', -5);
  });

  it('rejects high below low, naming high', () => {
    const error = expectValidationError(
      () => parseBar({ ...barInput, open: 1500, high: 1490, low: 1495, close: 1492 }),
      'high',
      1490,
    );
    expect(error.message).toContain('high 1490 is below low 1495');
  });

  it('rejects open or close outside the range', () => {
    expectValidationError(() => parseBar({ ...barInput, open: 1506 }), 'open', 1506);
    expectValidationError(() => parseBar({ ...barInput, close: 1498 }), 'close', 1498);
  });

  it('rejects negative or non-numeric volume and open interest', () => {
    expectValidationError(() => parseBar({ ...barInput, volume: -1 }), 'volume', -1);
    expectValidationError(() => parseBar({ ...barInput, volume: '12000' }), 'volume', '12000');
    expectValidationError(() => parseBar({ ...barInput, oi: -3 }), 'oi', -3);
  });

  it('rejects a fractional or missing time and a wrong kind', () => {
    expectValidationError(() => parseBar({ ...barInput, time: 1.5 }), 'time', 1.5);
    const { time: _time, ...noTime } = barInput;
    expectValidationError(() => parseBar(noTime), 'time', undefined);
    expectValidationError(() => parseBar({ ...barInput, kind: 'tick' }), 'kind', 'tick');
  });

  it('property: any valid bar round-trips through JSON and the schema unchanged', () => {
    fc.assert(
      fc.property(barArb, (bar) => {
        const parsed = parseBar(JSON.parse(JSON.stringify(bar)));
        expect(parsed).toEqual(bar);
        expect(Object.isFrozen(parsed)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('property: any bar with high < low is rejected naming high and its value', () => {
    const inverted = fc
      .tuple(barArb, priceArb)
      .filter(([bar, high]) => high < bar.low)
      .map(([bar, high]) => ({ ...bar, high }));
    fc.assert(
      fc.property(inverted, (bar) => {
        expectValidationError(() => parseBar(bar), 'high', bar.high);
      }),
      { numRuns: 200 },
    );
  });
});
