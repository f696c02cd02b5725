import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { RiskSizer } from '../graph/stages.js';
import { perSubscription } from '../execution/per-subscription.js';
import type { SignalEvent } from '../model/signal-event.js';
import type { TargetPosition } from '../model/target-position.js';
import { kellyFraction, SignalOutcomes } from './signal-outcomes.js';
import { sizeSignal } from './size-signal.js';
import { sizerOptionsShape, sizingLimits, type SizerOptions } from './sizer-options.js';
import { SizingError } from './sizing-error.js';

/** Options of {@link fractionalKelly}. */
export interface FractionalKellyOptions extends SizerOptions {
  /** Share of the full Kelly bet to take, (0, 1]. Default 0.5 ("half Kelly"). */
  readonly fraction?: number;
  /** Number of most recent outcomes the win rate and payoff are measured over. Default 50. */
  readonly lookback?: number;
  /** Outcomes needed before sizing above zero; at most `lookback`. Default 10 (or `lookback` if smaller). */
  readonly minOutcomes?: number;
  /** Largest position value as a multiple of equity, whatever Kelly says. Default 1. */
  readonly maxFraction?: number;
}

const FractionalKellyOptionsSchema = z
  .strictObject({
    ...sizerOptionsShape,
    fraction: z.number().finite().positive().max(1).default(0.5),
    lookback: z.number().int().positive().default(50),
    minOutcomes: z.number().int().positive().optional(),
    maxFraction: z.number().finite().positive().default(1),
  })
  .refine((o) => o.minOutcomes === undefined || o.minOutcomes <= o.lookback, {
    message: 'minOutcomes must not exceed lookback',
    path: ['minOutcomes'],
  });

/**
 * Sizes positions with a fraction of the Kelly bet learnt from the strategy's own signals: the
 * position value is `equity × min(fraction × kelly, maxFraction)`, with
 * `kelly = W − (1 − W) / R` from the rolling win rate `W` and payoff `R` (mean win / mean loss)
 * of the last `lookback` outcomes.
 *
 * Outcomes are learnt from the signal sequence (every signal, whatever was sized or filled):
 * each `long`/`short` signal opens a virtual trade per instrument at its price, the next signal
 * of another direction for that instrument closes it at its price; outcomes of all instruments
 * share one window. A signal first closes the previous virtual trade, then is sized.
 *
 * Until `minOutcomes` outcomes are known, and whenever the edge is not positive, `long`/`short`
 * signals give a target of 0 (stand aside). Results are rounded down to the lot size and capped
 * by buying power and freeze-quantity slices.
 *
 * @example
 * ```ts
 * const sizer = fractionalKelly({ fraction: 0.5, lookback: 40 });
 * // W = 0.55, R = 1.5 → kelly 0.25, half Kelly 0.125: ₹1,25,000 of a ₹10,00,000 account
 * ```
 */
export function fractionalKelly(options: FractionalKellyOptions = {}): RiskSizer {
  const parsed = parseWith(FractionalKellyOptionsSchema, options, 'fractionalKelly options');
  const limits = sizingLimits(parsed);
  const minOutcomes = parsed.minOutcomes ?? Math.min(10, parsed.lookback);
  return (ctx) =>
    // One outcome window per subscription: no state is shared between runs.
    perSubscription<SignalEvent, TargetPosition>(() => {
      const outcomes = new SignalOutcomes(parsed.lookback);
      const size = (signal: SignalEvent): TargetPosition => {
        outcomes.observe(signal);
        if (signal.direction === 'flat')
          return sizeSignal(ctx, signal, 0, limits, 'fractionalKelly', 'flat');
        const stats = outcomes.stats();
        if (stats.count < minOutcomes) {
          ctx.logger.debug('fractionalKelly: warming up, standing aside', {
            instrument: signal.instrument,
            outcomes: stats.count,
            minOutcomes,
          });
          return sizeSignal(
            ctx,
            signal,
            0,
            limits,
            'fractionalKelly',
            `warm-up ${stats.count}/${minOutcomes} outcomes`,
          );
        }
        const equity = ctx.portfolio.equity();
        if (!Number.isFinite(equity)) {
          throw new SizingError(
            'fractionalKelly',
            'portfolio.equity',
            equity,
            'the runtime must report finite equity',
          );
        }
        const kelly = kellyFraction(stats);
        const share = Math.min(parsed.fraction * kelly, parsed.maxFraction);
        const note =
          `kelly ${kelly.toFixed(4)} × ${parsed.fraction} (W ${stats.winRate.toFixed(3)}, ` +
          `R ${(stats.averageLoss === 0 ? Infinity : stats.averageWin / stats.averageLoss).toFixed(3)}, n ${stats.count})`;
        return sizeSignal(
          ctx,
          signal,
          (equity * share) / signal.price,
          limits,
          'fractionalKelly',
          note,
        );
      };
      return (signal, emit) => emit(size(signal));
    });
}
