import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tap } from 'rxjs';
import {
  defineStrategy,
  fixedTicks,
  parseInstrument,
  type Bar,
  type Instrument,
  type MarketEvent,
} from '@pravah/sdk';
import { BacktestResultSchema, FeedOrderError, runBacktest } from '../../src/index.js';
import { MIN, RELIANCE, T0, bar } from '../_fixtures.js';
import { testStrategy } from '../_strategies.js';

const INFY: Instrument = parseInstrument({
  id: 'NSE:INFY',
  exchange: 'NSE',
  symbol: 'INFY',
  type: 'EQ',
  lotSize: 1,
  tickSize: 0.05,
});

/** Closes → 1-minute bars (open = previous close), valid OHLC. */
function barsFromCloses(
  closes: readonly number[],
  instrument = RELIANCE.id,
  startMinute = 0,
): Bar[] {
  return closes.map((c, i) => {
    const o = i === 0 ? c : closes[i - 1]!;
    return bar(startMinute + i, o, Math.max(o, c) + 0.5, Math.min(o, c) - 0.5, c, 1000, instrument);
  });
}

const zigzag = [
  100, 101, 102, 103, 104, 105, 104, 103, 102, 101, 100, 99, 100, 101, 102, 103, 104, 105, 106, 107,
  106, 105, 104, 103, 102, 101, 100,
];

describe('runBacktest', () => {
  it('fills at the next bar open after the signal bar, and books the round trip', () => {
    const bars = barsFromCloses(zigzag);
    const result = runBacktest(testStrategy(), {
      feed: bars,
      instruments: [RELIANCE],
      capital: 100_000,
    });
    expect(BacktestResultSchema.parse(result)).toBeTruthy();
    // SMA3/SMA6 first cross down at close index 8, up at index 15; fills at the next bars' opens.
    expect(result.fills.map((f) => [f.side, f.price, f.time])).toEqual([
      // SMA3 crosses above SMA6 on the 09:29 bar (known 09:30): buy at the 09:30 bar's open.
      ['BUY', 102, '2024-01-02T09:30:00+05:30'],
      // SMA3 crosses below on the 09:37 bar (known 09:38): sell at the 09:38 bar's open.
      ['SELL', 104, '2024-01-02T09:38:00+05:30'],
    ]);
    expect(result.trades).toEqual([
      expect.objectContaining({
        side: 'long',
        quantity: 10,
        entryPrice: 102,
        exitPrice: 104,
        grossPnl: 20,
        charges: 0,
        pnl: 20,
      }),
    ]);
    for (const f of result.fills) {
      const filledBar = bars.find((b) => b.time === Date.parse(f.time))!;
      expect(f.price).toBe(filledBar.open);
      // The order that produced it was created when the previous bar became known.
      const order = result.orders.find((o) => o.id === f.orderId)!;
      expect(Date.parse(order.createdAt)).toBe(filledBar.time);
    }
    expect(result.metrics.finalEquity).toBeCloseTo(
      100_000 +
        result.trades.reduce((s, t) => s + t.pnl, 0) +
        result.openPositions.reduce((s, p) => s + p.quantity * (p.lastPrice - p.averagePrice), 0),
      2,
    );
  });

  it('applies slippage against the trader and keeps the venue price as rawPrice', () => {
    const result = runBacktest(testStrategy(), {
      feed: barsFromCloses(zigzag),
      instruments: [RELIANCE],
      capital: 100_000,
      slippage: fixedTicks(2),
    });
    expect(result.run.slippage).toBe('fixedTicks(2)');
    expect(result.fills.map((f) => [f.side, f.rawPrice, f.price])).toEqual([
      ['BUY', 102, 102.1],
      ['SELL', 104, 103.9],
    ]);
    expect(result.trades[0]?.grossPnl).toBe(18);
  });

  it('gives byte-identical JSON for identical inputs and seed', () => {
    const run = () =>
      JSON.stringify(
        runBacktest(testStrategy(), {
          feed: barsFromCloses(zigzag),
          instruments: [RELIANCE],
          capital: 100_000,
          seed: 7,
          latencyMs: 0,
        }),
      );
    expect(run()).toBe(run());
  });

  it('stops on a feed that goes back in time, with a typed error', () => {
    const bars = barsFromCloses([100, 101, 102]);
    expect(() =>
      runBacktest(testStrategy(), {
        feed: [bars[1]!, bars[0]!],
        instruments: [RELIANCE],
        capital: 1,
      }),
    ).toThrow(FeedOrderError);
  });

  it('rejects a new MIS order created at the cut-off', () => {
    // zigzag's SMA3/SMA6 cross up on its 15th bar: starting at 15:05, that bar is known at 15:20.
    const bars = barsFromCloses(zigzag, RELIANCE.id, 350);
    const result = runBacktest(testStrategy({ product: 'MIS' }), {
      feed: bars,
      instruments: [RELIANCE],
      capital: 100_000,
    });
    expect(result.orders.map((o) => [o.createdAt, o.status])).toEqual([
      ['2024-01-02T15:20:00+05:30', 'REJECTED'],
    ]);
    expect(result.orders[0]?.history.at(-1)?.reason).toMatch(/^MIS_AFTER_CUTOFF/);
    expect(result.fills).toEqual([]);
  });

  it('squares off MIS positions at the cut-off', () => {
    // 09:15 + 360 min = 15:15; the crossover happens before 15:20 and the position is MIS.
    const closes = [
      100, 99, 98, 97, 96, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108,
    ];
    const bars = barsFromCloses(closes, RELIANCE.id, 352);
    const result = runBacktest(testStrategy({ product: 'MIS' }), {
      feed: bars,
      instruments: [RELIANCE],
      capital: 100_000,
    });
    const squareOff = result.orders.find((o) => o.id.startsWith('auto-square-off'));
    expect(squareOff?.reason).toMatch(/auto square-off/);
    expect(squareOff?.createdAt).toBe('2024-01-02T15:20:00+05:30');
    expect(result.openPositions).toEqual([]);
  });

  it('keeps the ledger balanced at every event the strategy sees (cash + marked positions = equity)', () => {
    const gaps: number[] = [];
    const base = testStrategy({ quantity: 7 });
    const probe = defineStrategy({
      ...base,
      signal: (ctx) => (source) =>
        base.signal(ctx)(
          source.pipe(
            tap(() => {
              const p = ctx.portfolio;
              const marked = p.positions().reduce((s, x) => s + x.quantity * x.lastPrice, 0);
              gaps.push(Math.abs(p.cash() + marked - p.equity()));
            }),
          ),
        ),
    });
    const closes = Array.from(
      { length: 300 },
      (_, i) => 100 + 5 * Math.sin(i / 7) + (i % 3) * 0.05,
    );
    runBacktest(probe, {
      feed: barsFromCloses(closes.map((c) => Math.round(c * 20) / 20)),
      instruments: [RELIANCE],
      capital: 50_000,
    });
    expect(gaps).toHaveLength(300);
    expect(Math.max(...gaps)).toBeLessThan(1e-6);
  });

  it('keeps the final books consistent with the fills on random data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1800, max: 2200 }), { minLength: 10, maxLength: 120 }),
        (ticks) => {
          const closes = ticks.map((t) => t * 0.05);
          const result = runBacktest(testStrategy({ quantity: 7 }), {
            feed: barsFromCloses(closes),
            instruments: [RELIANCE],
            capital: 50_000,
          });
          const cash =
            50_000 +
            result.fills.reduce(
              (s, f) => s + (f.side === 'BUY' ? -1 : 1) * f.quantity * f.price - f.charges.total,
              0,
            );
          const marked = result.openPositions.reduce((s, p) => s + p.quantity * p.lastPrice, 0);
          expect(result.metrics.finalEquity).toBeCloseTo(cash + marked, 2);
          for (const f of result.fills) expect(Number.isInteger(f.quantity)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is causal: cutting the data after any time T leaves every order created at or before T unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1900, max: 2100 }), { minLength: 20, maxLength: 100 }),
        fc.integer({ min: 0, max: 99 }),
        (ticks, cutIndex) => {
          const bars = barsFromCloses(ticks.map((t) => t * 0.05));
          const cut = Math.min(cutIndex, bars.length - 1);
          const T = bars[cut]!.time + MIN; // the time the cut bar became known
          const full = runBacktest(testStrategy(), {
            feed: bars,
            instruments: [RELIANCE],
            capital: 100_000,
          });
          const partial = runBacktest(testStrategy(), {
            feed: bars.slice(0, cut + 1),
            instruments: [RELIANCE],
            capital: 100_000,
          });
          const created = (r: typeof full) =>
            r.orders
              .filter((o) => Date.parse(o.createdAt) <= T)
              .map((o) => ({ ...o, history: o.history.filter((h) => Date.parse(h.time) <= T) }));
          // Statuses after T may differ (the partial run ends); what was decided by T may not.
          const strip = (orders: ReturnType<typeof created>) =>
            orders.map(({ id, side, quantity, createdAt, orderType }) => ({
              id,
              side,
              quantity,
              createdAt,
              orderType,
            }));
          expect(strip(created(partial))).toEqual(strip(created(full)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives the same result whatever the arrival order of equal-time events across instruments', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1900, max: 2100 })),
          { minLength: 12, maxLength: 60 },
        ),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        (pairs, flips) => {
          const a = barsFromCloses(
            pairs.map(([x]) => x * 0.05),
            RELIANCE.id,
          );
          const b = barsFromCloses(
            pairs.map(([, y]) => y * 0.05),
            INFY.id,
          );
          const ordered: MarketEvent[] = a.flatMap((bar, i) => [bar, b[i]!]);
          const shuffled: MarketEvent[] = a.flatMap((bar, i) =>
            flips[i] ? [b[i]!, bar] : [bar, b[i]!],
          );
          const options = { instruments: [RELIANCE, INFY], capital: 100_000 };
          const r1 = runBacktest(testStrategy({ quantity: 200 }), { ...options, feed: ordered });
          const r2 = runBacktest(testStrategy({ quantity: 200 }), { ...options, feed: shuffled });
          expect(JSON.stringify(r2)).toBe(JSON.stringify(r1));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects an all-in second entry that would exceed the cash, with a reason', () => {
    const closes = [...zigzag];
    const bars = barsFromCloses(closes);
    const result = runBacktest(testStrategy({ quantity: 10_000 }), {
      feed: bars,
      instruments: [RELIANCE],
      capital: 100_000,
    });
    const rejected = result.orders.filter((o) => o.status === 'REJECTED');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected[0]?.history.at(-1)?.reason).toMatch(/^INSUFFICIENT_FUNDS/);
    expect(result.fills).toEqual([]);
  });
});

void T0;
