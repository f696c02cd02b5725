import { describe, expect, it } from 'vitest';
import {
  fixedBps,
  fixedTicks,
  halfSpread,
  noSlippage,
  ValidationError,
  volumeShare,
  type SlippageQuote,
} from '../../src/index.js';

const quote = (tickSize: number, extra: Partial<SlippageQuote> = {}): SlippageQuote => ({
  price: 0,
  tickSize,
  ...extra,
});
const buy = (price: number, quantity = 10) => ({ side: 'BUY' as const, quantity, price });
const sell = (price: number, quantity = 10) => ({ side: 'SELL' as const, quantity, price });

describe('noSlippage', () => {
  it('returns the venue price unchanged', () => {
    expect(noSlippage().adjust(buy(2400.37), quote(0.05))).toBe(2400.37);
    expect(noSlippage().name).toBe('none');
  });
});

describe('fixedBps', () => {
  it('moves the price by the basis points against the trader, then onto the tick grid', () => {
    const model = fixedBps(5);
    expect(model.name).toBe('fixedBps(5)');
    expect(model.adjust(buy(2400), quote(0.1))).toBe(2401.2);
    expect(model.adjust(sell(2400), quote(0.1))).toBe(2398.8);
    expect(fixedBps(3).adjust(buy(100), quote(0.05))).toBe(100.05);
    expect(fixedBps(3).adjust(sell(100), quote(0.05))).toBe(99.95);
    expect(fixedBps(0).adjust(sell(100), quote(0.05))).toBe(100);
  });

  it('never prices a sell below one tick', () => {
    expect(fixedBps(10).adjust(sell(0.05), quote(0.05))).toBe(0.05);
  });

  it('rejects negative, huge or non-finite basis points', () => {
    expect(() => fixedBps(-1)).toThrow(ValidationError);
    expect(() => fixedBps(10_001)).toThrow(ValidationError);
    expect(() => fixedBps(Number.NaN)).toThrow(/basis points/);
  });
});

describe('fixedTicks', () => {
  it('moves the price a whole number of ticks against the trader', () => {
    const model = fixedTicks(2);
    expect(model.name).toBe('fixedTicks(2)');
    expect(model.adjust(buy(512.4), quote(0.05))).toBe(512.5);
    expect(model.adjust(sell(512.4), quote(0.05))).toBe(512.3);
    expect(fixedTicks(1).adjust(sell(24_000), quote(0.1))).toBe(23_999.9);
  });

  it('snaps an off-grid venue price against the trader before moving', () => {
    expect(fixedTicks(2).adjust(buy(512.42), quote(0.05))).toBe(512.55);
    expect(fixedTicks(2).adjust(sell(512.42), quote(0.05))).toBe(512.3);
  });

  it('stops a sell at one tick and rejects fractional or negative ticks', () => {
    expect(fixedTicks(5).adjust(sell(0.1), quote(0.05))).toBe(0.05);
    expect(() => fixedTicks(1.5)).toThrow(ValidationError);
    expect(() => fixedTicks(-1)).toThrow(ValidationError);
  });
});

describe('halfSpread', () => {
  it('charges half the quoted spread against the trader', () => {
    const model = halfSpread();
    const quoted = quote(0.1, { bid: 2399.9, ask: 2400.3 });
    expect(model.adjust(buy(2400), quoted)).toBe(2400.2);
    expect(model.adjust(sell(2400), quoted)).toBe(2399.8);
  });

  it('rounds half a tick up to a whole tick against the trader', () => {
    const oneTickWide = quote(0.05, { bid: 100, ask: 100.05 });
    expect(halfSpread().adjust(buy(100), oneTickWide)).toBe(100.05);
    expect(halfSpread().adjust(sell(100), oneTickWide)).toBe(99.95);
  });

  it('falls back when the quote has no usable two-sided market', () => {
    const model = halfSpread({ fallback: fixedBps(10) });
    expect(model.name).toBe('halfSpread(fallback=fixedBps(10))');
    expect(model.adjust(buy(1000), quote(0.05))).toBe(1001);
    expect(model.adjust(buy(1000), quote(0.05, { bid: 999.5, ask: 0 }))).toBe(1001);
    expect(model.adjust(buy(1000), quote(0.05, { bid: 1000.5, ask: 999.5 }))).toBe(1001);
    expect(model.adjust(sell(1000), quote(0.05, { ask: 1000.5 }))).toBe(999);
    expect(halfSpread().name).toBe('halfSpread(fallback=fixedTicks(1))');
    expect(halfSpread().adjust(buy(1000), quote(0.05))).toBe(1000.05);
  });

  it('rejects a fallback that is not a model', () => {
    expect(() => halfSpread({ fallback: 'fixedTicks' as never })).toThrow(ValidationError);
  });
});

describe('volumeShare', () => {
  it('applies impact x volatility x sqrt(quantity / volume) against the trader', () => {
    const model = volumeShare({ impact: 1, volatility: 0.01 });
    const minute = quote(0.05, { volume: 36_239 });
    // sqrt(500 / 36239) = 0.117461..., so the move is 0.117461% of 348.5 = 0.40935.
    expect(model.adjust(buy(348.5, 500), minute)).toBe(348.95);
    expect(model.adjust(sell(348.5, 500), minute)).toBe(348.05);
  });

  it('prices 1% participation at a tenth of the coefficient', () => {
    const model = volumeShare({ impact: 0.1 });
    expect(model.adjust(buy(1000, 100), quote(0.05, { volume: 10_000 }))).toBe(1010);
    expect(model.adjust(sell(1000, 100), quote(0.05, { volume: 10_000 }))).toBe(990);
  });

  it('prices zero, unknown or excessive participation at the cap', () => {
    const model = volumeShare({ impact: 0.1, participationCap: 0.25 });
    expect(model.participationCap).toBe(0.25);
    expect(model.adjust(buy(1000, 100), quote(0.05, { volume: 0 }))).toBe(1050);
    expect(model.adjust(buy(1000, 100), quote(0.05))).toBe(1050);
    expect(model.adjust(sell(1000, 1_000_000), quote(0.05, { volume: 10 }))).toBe(950);
  });

  it('never prices a sell below one tick, however large the impact', () => {
    expect(volumeShare({ impact: 5 }).adjust(sell(1000, 100), quote(0.05, { volume: 100 }))).toBe(
      0.05,
    );
  });

  it('charges more for bigger fills', () => {
    const model = volumeShare({ impact: 0.5, volatility: 0.02 });
    const prices = [10, 100, 1000, 10_000].map((q) =>
      model.adjust(buy(500, q), quote(0.05, { volume: 50_000 })),
    );
    // moves of 0.0707, 0.2236, 0.7071 and 2.2361 rupees, each rounded up to the 0.05 tick
    expect(prices).toEqual([500.1, 500.25, 500.75, 502.25]);
  });

  it('validates its options, naming the field', () => {
    expect(() => volumeShare({ impact: -0.1 })).toThrow(ValidationError);
    expect(() => volumeShare({ impact: 0.1, participationCap: 0 })).toThrow(/participationCap/);
    expect(() => volumeShare({ impact: 0.1, participationCap: 1.5 })).toThrow(/participationCap/);
    expect(() => volumeShare({ impact: 0.1, volatiltiy: 0.2 } as never)).toThrow(ValidationError);
    expect(() => volumeShare(undefined as never)).toThrow(ValidationError);
  });
});
