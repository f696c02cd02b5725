import { filter } from 'rxjs';
import { z } from 'zod';
import {
  InstrumentIdSchema,
  bracketExecution,
  classicVoteMembers,
  combineExecution,
  defineStrategy,
  istMinuteOfDay,
  minConfidence,
  percentRisk,
  timeExit,
  weightedVote,
  type VoteMember,
} from '@pravah/sdk';
import { withAtrLevels } from '../signals/atr-levels.js';
import { barsAt } from '../signals/bars-at.js';
import { ClockTimeSchema, minutesOfDay } from '../signals/clock-time.js';
import { equityFilter } from '../signals/equity-filter.js';
import { withPositionCap } from '../sizers/position-cap.js';

const NAME = 'multi-indicator-vote';

const weight = (value: number) => z.number().min(0).default(value);

const VoteParams = z
  .strictObject({
    symbols: z.array(InstrumentIdSchema).default([]),
    /** Bars the indicators run on, resampled from finer bars. */
    timeframe: z.enum(['5m', '15m', '30m', '60m']).default('15m'),
    /** Vote weights (any scale; normalised by their sum). 0 leaves a member out. */
    weights: z
      .strictObject({
        rsi: weight(25),
        macd: weight(25),
        bollinger: weight(20),
        adx: weight(15),
        stochastic: weight(10),
        atr: weight(5),
      })
      .prefault({})
      .refine((w) => Object.values(w).some((v) => v > 0), 'at least one weight must be above 0'),
    /** Weighted agreement a direction needs: the confidence gate (also enforced on orders). */
    minConfidence: z.number().gt(0).max(1).default(0.6),
    allowShort: z.boolean().default(false),
    /** Stop distance in ATR(14) of the vote's bars, and the target as a multiple of it. */
    stopAtr: z.number().positive().default(2),
    rewardRisk: z.number().positive().default(2),
    /** Percent of equity lost if the stop is hit. */
    riskPercent: z.number().positive().max(10).default(1),
    maxPositionFraction: z.number().gt(0).max(1).default(0.25),
    lastEntry: ClockTimeSchema.default('14:45'),
    squareOffAt: ClockTimeSchema.default('15:15'),
  })
  .refine((p) => p.lastEntry < p.squareOffAt && p.squareOffAt <= '15:19', {
    path: ['squareOffAt'],
    message: 'must follow lastEntry and be 15:19 or earlier (the broker squares MIS off at 15:20)',
  });

type Weights = z.output<typeof VoteParams>['weights'];

/** The sdk's six classic members, in its order, each given the weight named for it. */
function members(weights: Weights): VoteMember[] {
  const order: (keyof Weights)[] = ['rsi', 'macd', 'bollinger', 'adx', 'stochastic', 'atr'];
  return classicVoteMembers()
    .map((member, i) => ({ ...member, weight: weights[order[i]!] }))
    .filter((member) => member.weight > 0);
}

/**
 * A weighted vote of six classic indicators on 15-minute bars (resampled from the feed's
 * minutes), per equity, intraday. Members and default weights are the sdk's `classicVote`:
 * RSI(14) 25, MACD(12,26,9) 25, Bollinger(20, 2σ) 20, ADX(14) 15, Stochastic(14,3,3) 10 and an
 * ATR(14) Keltner channel 5. A long needs `minConfidence` (60%) of the weight to agree, the same
 * gate on flat closes it; a `minConfidence` guard also blocks any entry order below it.
 *
 * The stop is `stopAtr` ATRs below the entry and the target `rewardRisk` times that risk above
 * it; the position is sized so the stop loses `riskPercent` (1%) of equity, never more than
 * `maxPositionFraction` of equity, and entered with a LIMIT at the bar's close carrying an SL-M
 * stop leg and a LIMIT target leg. MIS: no entry from `lastEntry`, flat by `squareOffAt`. The
 * vote enters once per change of its direction: after a stop, a target or the square-off it
 * waits for the next flat-then-long.
 *
 * @example
 * ```ts
 * const result = runBacktest(multiIndicatorVote, {
 *   feed, instruments, capital: 1_000_000,
 *   params: { timeframe: '30m', weights: { adx: 30 }, minConfidence: 0.65 },
 * });
 * ```
 */
export const multiIndicatorVote = defineStrategy({
  name: NAME,
  description: 'Weighted vote of RSI, MACD, Bollinger, ADX, Stochastic and ATR; 60% gate, 1% risk',
  params: VoteParams,
  universe: [],
  timeframes: ['1m', '15m'],
  signal: (ctx) => {
    const p = ctx.params;
    const vote = weightedVote({
      name: NAME,
      members: members(p.weights),
      minConfidence: p.minConfidence,
      allowShort: p.allowShort,
    });
    const levels = withAtrLevels(vote, {
      period: 14,
      stopAtr: p.stopAtr,
      rewardRisk: p.rewardRisk,
    })(ctx);
    const lastEntry = minutesOfDay(p.lastEntry);
    return (events$) =>
      events$.pipe(
        filter(equityFilter(ctx, p.symbols)),
        barsAt(p.timeframe, NAME),
        levels,
        filter((s) => s.direction === 'flat' || istMinuteOfDay(s.time) < lastEntry),
      );
  },
  sizer: (ctx) =>
    withPositionCap(percentRisk({ riskPercent: ctx.params.riskPercent, product: 'MIS' }), {
      fraction: ctx.params.maxPositionFraction,
    })(ctx),
  execution: (ctx) =>
    combineExecution(
      bracketExecution({ entryType: 'LIMIT', offsetTicks: 0 }),
      timeExit({ at: ctx.params.squareOffAt }),
    )(ctx),
  guards: [(ctx) => minConfidence({ threshold: ctx.params.minConfidence })(ctx)],
});
