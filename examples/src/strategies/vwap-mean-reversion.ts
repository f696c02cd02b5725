import { filter } from 'rxjs';
import { z } from 'zod';
import {
  InstrumentIdSchema,
  bracketExecution,
  combineExecution,
  defineStrategy,
  timeExit,
} from '@pravah/sdk';
import { barsAt } from '../signals/bars-at.js';
import { ClockTimeSchema, minutesOfDay } from '../signals/clock-time.js';
import { equityFilter } from '../signals/equity-filter.js';
import { stateSignal } from '../signals/state-signal.js';
import { VwapReversionState } from '../signals/vwap-reversion-signal.js';
import { equityFraction } from '../sizers/equity-fraction.js';

const NAME = 'vwap-mean-reversion';

const VwapParams = z
  .strictObject({
    /** Equities to trade; empty: every equity in the feed. */
    symbols: z.array(InstrumentIdSchema).default([]),
    /** Enter when the close is this many percent below (long) or above (short) the session VWAP. */
    entryPercent: z.number().positive().default(0.5),
    /** Leave when the close is back within this many percent of the VWAP. */
    exitPercent: z.number().min(0).default(0),
    /** Volume filter: the entry bar trades at least this multiple of the average volume. */
    volumeMultiple: z.number().min(0).default(1.5),
    volumePeriod: z.number().int().min(1).default(20),
    /** Stop, percent beyond the entry close. */
    stopPercent: z.number().positive().default(1),
    allowShort: z.boolean().default(true),
    maxEntriesPerSession: z.number().int().min(1).default(2),
    /** Share of equity per position (MIS, no leverage). */
    positionFraction: z.number().gt(0).max(1).default(0.25),
    /** No entry before this IST time: the VWAP of the first minutes is noise. */
    firstEntry: ClockTimeSchema.default('09:30'),
    lastEntry: ClockTimeSchema.default('14:30'),
    /** Flat from this IST time, before the broker's 15:20 MIS auto square-off. */
    squareOffAt: ClockTimeSchema.default('15:15'),
  })
  .refine((p) => p.exitPercent < p.entryPercent, {
    path: ['exitPercent'],
    message: 'must be below entryPercent',
  })
  .refine((p) => p.firstEntry < p.lastEntry && p.lastEntry < p.squareOffAt, {
    path: ['lastEntry'],
    message: 'must lie between firstEntry and squareOffAt',
  })
  .refine((p) => p.squareOffAt <= '15:19', {
    path: ['squareOffAt'],
    message: 'must be 15:19 or earlier: the broker squares MIS off at 15:20',
  });

/**
 * Intraday reversion to the session VWAP on 1-minute bars, per equity. When a bar closes at
 * least `entryPercent` below the session VWAP on at least `volumeMultiple` times the average
 * volume of the `volumePeriod` bars before it, buy (MIS); sell short on the mirror image. Leave
 * when the close is back within `exitPercent` of the VWAP, when it passes the stop
 * (`stopPercent` beyond the entry close), or at `squareOffAt`. The entry is a LIMIT order at the
 * signal bar's close (it rests until filled or the signal changes) carrying an SL-M stop leg and
 * a LIMIT target leg at the VWAP of the entry bar; exits the signal decides go at MARKET. Entries only between
 * `firstEntry` and `lastEntry`, at most `maxEntriesPerSession` per stock and session. Each
 * position costs `positionFraction` of equity. A time exit squares every MIS position off at
 * `squareOffAt`, so nothing is left to the broker's 15:20 auto square-off (and its fee).
 *
 * @example
 * ```ts
 * const result = runBacktest(vwapMeanReversion, {
 *   feed, instruments, capital: 1_000_000, fees: fillCharger({ plan: zerodha() }),
 *   params: { entryPercent: 0.8, symbols: ['NSE:INFY', 'NSE:TCS'] },
 * });
 * ```
 */
export const vwapMeanReversion = defineStrategy({
  name: NAME,
  description: 'Intraday reversion to the session VWAP with a volume filter, MIS, flat by 15:15',
  params: VwapParams,
  universe: [],
  timeframes: ['1m'],
  signal: (ctx) => {
    const p = ctx.params;
    const options = {
      entryPercent: p.entryPercent,
      exitPercent: p.exitPercent,
      volumeMultiple: p.volumeMultiple,
      volumePeriod: p.volumePeriod,
      stopPercent: p.stopPercent,
      allowShort: p.allowShort,
      maxEntriesPerSession: p.maxEntriesPerSession,
      firstEntryMinute: minutesOfDay(p.firstEntry),
      lastEntryMinute: minutesOfDay(p.lastEntry),
      flatMinute: minutesOfDay(p.squareOffAt),
      name: NAME,
    };
    return (events$) =>
      events$.pipe(
        filter(equityFilter(ctx, p.symbols)),
        barsAt('1m', NAME),
        stateSignal(() => new VwapReversionState(ctx, options)),
      );
  },
  sizer: (ctx) => equityFraction({ fraction: ctx.params.positionFraction, product: 'MIS' })(ctx),
  // Buy the dip at the signal's close, not at any price: a LIMIT entry that rests until it
  // fills or the signal changes, with its stop and VWAP target as protective legs.
  execution: (ctx) =>
    combineExecution(
      bracketExecution({ entryType: 'LIMIT', offsetTicks: 0 }),
      timeExit({ at: ctx.params.squareOffAt }),
    )(ctx),
});
