import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Charges, Fill } from '@pravah/sdk';
import { ZERO_CHARGES } from '@pravah/sdk';
import { Ledger } from '../../src/ledger/ledger.js';
import { RELIANCE, T0 } from '../_fixtures.js';

let n = 0;
function fill(
  side: 'BUY' | 'SELL',
  quantity: number,
  price: number,
  charges?: number,
  product: Fill['product'] = 'MIS',
): Fill {
  const c: Charges | undefined =
    charges === undefined
      ? undefined
      : { ...ZERO_CHARGES, brokerage: new Decimal(charges), total: new Decimal(charges) };
  return {
    kind: 'fill',
    id: `f${++n}`,
    orderId: `o${n}`,
    instrument: RELIANCE.id,
    time: T0 + n * 60_000,
    side,
    quantity,
    price,
    rawPrice: price,
    product,
    ...(c ? { charges: c } : {}),
  };
}

describe('Ledger', () => {
  it('books a long round trip with charges to the paisa', () => {
    const ledger = new Ledger('100000');
    expect(ledger.book(fill('BUY', 10, 2500.05, 3.1))).toEqual([]);
    expect(ledger.cash().toString()).toBe('74996.4');
    ledger.mark(RELIANCE.id, 2510);
    expect(ledger.equity()).toBeCloseTo(74996.4 + 25100, 9);
    const [closing] = ledger.book(fill('SELL', 10, 2520.45, 4.2));
    expect(closing?.grossPnl.toString()).toBe('204');
    expect(closing?.charges.toString()).toBe('7.3');
    expect(closing?.side).toBe('long');
    expect(ledger.cash().toString()).toBe('100196.7');
    expect(ledger.positions()).toEqual([]);
  });

  it('books a short and splits a flipping fill into a close and a new open', () => {
    const ledger = new Ledger('100000');
    ledger.book(fill('SELL', 5, 200));
    const closings = ledger.book(fill('BUY', 8, 190));
    expect(closings).toHaveLength(1);
    expect(closings[0]?.side).toBe('short');
    expect(closings[0]?.quantity).toBe(5);
    expect(closings[0]?.grossPnl.toString()).toBe('50');
    expect(ledger.quantity(RELIANCE.id)).toBe(3);
    expect(ledger.position(RELIANCE.id)?.averagePrice).toBe(190);
  });

  it('averages the cost of several entries and allocates entry charges pro rata', () => {
    const ledger = new Ledger('100000');
    ledger.book(fill('BUY', 10, 100, 2));
    ledger.book(fill('BUY', 30, 104, 6));
    expect(ledger.position(RELIANCE.id)?.averagePrice).toBe(103);
    const [partial] = ledger.book(fill('SELL', 20, 110, 1));
    expect(partial?.grossPnl.toString()).toBe('140');
    expect(partial?.charges.toString()).toBe('5'); // half of 8 entry + 1 exit
  });

  it('keeps CNC and MIS books apart in one instrument', () => {
    const ledger = new Ledger('100000');
    ledger.book(fill('BUY', 10, 100, undefined, 'CNC'));
    ledger.book(fill('SELL', 4, 100, undefined, 'MIS'));
    expect(ledger.quantity(RELIANCE.id, 'CNC')).toBe(10);
    expect(ledger.quantity(RELIANCE.id, 'MIS')).toBe(-4);
    expect(ledger.quantity(RELIANCE.id)).toBe(6);
  });

  it('always balances: cash + marked positions = equity, and realised P&L minus charges = cash change when flat', () => {
    const step = fc.record({
      side: fc.constantFrom('BUY' as const, 'SELL' as const),
      quantity: fc.integer({ min: 1, max: 50 }),
      ticks: fc.integer({ min: 1000, max: 3000 }),
      charges: fc.integer({ min: 0, max: 500 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const ledger = new Ledger('1000000');
        for (const s of steps) {
          const price = s.ticks * 0.05;
          ledger.book(fill(s.side, s.quantity, price, s.charges / 100));
          const marked = ledger.positions().reduce((sum, p) => sum + p.quantity * p.lastPrice, 0);
          expect(ledger.equity()).toBeCloseTo(ledger.cashAsNumber() + marked, 6);
          expect(Number.isInteger(ledger.quantity(RELIANCE.id))).toBe(true);
          expect(ledger.totalCharges().isNegative()).toBe(false);
        }
        // Flatten and check cash identity exactly in decimals.
        const q = ledger.quantity(RELIANCE.id);
        if (q !== 0) ledger.book(fill(q > 0 ? 'SELL' : 'BUY', Math.abs(q), 100));
        const change = ledger.cash().sub('1000000');
        // Average cost divides (100 / 3); at 40 significant digits the identity holds far below a paisa.
        expect(change.sub(ledger.realisedPnl().sub(ledger.totalCharges())).abs().lt('1e-20')).toBe(
          true,
        );
      }),
      { numRuns: 200 },
    );
  });
});
