import { z } from 'zod';
import {
  InstrumentIdSchema,
  combineExecution,
  defineStrategy,
  marketExecution,
  timeExit,
} from '@pravah/sdk';
import { barsAt } from '../signals/bars-at.js';
import { ClockTimeSchema, minutesOfDay } from '../signals/clock-time.js';
import { pairSpreadSignal } from '../signals/pair-spread-signal.js';
import { pairLegs } from '../sizers/pair-legs.js';

const NAME = 'pairs-trading';

const PairsParams = z
  .strictObject({
    /** y: bought when the spread is long. */
    first: InstrumentIdSchema.default('NSE:SYNBANK'),
    /** x: the hedge, sold when the spread is long. */
    second: InstrumentIdSchema.default('NSE:SYNTECH'),
    /** Aligned 1-minute bars the hedge ratio is fitted on (750 = two sessions). */
    lookback: z.number().int().min(60).max(20_000).default(750),
    /** Lagged differences in the ADF regression. */
    adfLags: z.number().int().min(0).max(20).default(1),
    significance: z.enum(['1%', '5%', '10%']).default('5%'),
    entryZ: z.number().positive().default(2),
    exitZ: z.number().min(0).default(0.5),
    stopZ: z.number().positive().default(4),
    /** Gross share of equity both legs together may cost. */
    capitalFraction: z.number().gt(0).max(1).default(0.5),
    lastEntry: ClockTimeSchema.default('14:45'),
    /** Both legs are MIS: flat from this IST time, before the broker's 15:20 square-off. */
    squareOffAt: ClockTimeSchema.default('15:15'),
  })
  .refine((p) => p.first !== p.second, { path: ['second'], message: 'must differ from first' })
  .refine((p) => p.exitZ < p.entryZ, { path: ['exitZ'], message: 'must be below entryZ' })
  .refine((p) => p.stopZ > p.entryZ, { path: ['stopZ'], message: 'must exceed entryZ' })
  .refine((p) => p.lastEntry < p.squareOffAt, {
    path: ['lastEntry'],
    message: 'must be before squareOffAt',
  });

/**
 * Intraday pairs trading on two stocks' 1-minute bars with an Engle-Granger test. Each session
 * starts by fitting `first = α + β·second` on the last `lookback` minutes and testing the
 * residuals for a unit root (ADF with `adfLags` lags, against MacKinnon's 2010 critical value at
 * `significance`). Only a cointegrated pair with β > 0 is traded that session: the spread is
 * bought (first long, β × first's units of second short) when its z-score falls below
 * `-entryZ`, sold above `entryZ`, closed back inside `±exitZ` or beyond `±stopZ`. Both legs are
 * MIS, sized together to `capitalFraction` of equity, and flat by `squareOffAt`.
 *
 * The defaults name two stocks of the embedded default market; on your data pass two of its
 * instruments, e.g. `--params '{"first":"NSE:HDFCBANK","second":"NSE:KOTAKBANK"}'`.
 *
 * @example
 * ```ts
 * const result = runBacktest(pairsTrading, {
 *   feed, instruments, capital: 1_000_000,
 *   params: { first: 'NSE:HDFCBANK', second: 'NSE:KOTAKBANK', entryZ: 2.5 },
 * });
 * ```
 */
export const pairsTrading = defineStrategy({
  name: NAME,
  description: 'Engle-Granger cointegrated pair, z-score entries and exits on the spread, intraday',
  params: PairsParams,
  universe: [],
  timeframes: ['1m'],
  signal: (ctx) => {
    const p = ctx.params;
    const pair = pairSpreadSignal({
      first: p.first,
      second: p.second,
      lookback: p.lookback,
      adfLags: p.adfLags,
      significance: p.significance,
      entryZ: p.entryZ,
      exitZ: p.exitZ,
      stopZ: p.stopZ,
      lastEntryMinute: minutesOfDay(p.lastEntry),
      flatMinute: minutesOfDay(p.squareOffAt),
      name: NAME,
    })(ctx);
    return (events$) => events$.pipe(barsAt('1m', NAME), pair);
  },
  sizer: (ctx) => pairLegs({ capitalFraction: ctx.params.capitalFraction, product: 'MIS' })(ctx),
  execution: (ctx) =>
    combineExecution(marketExecution(), timeExit({ at: ctx.params.squareOffAt }))(ctx),
});
