import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { withMarket } from '../execution/with-market.js';
import type { RiskSizer } from '../graph/stages.js';
import type { InstrumentId } from '../model/instrument.js';
import type { TargetPosition } from '../model/target-position.js';
import { TimeframeSchema, type Timeframe } from '../model/timeframe.js';
import type { SignalEvent } from '../model/signal-event.js';
import { sizeSignal } from './size-signal.js';
import { sizerOptionsShape, sizingLimits, type SizerOptions } from './sizer-options.js';
import { SizingError } from './sizing-error.js';
import {
  AtrEstimator,
  PriceChangeStdevEstimator,
  type VolatilityEstimator,
} from './volatility-estimators.js';

/** Options of {@link volatilityTarget}. */
export interface VolatilityTargetOptions extends SizerOptions {
  /**
   * How volatility is measured, in rupees per unit: `'atr'` (Wilder's average true range) or
   * `'stdev'` (population standard deviation of close-to-close changes). Default `'atr'`.
   */
  readonly measure?: 'atr' | 'stdev';
  /** Bars in the estimate. Default 14. */
  readonly period?: number;
  /** Percent of equity that a move of `multiple` × volatility against the position costs. Default 1. */
  readonly riskPercent?: number;
  /** Volatility multiple, e.g. 2 for "2 ATR". Default 1. */
  readonly multiple?: number;
  /**
   * Bars of this timeframe feed the estimate. Default: the timeframe of the first bar seen for
   * each instrument (set it when the strategy consumes several timeframes).
   */
  readonly timeframe?: Timeframe;
}

const VolatilityTargetOptionsSchema = z.strictObject({
  ...sizerOptionsShape,
  measure: z.enum(['atr', 'stdev']).default('atr'),
  period: z.number().int().min(2).default(14),
  riskPercent: z.number().finite().positive().max(100).default(1),
  multiple: z.number().finite().positive().default(1),
  timeframe: TimeframeSchema.optional(),
});

interface InstrumentVolatility {
  readonly timeframe: Timeframe;
  readonly estimator: VolatilityEstimator;
}

/**
 * Sizes each position so that a move of `multiple` × volatility costs `riskPercent` of equity:
 * `equity × riskPercent / 100 / (multiple × volatility)` units (the "turtle unit" with ATR;
 * bar-frequency volatility targeting with stdev). Volatility comes from the bars on
 * `ctx.market$` (ticks are ignored), per instrument, so it always includes the bar the signal
 * was computed on and nothing later.
 *
 * While an instrument's estimate is warming up (fewer than `period` bars) or is zero, `long` and
 * `short` signals emit no target and a warning is logged. `flat` gives 0. Results are rounded
 * down to the lot size and capped by buying power and freeze-quantity slices.
 *
 * @example
 * ```ts
 * const sizer = volatilityTarget({ measure: 'atr', period: 14, riskPercent: 0.5, multiple: 2 });
 * // equity ₹10,00,000, ATR ₹25: ₹5,000 / ₹50 per unit → target ±100
 * ```
 */
export function volatilityTarget(options: VolatilityTargetOptions = {}): RiskSizer {
  const parsed = parseWith(VolatilityTargetOptionsSchema, options, 'volatilityTarget options');
  const limits = sizingLimits(parsed);
  const fraction = parsed.riskPercent / 100;
  const createEstimator = (): VolatilityEstimator =>
    parsed.measure === 'atr'
      ? new AtrEstimator(parsed.period)
      : new PriceChangeStdevEstimator(parsed.period);
  const label = `${parsed.multiple}×${parsed.measure.toUpperCase()}(${parsed.period})`;

  return (ctx) =>
    withMarket<SignalEvent, TargetPosition>(ctx.market$, () => {
      const byInstrument = new Map<InstrumentId, InstrumentVolatility>();
      return {
        market(event) {
          if (event.kind !== 'bar') return;
          let state = byInstrument.get(event.instrument);
          if (state === undefined) {
            state = {
              timeframe: parsed.timeframe ?? event.timeframe,
              estimator: createEstimator(),
            };
            byInstrument.set(event.instrument, state);
          }
          if (event.timeframe === state.timeframe) state.estimator.update(event);
        },
        input(signal, emit) {
          if (signal.direction === 'flat') {
            emit(sizeSignal(ctx, signal, 0, limits, 'volatilityTarget', 'flat'));
            return;
          }
          const volatility = byInstrument.get(signal.instrument)?.estimator.value;
          if (volatility === undefined || !(volatility > 0)) {
            ctx.logger.warn('volatilityTarget: volatility not available yet, no target emitted', {
              instrument: signal.instrument,
              time: signal.time,
              measure: parsed.measure,
              period: parsed.period,
              volatility,
            });
            return;
          }
          const equity = ctx.portfolio.equity();
          if (!Number.isFinite(equity)) {
            throw new SizingError(
              'volatilityTarget',
              'portfolio.equity',
              equity,
              'the runtime must report finite equity',
            );
          }
          const perUnit = parsed.multiple * volatility;
          const note = `risk ${parsed.riskPercent}% of equity per ${label} = ${perUnit}`;
          emit(
            sizeSignal(
              ctx,
              signal,
              (equity * fraction) / perUnit,
              limits,
              'volatilityTarget',
              note,
            ),
          );
        },
      };
    });
}
