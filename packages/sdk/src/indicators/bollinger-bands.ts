import type { OperatorFunction } from 'rxjs';
import type { Indicator } from './indicator.js';
import { indicatorOperator } from './internal/operator.js';
import { RollingMoments } from './internal/rolling-moments.js';
import { checkFiniteParameter, checkInput, checkPeriod } from './internal/validate.js';

/** One Bollinger Bands reading. */
export interface BollingerBandsValue {
  /** Simple moving average over the period. */
  readonly middle: number;
  /** `middle + k * std`. */
  readonly upper: number;
  /** `middle - k * std`. */
  readonly lower: number;
}

/**
 * Bollinger Bands: SMA(period) plus and minus `k` population standard deviations of the same
 * window, O(1) per update (sliding Welford moments, see {@link RollingStdDev}). Ready after
 * `period` inputs. A flat window gives three equal bands.
 *
 * Convention: population standard deviation (divide by n), as in Bollinger's definition,
 * TA-Lib, technicalindicators `BollingerBands` and trading-signals `BollingerBands`.
 * Each update returns a new immutable {@link BollingerBandsValue}.
 *
 * @example
 * ```ts
 * const bb = new BollingerBands(20, 2);
 * for (const close of closes) bb.update(close);
 * bb.value?.upper;
 * ```
 */
export class BollingerBands implements Indicator<number, BollingerBandsValue> {
  readonly period: number;
  readonly k: number;
  private readonly window: RollingMoments;
  private current: BollingerBandsValue | undefined;

  constructor(period: number, k = 2) {
    this.period = checkPeriod('BollingerBands', 'period', period);
    this.k = checkFiniteParameter('BollingerBands', 'k', k, 0);
    this.window = new RollingMoments(this.period);
  }

  update(input: number): BollingerBandsValue | undefined {
    checkInput('BollingerBands', 'input', input);
    if (!this.window.push(input)) return undefined;
    const middle = this.window.mean();
    const width = this.k * Math.sqrt(this.window.populationVariance());
    return (this.current = { middle, upper: middle + width, lower: middle - width });
  }

  get value(): BollingerBandsValue | undefined {
    return this.current;
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  reset(): void {
    this.window.reset();
    this.current = undefined;
  }
}

/**
 * Operator twin of {@link BollingerBands}: emits `{ middle, upper, lower }` once `period`
 * inputs have arrived.
 *
 * @example
 * ```ts
 * closes$.pipe(bollingerBands(20, 2)).subscribe(({ upper, lower }) => console.log(upper, lower));
 * ```
 */
export function bollingerBands(
  period: number,
  k = 2,
): OperatorFunction<number, BollingerBandsValue> {
  return indicatorOperator(() => new BollingerBands(period, k));
}
