import { describe, expect, it } from 'vitest';
import {
  dailyLossLimit,
  ValidationError,
  type PositionView,
  type RiskEvent,
} from '../../src/index.js';
import { bar, context, HOUR, intent, marbles, MONDAY_0915_IST, reliance } from './fixtures.js';

const MINUTE = 60_000;
const long10: PositionView = {
  instrument: reliance.id,
  product: 'MIS',
  quantity: 10,
  averagePrice: 2500,
  lastPrice: 2400,
  unrealisedPnl: -1000,
};
const TRIP_REASON =
  'daily loss 40000.00 is 4.00% of start-of-day equity 1000000.00, at or beyond the 3% limit';

describe('dailyLossLimit', () => {
  it('trips on a market event once the day loses 3% of start-of-day equity, then blocks entries and passes exits', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const now = () => MONDAY_0915_IST + scheduler.now() * MINUTE;
      const market$ = hot('--m------', { m: bar(reliance, 2400) });
      const ctx = context({
        now,
        market$,
        portfolio: () =>
          scheduler.now() >= 2
            ? {
                cash: 985_000,
                startOfDayEquity: 1_000_000,
                equity: 960_000,
                positions: [long10],
                today: { realised: -30_000, marked: -40_000 },
              }
            : { cash: 1_000_000, startOfDayEquity: 1_000_000 },
      });
      const entry = intent('a');
      const late = intent('b', { time: now() });
      const exit = intent('c', { side: 'SELL', quantity: 5 });
      const cancel = intent('d', { cancelId: 'b', quantity: 10 });
      const source = hot('-a--b--cd|', { a: entry, b: late, c: exit, d: cancel });
      const halted: RiskEvent = {
        kind: 'risk',
        time: MONDAY_0915_IST + 2 * MINUTE,
        guard: 'dailyLossLimit',
        action: 'halted',
        reason: TRIP_REASON,
      };
      const blocked: RiskEvent = {
        kind: 'risk',
        time: MONDAY_0915_IST + 4 * MINUTE,
        guard: 'dailyLossLimit',
        action: 'blocked',
        instrument: reliance.id,
        intent: late,
        reason: `halted (${TRIP_REASON}); only exits pass`,
      };
      expectObservable(source.pipe(dailyLossLimit()(ctx))).toBe('-ah-x--cd|', {
        a: entry,
        h: halted,
        x: blocked,
        c: exit,
        d: cancel,
      });
    });
  });

  it('trips before an intent when no market event came first, emitting halted then blocked', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        now: MONDAY_0915_IST,
        portfolio: {
          cash: 0,
          startOfDayEquity: 500_000,
          equity: 480_000,
          today: { realised: 0, marked: -15_000 },
        },
      });
      const entry = intent('a');
      const reason =
        'daily loss 15000.00 is 3.00% of start-of-day equity 500000.00, at or beyond the 3% limit';
      expectObservable(hot('-a---|', { a: entry }).pipe(dailyLossLimit()(ctx))).toBe('-(hb)|', {
        h: {
          kind: 'risk',
          time: MONDAY_0915_IST,
          guard: 'dailyLossLimit',
          action: 'halted',
          reason,
        },
        b: {
          kind: 'risk',
          time: MONDAY_0915_IST,
          guard: 'dailyLossLimit',
          action: 'blocked',
          instrument: reliance.id,
          intent: entry,
          reason: `halted (${reason}); only exits pass`,
        },
      });
    });
  });

  it('cuts an intent that would go through zero down to the closing part, marked reduce-only', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        portfolio: {
          cash: 0,
          startOfDayEquity: 100,
          positions: [long10],
          today: { realised: 0, marked: -50 },
        },
      });
      const reverse = intent('r', { side: 'SELL', quantity: 25 });
      const closing = { ...reverse, quantity: 10, reduceOnly: true };
      const events = hot('-r----|', { r: reverse }).pipe(dailyLossLimit()(ctx));
      expectObservable(events).toBe('-(hsc)|', {
        h: expect.objectContaining({ action: 'halted' }),
        s: {
          kind: 'risk',
          time: 0,
          guard: 'dailyLossLimit',
          action: 'shrunk',
          instrument: reliance.id,
          intent: reverse,
          replacement: closing,
          reason:
            'halted (daily loss 50.00 is 50.00% of start-of-day equity 100.00, at or beyond the 3% limit); only exits pass; shrunk 25 to 10',
        },
        c: closing,
      });
    });
  });

  it('stays halted for the rest of the IST day even if the loss recovers, and lifts at the next IST day', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      // One frame is one hour: frame 14 is 23:15 IST Monday, frame 15 is 00:15 IST Tuesday.
      const now = () => MONDAY_0915_IST + scheduler.now() * HOUR;
      const ctx = context({
        now,
        portfolio: () => ({
          cash: 1_000_000,
          startOfDayEquity: 1_000_000,
          today: { realised: 0, marked: scheduler.now() === 2 ? -30_000 : 0 },
        }),
      });
      const source = hot('--a-----------bc|', { a: intent('a'), b: intent('b'), c: intent('c') });
      const out = source.pipe(dailyLossLimit()(ctx));
      expectObservable(out).toBe('--(hx)--------yc|', {
        h: expect.objectContaining({ action: 'halted', time: MONDAY_0915_IST + 2 * HOUR }),
        x: expect.objectContaining({ action: 'blocked', intent: intent('a') }),
        y: expect.objectContaining({ action: 'blocked', intent: intent('b') }),
        c: intent('c'),
      });
    });
  });

  it('does not trip on a loss just under the limit, nor on profits', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const marked = () => (scheduler.now() < 3 ? -29_999.99 : 50_000);
      const ctx = context({
        portfolio: () => ({
          cash: 0,
          startOfDayEquity: 1_000_000,
          today: { realised: 0, marked: marked() },
        }),
      });
      const a = intent('a');
      const b = intent('b');
      const source = hot('-a-b|', { a, b });
      expectObservable(source.pipe(dailyLossLimit()(ctx))).toBe('-a-b|', { a, b });
    });
  });

  it('halts to be safe when the portfolio reports a non-finite P&L', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        portfolio: {
          cash: 0,
          startOfDayEquity: 1_000_000,
          today: { realised: 0, marked: Number.NaN },
        },
      });
      const a = intent('a');
      expectObservable(hot('-a---|', { a }).pipe(dailyLossLimit()(ctx))).toBe('-(hx)|', {
        h: expect.objectContaining({
          action: 'halted',
          reason:
            'daily P&L (NaN) or start-of-day equity (1000000) is not a finite number; halting to be safe',
        }),
        x: expect.objectContaining({ action: 'blocked', intent: a }),
      });
    });
  });

  it('rejects bad options with a ValidationError naming the field', () => {
    expect(() => dailyLossLimit({ percent: 0 })).toThrow(ValidationError);
    expect(() => dailyLossLimit({ percent: 150 })).toThrow(/percent/);
    const error = (() => {
      try {
        dailyLossLimit({ percent: Number.NaN });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('percent');
    expect(() => dailyLossLimit({ percentage: 3 } as never)).toThrow(ValidationError);
  });
});
