import { PravahError, ValidationError } from '@pravah/sdk';
import BaseDecimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakEven,
  contractNote,
  exactRounding,
  upstox,
  zerodha,
  type BreakEvenOrder,
} from '../../src/index.js';
import { expectThrown } from '../support/expect-error.js';

const Decimal = BaseDecimal.clone({ precision: 40 });

const option: BreakEvenOrder = {
  exchange: 'NFO',
  instrumentType: 'CE',
  product: 'NRML',
  side: 'BUY',
  quantity: 65,
  price: 120,
  tradeDate: '2026-06-15',
};

describe('breakEven', () => {
  it('with an exit price, is the round trip total divided by the quantity (calculator convention)', () => {
    const r = breakEven({ ...option, exitPrice: 130 }, { plan: zerodha() });
    const note = contractNote(
      [
        { ...option, symbol: 'X' },
        { ...option, side: 'SELL', price: 130, symbol: 'X' },
      ],
      { plan: zerodha() },
    );
    expect(r.charges.total.toFixed(2)).toBe(note.charges.total.toFixed(2));
    expect(r.exactPoints.toFixed()).toBe(note.charges.total.dividedBy(65).toFixed());
    expect(r.exitPrice.toFixed()).toBe('130');
  });

  it('without one, solves the exit whose move exactly pays the round trip (long and short)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('BUY' as const, 'SELL' as const),
        fc.integer({ min: 1, max: 50 }).map((lots) => lots * 65),
        fc.integer({ min: 500, max: 100_000 }).map((p) => p / 100),
        (side, quantity, price) => {
          const plan = upstox();
          const r = breakEven(
            { ...option, side, quantity, price },
            { plan, rounding: exactRounding },
          );
          const sign = side === 'BUY' ? 1 : -1;
          expect(r.exitPrice.toFixed()).toBe(
            new Decimal(String(price)).plus(r.exactPoints.times(sign)).toFixed(),
          );
          // The move times the quantity covers the charges of that very round trip (to 1e-20).
          expect(r.exactPoints.times(quantity).minus(r.charges.total).abs().lessThan('1e-20')).toBe(
            true,
          );
          expect(r.points.toFixed()).toBe(
            r.exactPoints.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a short whose charges exceed its price cannot break even', () => {
    const e = expectThrown(
      () => breakEven({ ...option, side: 'SELL', price: 0.05, quantity: 65 }, { plan: zerodha() }),
      PravahError,
    );
    expect(e.code).toBe('NO_BREAK_EVEN');
  });

  it('validates the order and the exit price', () => {
    const e = expectThrown(
      () => breakEven({ ...option, exitPrice: -1 }, { plan: zerodha() }),
      ValidationError,
    );
    expect([e.field, e.value]).toEqual(['exitPrice', -1]);
  });
});
