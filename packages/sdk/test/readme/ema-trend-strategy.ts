import { z } from 'zod';
import { Ema, Rsi, crossoverSignal, thresholdSignal, weightedVote } from '@pravah/sdk';
import { defineStrategy, fixedNotional, limitExecution, timeExit } from '@pravah/sdk';
import { combineExecution, dailyLossLimit, maxDrawdownHalt, maxOpenPositions } from '@pravah/sdk';

/** Intraday EMA trend confirmed by RSI: limit entries, MIS, squared off at 15:20 IST. */
export const emaTrend = defineStrategy({
  name: 'ema-trend',
  params: z.object({
    fast: z.number().int().min(2).default(9),
    slow: z.number().int().min(3).default(21),
    notional: z.number().positive().default(200_000),
  }),
  universe: ['NSE:SYNBANK', 'NSE:SYNTECH'],
  timeframes: ['1m'],
  signal: (ctx) => {
    const fast = () => new Ema(ctx.params.fast);
    const slow = () => new Ema(ctx.params.slow);
    return weightedVote({
      members: [
        { weight: 0.7, signal: crossoverSignal({ fast, slow }) },
        {
          weight: 0.3,
          signal: thresholdSignal({ indicator: () => new Rsi(14), lower: 30, upper: 70 }),
        },
      ],
      minConfidence: 0.6,
    })(ctx);
  },
  sizer: (ctx) => fixedNotional({ notional: ctx.params.notional })(ctx),
  execution: combineExecution(limitExecution({ offsetTicks: 1, ttlMs: 120_000 }), timeExit()),
  guards: [dailyLossLimit({ percent: 3 }), maxDrawdownHalt({ percent: 10 }), maxOpenPositions({})],
});
