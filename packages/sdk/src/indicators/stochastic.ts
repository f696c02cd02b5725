import type { OperatorFunction } from 'rxjs';
import type { Indicator, OhlcvInput } from './indicator.js';
import { checkHighLowClose } from './internal/check-ohlc.js';
import { indicatorOperator } from './internal/operator.js';
import { RollingSum } from './internal/rolling-sum.js';
import { SlidingMax, SlidingMin } from './internal/sliding-extreme.js';
import { checkPeriod } from './internal/validate.js';

/** One stochastic oscillator reading, both 0..100. */
export interface StochasticValue {
  /** %K: the (optionally smoothed) position of the close in the recent high-low range. */
  readonly k: number;
  /** %D: SMA(dPeriod) of %K. */
  readonly d: number;
}

/**
 * Stochastic oscillator %K / %D, amortised O(1) per update.
 *
 * Raw %K = 100 * (close - lowest low) / (highest high - lowest low) over the last `kPeriod`
 * bars; when the range is 0 (a flat window) raw %K is defined as 50, never NaN.
 * %K = SMA(`smooth`) of raw %K (`smooth` = 1, the default, is the fast stochastic; 3 gives
 * the common slow stochastic); %D = SMA(`dPeriod`) of %K. First reading at bar
 * `kPeriod + smooth + dPeriod - 2`.
 *
 * Oracle: with `smooth` = 1 this is technicalindicators `Stochastic` (period, signalPeriod),
 * and trading-signals `StochasticOscillator(n, 1, d)`. See CONVENTIONS.md for the flat-range
 * difference. Each update returns a new immutable {@link StochasticValue}.
 *
 * @example
 * ```ts
 * const stoch = new Stochastic(14, 3);   // fast %K(14), %D(3)
 * const slow = new Stochastic(14, 3, 3); // slow: %K smoothed by SMA(3)
 * for (const bar of bars) stoch.update(bar);
 * stoch.value; // { k: 72.4, d: 65.0 }
 * ```
 */
export class Stochastic implements Indicator<OhlcvInput, StochasticValue> {
  readonly kPeriod: number;
  readonly dPeriod: number;
  readonly smooth: number;
  private readonly highs: SlidingMax;
  private readonly lows: SlidingMin;
  private readonly kSmoother: RollingSum;
  private readonly dAverage: RollingSum;
  private count = 0;
  private current: StochasticValue | undefined;

  constructor(kPeriod: number, dPeriod: number, smooth = 1) {
    this.kPeriod = checkPeriod('Stochastic', 'kPeriod', kPeriod);
    this.dPeriod = checkPeriod('Stochastic', 'dPeriod', dPeriod);
    this.smooth = checkPeriod('Stochastic', 'smooth', smooth);
    this.highs = new SlidingMax(kPeriod);
    this.lows = new SlidingMin(kPeriod);
    this.kSmoother = new RollingSum(smooth);
    this.dAverage = new RollingSum(dPeriod);
  }

  update(bar: OhlcvInput): StochasticValue | undefined {
    checkHighLowClose('Stochastic', bar);
    const highest = this.highs.push(bar.high);
    const lowest = this.lows.push(bar.low);
    if (this.count < this.kPeriod && ++this.count < this.kPeriod) return undefined;
    const range = highest - lowest;
    const rawK = range > 0 ? (100 * (bar.close - lowest)) / range : 50;
    let k = rawK;
    if (this.smooth > 1) {
      if (!this.kSmoother.push(rawK)) return undefined;
      k = this.kSmoother.mean();
    }
    if (!this.dAverage.push(k)) return undefined;
    return (this.current = { k, d: this.dAverage.mean() });
  }

  get value(): StochasticValue | undefined {
    return this.current;
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  reset(): void {
    this.highs.reset();
    this.lows.reset();
    this.kSmoother.reset();
    this.dAverage.reset();
    this.count = 0;
    this.current = undefined;
  }
}

/**
 * Operator twin of {@link Stochastic}: emits `{ k, d }` once ready.
 *
 * @example
 * ```ts
 * bars$.pipe(stochastic(14, 3)).subscribe(({ k, d }) => console.log(k, d));
 * ```
 */
export function stochastic(
  kPeriod: number,
  dPeriod: number,
  smooth = 1,
): OperatorFunction<OhlcvInput, StochasticValue> {
  return indicatorOperator(() => new Stochastic(kPeriod, dPeriod, smooth));
}
