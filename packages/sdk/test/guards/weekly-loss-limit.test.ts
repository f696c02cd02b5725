import { describe, expect, it } from 'vitest';
import { ValidationError, weeklyLossLimit } from '../../src/index.js';
import { bar, context, DAY, intent, marbles, MONDAY_0915_IST, reliance } from './fixtures.js';

const FRIDAY_1400_IST = MONDAY_0915_IST + 4 * DAY + 4.75 * 3_600_000;
const SUNDAY_2359_IST = Date.UTC(2025, 0, 12, 18, 29, 59, 999);
const NEXT_MONDAY_0000_IST = Date.UTC(2025, 0, 12, 18, 30);

describe('weeklyLossLimit', () => {
  it('halts at a 6% weekly loss by default and lifts at Monday 00:00 IST, not before', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      // frame -> clock: 1 Friday 14:00, 2 Sunday 23:59:59.999, 3 next Monday 00:00 IST.
      const times = [MONDAY_0915_IST, FRIDAY_1400_IST, SUNDAY_2359_IST, NEXT_MONDAY_0000_IST];
      const now = () => times[scheduler.now()] ?? NEXT_MONDAY_0000_IST;
      const ctx = context({
        now,
        market$: hot('-m--', { m: bar(reliance, 2400) }),
        portfolio: () => ({
          cash: 0,
          startOfWeekEquity: 2_000_000,
          thisWeek: { realised: 0, marked: scheduler.now() < 3 ? -120_000 : 0 },
        }),
      });
      const a = intent('a');
      const b = intent('b');
      const source = hot('--ab|', { a, b });
      const reason =
        'weekly loss 120000.00 is 6.00% of start-of-week equity 2000000.00, at or beyond the 6% limit';
      expectObservable(source.pipe(weeklyLossLimit()(ctx))).toBe('-hxb|', {
        h: {
          kind: 'risk',
          time: FRIDAY_1400_IST,
          guard: 'weeklyLossLimit',
          action: 'halted',
          reason,
        },
        x: {
          kind: 'risk',
          time: SUNDAY_2359_IST,
          guard: 'weeklyLossLimit',
          action: 'blocked',
          instrument: reliance.id,
          intent: a,
          reason: `halted (${reason}); only exits pass`,
        },
        b,
      });
    });
  });

  it('does not trip at 5.99% and validates its options', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        portfolio: {
          cash: 0,
          startOfWeekEquity: 100_000,
          thisWeek: { realised: 0, marked: -5_990 },
        },
      });
      const a = intent('a');
      expectObservable(hot('-a|', { a }).pipe(weeklyLossLimit()(ctx))).toBe('-a|', { a });
    });
    expect(() => weeklyLossLimit({ percent: -1 })).toThrow(ValidationError);
  });
});
