import { z } from 'zod';
import { crossoverSignal, defineStrategy, marketExecution, Sma } from '@pravah/sdk';
import { allInByCash } from '../sizers/all-in-by-cash.js';

/**
 * SMA crossover, long or flat: buy when SMA(`fast`) of the closes crosses above SMA(`slow`),
 * sell when it crosses below; delivery (CNC) for equities, NRML for futures. Trades every
 * instrument in the feed with `quantity` units, or with all the cash when no quantity is given.
 *
 * @example
 * ```ts
 * const market = defaultMarket();
 * const result = runBacktest(smaCrossover, {
 *   feed: market.bars(), instruments: market.instruments, capital: 1_000_000, params: { fast: 5 },
 * });
 * ```
 */
export const smaCrossover = defineStrategy({
  name: 'sma-crossover',
  description:
    'SMA(fast)/SMA(slow) crossover, long/flat, all-in by cash unless a quantity is given',
  params: z
    .strictObject({
      fast: z.number().int().min(1).default(10),
      slow: z.number().int().min(2).default(30),
      quantity: z.number().int().positive().optional(),
    })
    .refine((p) => p.fast < p.slow, { path: ['fast'], message: 'must be below slow' }),
  universe: [],
  timeframes: ['1m'],
  signal: (ctx) =>
    crossoverSignal({
      fast: () => new Sma(ctx.params.fast),
      slow: () => new Sma(ctx.params.slow),
    })(ctx),
  sizer: (ctx) => allInByCash({ quantity: ctx.params.quantity })(ctx),
  execution: marketExecution(),
});
