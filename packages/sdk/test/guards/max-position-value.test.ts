import { describe, expect, it } from 'vitest';
import { maxPositionValue, ValidationError } from '../../src/index.js';
import { bar, context, holding, intent, marbles, niftyFut, reliance, working } from './fixtures.js';

describe('maxPositionValue', () => {
  it('counts the position and unfilled same-side entry orders, and shrinks the intent to fit', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        market$: hot('m-', { m: bar(reliance, 2500) }),
        portfolio: {
          cash: 1_000_000,
          equity: 1_000_000,
          positions: [holding(reliance, 'CNC', 60, 2400)],
          openOrders: [
            working(intent('o1', { orderType: 'LIMIT', price: 2450, quantity: 20 }), 5),
            working(intent('o2', { side: 'SELL', orderType: 'LIMIT', price: 2700, quantity: 30 })),
            working(
              intent('o3', { side: 'SELL', orderType: 'SL-M', triggerPrice: 2300, parentId: 'x' }),
            ),
          ],
        },
      });
      const add = intent('a', { quantity: 50, product: 'CNC' });
      const kept = { ...add, quantity: 25 };
      expectObservable(
        hot('-a---|', { a: add }).pipe(maxPositionValue({ percentOfEquity: 25 })(ctx)),
      ).toBe('-(sa)|', {
        s: {
          kind: 'risk',
          time: 0,
          guard: 'maxPositionValue',
          action: 'shrunk',
          instrument: reliance.id,
          intent: add,
          replacement: kept,
          reason:
            'position value after the order 312500.00 (125 x 2500) exceeds 25% of equity (250000.00); shrunk 50 to 25',
        },
        a: kept,
      });
    });
  });

  it('lets a reversal go as far as the cap on the other side, and blocks adding beyond the cap', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const long60 = context({
        market$: hot('m-', { m: bar(reliance, 2500) }),
        portfolio: {
          cash: 1_000_000,
          equity: 1_000_000,
          positions: [holding(reliance, 'MIS', 60, 2500)],
        },
      });
      const reverse = intent('r', { side: 'SELL', quantity: 200 });
      const toCap = { ...reverse, quantity: 160 };
      const guard = maxPositionValue({ percentOfEquity: 25 });
      expectObservable(hot('-r---|', { r: reverse }).pipe(guard(long60))).toBe('-(sR)|', {
        s: expect.objectContaining({ action: 'shrunk', replacement: toCap }),
        R: toCap,
      });
      const long120 = context({
        market$: hot('m-', { m: bar(reliance, 2500) }),
        portfolio: {
          cash: 1_000_000,
          equity: 1_000_000,
          positions: [holding(reliance, 'MIS', 120, 2500)],
        },
      });
      const one = intent('o', { quantity: 1 });
      expectObservable(hot('-o|', { o: one }).pipe(guard(long120))).toBe('-x|', {
        x: expect.objectContaining({ action: 'blocked', intent: one }),
      });
    });
  });

  it('keeps lot alignment for futures', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        market$: hot('m-', { m: bar(niftyFut, 24_000) }),
        portfolio: {
          cash: 1_000_000,
          equity: 1_000_000,
          positions: [holding(niftyFut, 'NRML', 75, 24_000)],
        },
      });
      const twoLots = intent('a', { instrument: niftyFut.id, quantity: 150, product: 'NRML' });
      const oneLot = { ...twoLots, quantity: 75 };
      // cap 5,000,000 at 24,000 is 208 units; 75 held leaves 133, i.e. one lot of 75.
      expectObservable(
        hot('-a---|', { a: twoLots }).pipe(maxPositionValue({ percentOfEquity: 500 })(ctx)),
      ).toBe('-(sa)|', {
        s: expect.objectContaining({ action: 'shrunk', replacement: oneLot }),
        a: oneLot,
      });
    });
  });

  it('passes exits and cancels untouched, and validates its options', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        portfolio: { cash: 10, positions: [holding(reliance, 'MIS', 60, 2500)] },
      });
      const exit = intent('e', { side: 'SELL', quantity: 60 });
      const cancel = intent('c', { cancelId: 'o1', quantity: 1000 });
      expectObservable(
        hot('-ec|', { e: exit, c: cancel }).pipe(maxPositionValue({ percentOfEquity: 1 })(ctx)),
      ).toBe('-ec|', { e: exit, c: cancel });
    });
    expect(() => maxPositionValue({ percentOfEquity: -5 })).toThrow(ValidationError);
  });
});
