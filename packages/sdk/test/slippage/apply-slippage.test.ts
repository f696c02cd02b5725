import { describe, expect, it } from 'vitest';
import {
  applySlippage,
  fixedTicks,
  noSlippage,
  SlippageError,
  type SlippageModel,
} from '../../src/index.js';
import { fill } from './fixtures.js';

describe('applySlippage', () => {
  it('sets the adjusted price and keeps the venue price in rawPrice', () => {
    const raw = fill({ side: 'SELL', price: 2400 });
    const slipped = applySlippage(fixedTicks(3), raw, { price: 2400, tickSize: 0.1 });
    expect(slipped).toEqual({ ...raw, price: 2399.7, rawPrice: 2400 });
    expect(raw.price).toBe(2400);
  });

  it('returns the same fill when the price does not change', () => {
    const raw = fill();
    expect(applySlippage(noSlippage(), raw, { price: 2400, tickSize: 0.1 })).toBe(raw);
  });

  it('rejects a model that returns NaN or a price in the trader’s favour', () => {
    const broken: SlippageModel = { name: 'broken', adjust: () => Number.NaN };
    const generous: SlippageModel = { name: 'generous', adjust: (f) => f.price - 1 };
    expect(() => applySlippage(broken, fill(), { price: 2400, tickSize: 0.1 })).toThrow(
      SlippageError,
    );
    try {
      applySlippage(generous, fill(), { price: 2400, tickSize: 0.1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SlippageError);
      const e = error as SlippageError;
      expect([e.code, e.model, e.field, e.value]).toEqual([
        'INVALID_SLIPPAGE',
        'generous',
        'price',
        2399,
      ]);
      expect(e.message).toBe(
        'Slippage model "generous" returned 2399 for a BUY fill at 2400: slippage must never favour the trader; fix the model',
      );
    }
  });
});
