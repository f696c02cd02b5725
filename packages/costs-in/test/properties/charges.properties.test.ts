import BaseDecimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHARGE_COMPONENTS as COMPONENTS } from '@pravah/sdk';
import {
  charges,
  exactRounding,
  perContractNoteRounding,
  perOrderRounding,
  roundingPolicy,
} from '../../src/index.js';
import { orderArb, planArb, policyArb, priceArb, quantityArb } from '../support/arbitraries.js';

// Sums need more than decimal.js's default 20 significant digits to stay exact.
const Decimal = BaseDecimal.clone({ precision: 60 });

describe('charges: properties', () => {
  it('every component and the total are >= 0, for every plan and policy', () => {
    fc.assert(
      fc.property(orderArb, planArb, policyArb, (order, plan, rounding) => {
        const c = charges(order, { plan, rounding });
        for (const k of [...COMPONENTS, 'total'] as const) expect(c[k].isNegative(), k).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic (non-decreasing) in quantity, line by line', () => {
    fc.assert(
      fc.property(orderArb, planArb, policyArb, quantityArb, (order, plan, rounding, extra) => {
        const small = charges(order, { plan, rounding });
        const large = charges({ ...order, quantity: order.quantity + extra }, { plan, rounding });
        for (const k of [...COMPONENTS, 'total'] as const)
          expect(large[k].gte(small[k]), k).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic (non-decreasing) in price, line by line', () => {
    fc.assert(
      fc.property(orderArb, planArb, policyArb, priceArb, (order, plan, rounding, extra) => {
        const small = charges(order, { plan, rounding });
        const higher = Number(new Decimal(String(order.price)).plus(String(extra)).toFixed());
        const large = charges({ ...order, price: higher }, { plan, rounding });
        for (const k of [...COMPONENTS, 'total'] as const)
          expect(large[k].gte(small[k]), k).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('stamp duty (buyer-only) is zero on sells; STT is zero on buys except delivery equity (both sides)', () => {
    fc.assert(
      fc.property(orderArb, planArb, policyArb, (order, plan, rounding) => {
        const sell = charges({ ...order, side: 'SELL' }, { plan, rounding });
        const buy = charges({ ...order, side: 'BUY' }, { plan, rounding });
        expect(sell.stampDuty.isZero()).toBe(true);
        const delivery = order.instrumentType === 'EQ' && order.product === 'CNC';
        if (!delivery) expect(buy.stt.isZero()).toBe(true);
        // Both sides pay the two-sided levies alike.
        for (const k of ['exchangeTxn', 'ipft', 'sebi'] as const)
          expect(sell[k].equals(buy[k]), k).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('per-line policy (sum-of-lines, e.g. perContractNoteRounding): total equals the sum of the seven lines exactly', () => {
    fc.assert(
      fc.property(orderArb, planArb, (order, plan) => {
        const c = charges(order, { plan, rounding: perContractNoteRounding });
        const sum = COMPONENTS.reduce((acc, k) => acc.plus(c[k]), new Decimal(0));
        expect(c.total.toFixed()).toBe(sum.toFixed());
        for (const k of COMPONENTS) expect(c[k].decimalPlaces(), k).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  it('exact policy: the total is exactly the sum of the seven exact lines', () => {
    fc.assert(
      fc.property(orderArb, planArb, (order, plan) => {
        const c = charges(order, { plan, rounding: exactRounding });
        const sum = COMPONENTS.reduce((acc, k) => acc.plus(c[k]), new Decimal(0));
        expect(c.total.toFixed()).toBe(sum.toFixed());
      }),
      { numRuns: 300 },
    );
  });

  it('Kite policy (round-of-sum): total = round2(sum of the assessed lines), within 3.5 paise of the sum of the rounded lines', () => {
    const unroundedLines = roundingPolicy({
      ...perOrderRounding,
      name: 'kite, lines unrounded',
      lines: null,
    });
    fc.assert(
      fc.property(orderArb, planArb, (order, plan) => {
        const c = charges(order, { plan, rounding: perOrderRounding });
        const raw = charges(order, { plan, rounding: unroundedLines });
        const assessed = COMPONENTS.reduce((acc, k) => acc.plus(raw[k]), new Decimal(0));
        expect(raw.stampDuty.isInteger()).toBe(true); // stamp is assessed to the rupee
        expect(c.total.toFixed()).toBe(
          assessed.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(),
        );
        const lines = COMPONENTS.reduce((acc, k) => acc.plus(c[k]), new Decimal(0));
        expect(c.total.minus(lines).abs().lte('0.035')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
