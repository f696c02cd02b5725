import { filter } from 'rxjs';
import { z } from 'zod';
import {
  InstrumentIdSchema,
  Rsi,
  bracketExecution,
  defineStrategy,
  thresholdSignal,
} from '@pravah/sdk';
import { barsAt } from '../signals/bars-at.js';
import { equityFilter } from '../signals/equity-filter.js';
import { notAfterClock } from '../signals/not-after-clock.js';
import { equityFraction } from '../sizers/equity-fraction.js';

const NAME = 'rsi-mean-reversion';

const RsiParams = z
  .strictObject({
    /** Stocks to trade; empty: every equity in the feed (e.g. the 50 NIFTY constituents). */
    symbols: z.array(InstrumentIdSchema).default([]),
    rsiPeriod: z.number().int().min(2).default(14),
    /** Buy when the daily RSI closes below this. */
    entryBelow: z.number().gt(0).lt(100).default(30),
    /** Sell when it closes above this. */
    exitAbove: z.number().gt(0).lt(100).default(50),
    /** Share of equity per position: 0.1 holds up to ten stocks. */
    positionFraction: z.number().gt(0).max(1).default(0.1),
  })
  .refine((p) => p.exitAbove > p.entryBelow, {
    path: ['exitAbove'],
    message: 'must be above entryBelow',
  });

/**
 * RSI mean reversion on daily bars, long only, delivery (CNC), across every stock in the feed:
 * buy a stock whose daily RSI(`rsiPeriod`) closes below `entryBelow`, sell it when the RSI
 * closes above `exitAbove`. Each position costs `positionFraction` of equity. Daily files are
 * used as they are; finer bars (the embedded minutes) are first resampled to sessions.
 *
 * Decisions are made after a session's close, so orders are IOC: the entry is a LIMIT at the
 * signal's close, good for the next session's first bar (a daily bar: the whole next session),
 * the exit a MARKET order at the next open. A DAY order would expire with the session it was
 * decided after.
 *
 * @example
 * ```ts
 * const result = runBacktest(rsiMeanReversion, {
 *   feed: dailyBarsOfFiftyStocks, instruments, capital: 1_000_000,
 *   params: { rsiPeriod: 2, entryBelow: 10, exitAbove: 70, positionFraction: 0.05 },
 * });
 * ```
 */
export const rsiMeanReversion = defineStrategy({
  name: NAME,
  description: 'Daily RSI mean reversion, long only, CNC, across every stock in the feed',
  params: RsiParams,
  universe: [],
  timeframes: ['1d'],
  signal: (ctx) => {
    const p = ctx.params;
    const rsi = thresholdSignal({
      name: `RSI(${p.rsiPeriod})`,
      indicator: () => new Rsi(p.rsiPeriod),
      lower: p.entryBelow,
      exitLower: p.exitAbove,
      // Long only: the upper band is unreachable, so the RSI never opens a short.
      upper: 100,
      exitUpper: 100,
    })(ctx);
    return (events$) =>
      events$.pipe(
        filter(equityFilter(ctx, p.symbols)),
        barsAt('1d', NAME),
        rsi,
        notAfterClock(ctx),
      );
  },
  sizer: (ctx) => equityFraction({ fraction: ctx.params.positionFraction, product: 'CNC' })(ctx),
  execution: bracketExecution({ entryType: 'LIMIT', offsetTicks: 0, validity: 'IOC' }),
});
