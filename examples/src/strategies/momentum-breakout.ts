import { filter } from 'rxjs';
import { z } from 'zod';
import {
  InstrumentIdSchema,
  bracketExecution,
  combineExecution,
  defineStrategy,
  openingRangeBreakout,
  percentRisk,
  timeExit,
} from '@pravah/sdk';
import { barsAt } from '../signals/bars-at.js';
import { ClockTimeSchema, minutesOfDay } from '../signals/clock-time.js';
import { equityFilter } from '../signals/equity-filter.js';
import { withPositionCap } from '../sizers/position-cap.js';

const NAME = 'momentum-breakout';

const minuteBefore = (hhmm: string): string => {
  const minute = minutesOfDay(hhmm) - 1;
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
};

const BreakoutParams = z
  .strictObject({
    /** Stocks to trade, e.g. the F&O list; empty: every equity in the feed. */
    symbols: z.array(InstrumentIdSchema).default([]),
    /** Opening range: the first 15 or 30 minutes from 09:15. */
    rangeMinutes: z.union([z.literal(15), z.literal(30)]).default(15),
    /** Wilder ATR period, on 1-minute bars. */
    atrPeriod: z.number().int().min(1).default(14),
    /** The close must clear the range by this many ATRs. */
    atrMultiple: z.number().min(0).default(0.25),
    /** ATR filter: skip sessions whose range is narrower than this many ATRs ... */
    minRangeAtr: z.number().min(0).default(2),
    /** ... or wider than this many. */
    maxRangeAtr: z.number().positive().default(10),
    /** Profit target, as a multiple of the entry's risk (entry to the far side of the range). */
    targetMultiple: z.number().positive().default(2),
    /** Percent of equity lost if the stop is hit. */
    riskPercent: z.number().positive().max(10).default(1),
    /** No position costs more than this share of equity, however tight its stop. */
    maxPositionFraction: z.number().gt(0).max(1).default(0.25),
    allowShort: z.boolean().default(true),
    maxEntriesPerSession: z.number().int().min(1).default(1),
    /** LIMIT entry this many ticks beyond the breakout close (a marketable limit). */
    entryBufferTicks: z.number().int().min(0).default(5),
    /** Flat from this IST time, before the broker's 15:20 MIS auto square-off. */
    squareOffAt: ClockTimeSchema.default('15:15'),
  })
  .refine((p) => p.maxRangeAtr >= p.minRangeAtr, {
    path: ['maxRangeAtr'],
    message: 'must be at least minRangeAtr',
  })
  .refine(
    (p) => p.squareOffAt > (p.rangeMinutes === 15 ? '09:30' : '09:45') && p.squareOffAt <= '15:19',
    {
      path: ['squareOffAt'],
      message:
        'must lie after the opening range and by 15:19 (the broker squares MIS off at 15:20)',
    },
  );

/**
 * Opening range breakout on 1-minute bars of F&O stocks (pass them as `symbols`; by default
 * every equity in the feed). The range is the high and low of the first `rangeMinutes` (15 or
 * 30) after 09:15. A session is traded only when the range measures between `minRangeAtr` and
 * `maxRangeAtr` ATRs (Wilder's ATR(`atrPeriod`) of the minutes): too narrow is noise, too wide
 * has already moved. A close `atrMultiple` ATRs above the range buys, below it sells short (with
 * `allowShort`); the stop is the other side of the range and the target `targetMultiple` times
 * that risk. Sized so that the stop loses `riskPercent` of equity, but never more than
 * `maxPositionFraction` of equity in one stock; the entry is a LIMIT
 * `entryBufferTicks` beyond the breakout close with an SL-M stop leg and a LIMIT target leg;
 * every MIS position is flat by `squareOffAt`. Built on the sdk's `openingRangeBreakout`.
 *
 * @example
 * ```ts
 * const result = runBacktest(momentumBreakout, {
 *   feed, instruments, capital: 1_000_000,
 *   params: { rangeMinutes: 30, symbols: ['NSE:RELIANCE', 'NSE:INFY', 'NSE:SBIN'] },
 * });
 * ```
 */
export const momentumBreakout = defineStrategy({
  name: NAME,
  description: '15/30-minute opening range breakout with an ATR filter, MIS, 1% risk',
  params: BreakoutParams,
  universe: [],
  timeframes: ['1m'],
  signal: (ctx) => {
    const p = ctx.params;
    const breakout = openingRangeBreakout({
      name: NAME,
      minutes: p.rangeMinutes,
      atrPeriod: p.atrPeriod,
      atrMultiple: p.atrMultiple,
      minRangeAtr: p.minRangeAtr,
      maxRangeAtr: p.maxRangeAtr,
      targetMultiple: p.targetMultiple,
      allowShort: p.allowShort,
      maxEntriesPerSession: p.maxEntriesPerSession,
      // A minute before the time exit, so that the two never close the same position.
      flatAfter: minuteBefore(p.squareOffAt),
    })(ctx);
    return (events$) =>
      events$.pipe(filter(equityFilter(ctx, p.symbols)), barsAt('1m', NAME), breakout);
  },
  sizer: (ctx) =>
    withPositionCap(percentRisk({ riskPercent: ctx.params.riskPercent, product: 'MIS' }), {
      fraction: ctx.params.maxPositionFraction,
      bufferTicks: ctx.params.entryBufferTicks,
    })(ctx),
  execution: (ctx) =>
    combineExecution(
      bracketExecution({ entryType: 'LIMIT', offsetTicks: -ctx.params.entryBufferTicks }),
      timeExit({ at: ctx.params.squareOffAt }),
    )(ctx),
});
