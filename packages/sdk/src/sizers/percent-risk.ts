import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { RiskSizer } from '../graph/stages.js';
import { perSubscription } from '../execution/per-subscription.js';
import type { SignalEvent } from '../model/signal-event.js';
import type { TargetPosition } from '../model/target-position.js';
import { sizeSignal } from './size-signal.js';
import { sizerOptionsShape, sizingLimits, type SizerOptions } from './sizer-options.js';
import { SizingError } from './sizing-error.js';

/** Options of {@link percentRisk}. */
export interface PercentRiskOptions extends SizerOptions {
  /** Percent of equity lost if the stop is hit, before slippage and charges. Default 1. */
  readonly riskPercent?: number;
}

const PercentRiskOptionsSchema = z.strictObject({
  ...sizerOptionsShape,
  riskPercent: z.number().finite().positive().max(100).default(1),
});

/**
 * Sizes each position so that being stopped out at the signal's `stop` loses `riskPercent` of
 * equity: `equity × riskPercent / 100 / |price − stop|` units, rounded down to the lot size (so
 * the risk never exceeds the budget) and capped by buying power and freeze-quantity slices.
 *
 * A `long` or `short` signal without a stop, or with the stop on the wrong side of the price
 * (at or above it for a long, at or below it for a short), cannot be sized by risk: no target
 * is emitted and a warning is logged. `flat` signals give a target of 0 and need no stop.
 *
 * @example
 * ```ts
 * const sizer = percentRisk({ riskPercent: 1 });
 * // equity ₹10,00,000, long at 500 with stop 490: risk ₹10,000 / ₹10 per unit → target +1000
 * ```
 */
export function percentRisk(options: PercentRiskOptions = {}): RiskSizer {
  const parsed = parseWith(PercentRiskOptionsSchema, options, 'percentRisk options');
  const limits = sizingLimits(parsed);
  const fraction = parsed.riskPercent / 100;
  return (ctx) =>
    perSubscription<SignalEvent, TargetPosition>(() => (signal, emit) => {
      if (signal.direction === 'flat') {
        emit(sizeSignal(ctx, signal, 0, limits, 'percentRisk', 'flat'));
        return;
      }
      if (signal.stop === undefined) {
        ctx.logger.warn('percentRisk: signal has no stop, no target emitted', {
          instrument: signal.instrument,
          time: signal.time,
        });
        return;
      }
      if (!Number.isFinite(signal.stop)) {
        throw new SizingError(
          'percentRisk',
          'signal.stop',
          signal.stop,
          'a stop must be a finite price',
        );
      }
      const perUnit =
        signal.direction === 'long' ? signal.price - signal.stop : signal.stop - signal.price;
      if (!(perUnit > 0)) {
        ctx.logger.warn('percentRisk: stop is on the wrong side of the price, no target emitted', {
          instrument: signal.instrument,
          time: signal.time,
          direction: signal.direction,
          price: signal.price,
          stop: signal.stop,
        });
        return;
      }
      const equity = ctx.portfolio.equity();
      if (!Number.isFinite(equity)) {
        throw new SizingError(
          'percentRisk',
          'portfolio.equity',
          equity,
          'the runtime must report finite equity',
        );
      }
      const budget = equity * fraction;
      const note = `risk ${parsed.riskPercent}% of equity to stop ${signal.stop}`;
      emit(sizeSignal(ctx, signal, budget / perUnit, limits, 'percentRisk', note));
    });
}
