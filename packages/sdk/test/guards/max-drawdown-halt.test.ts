import { describe, expect, it } from 'vitest';
import { maxDrawdownHalt, ValidationError } from '../../src/index.js';
import { bar, context, DAY, intent, marbles, MONDAY_0915_IST, reliance } from './fixtures.js';

describe('maxDrawdownHalt', () => {
  it('halts at 10% below peak by default and never lifts, across days and recoveries', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      // One frame is one day; equity dips at frame 2 and recovers to a new high from frame 3.
      const now = () => MONDAY_0915_IST + scheduler.now() * DAY;
      const equity = () =>
        scheduler.now() === 2 ? 900_000 : scheduler.now() > 2 ? 1_200_000 : 1_000_000;
      const ctx = context({
        now,
        market$: hot('--m------', { m: bar(reliance, 2400) }),
        portfolio: () => ({
          cash: equity(),
          peakEquity: Math.max(1_000_000, equity()),
          startOfDayEquity: equity(),
        }),
      });
      const [a, b, c] = [intent('a'), intent('b'), intent('c')];
      const exit = intent('e', { side: 'SELL', reduceOnly: true });
      const reason = 'equity 900000.00 is 10.00% below peak 1000000.00, at or beyond the 10% limit';
      expectObservable(hot('-a--b---ce|', { a, b, c, e: exit }).pipe(maxDrawdownHalt()(ctx))).toBe(
        '-ah-x---ye|',
        {
          a,
          h: {
            kind: 'risk',
            time: now() + 2 * DAY,
            guard: 'maxDrawdownHalt',
            action: 'halted',
            reason,
          },
          x: expect.objectContaining({
            action: 'blocked',
            intent: b,
            time: MONDAY_0915_IST + 4 * DAY,
          }),
          y: expect.objectContaining({ action: 'blocked', intent: c }),
          e: exit,
        },
      );
    });
  });

  it('ignores a drawdown just short of the limit and a zero peak', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const a = intent('a');
      const shallow = context({ portfolio: { cash: 900_001, peakEquity: 1_000_000 } });
      expectObservable(hot('-a|', { a }).pipe(maxDrawdownHalt()(shallow))).toBe('-a|', { a });
      const empty = context({ portfolio: { cash: 0, peakEquity: 0 } });
      expectObservable(hot('-a|', { a }).pipe(maxDrawdownHalt()(empty))).toBe('-a|', { a });
    });
  });

  it('halts to be safe on a non-finite equity, and validates its options', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const a = intent('a');
      const broken = context({
        portfolio: { cash: 0, equity: Number.POSITIVE_INFINITY, peakEquity: 1 },
      });
      expectObservable(hot('-a---|', { a }).pipe(maxDrawdownHalt({ percent: 5 })(broken))).toBe(
        '-(hx)|',
        {
          h: expect.objectContaining({
            action: 'halted',
            reason:
              'equity (Infinity) or peak equity (1) is not a finite number; halting to be safe',
          }),
          x: expect.objectContaining({ action: 'blocked', intent: a }),
        },
      );
    });
    expect(() => maxDrawdownHalt({ percent: 100.5 })).toThrow(ValidationError);
  });
});
