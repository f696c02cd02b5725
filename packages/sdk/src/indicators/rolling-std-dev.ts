import type { OperatorFunction } from 'rxjs';
import type { Indicator } from './indicator.js';
import { indicatorOperator } from './internal/operator.js';
import { RollingMoments } from './internal/rolling-moments.js';
import { checkInput, checkPeriod } from './internal/validate.js';

/** Options of {@link RollingStdDev}. */
export interface RollingStdDevOptions {
  /**
   * `false` (default): population standard deviation, dividing by n, the convention of
   * Bollinger Bands and z-scores. `true`: sample standard deviation, dividing by n - 1
   * (then `period` must be at least 2).
   */
  readonly sample?: boolean;
}

/**
 * Standard deviation of the last `period` inputs, O(1) per update.
 *
 * Numerics: sliding Welford moments (not sum of squares, which loses digits on prices in
 * the tens of thousands), recomputed exactly every `period` updates; a window of identical
 * values gives exactly 0. Population by default; `{ sample: true }` for n - 1.
 *
 * @example
 * ```ts
 * const sd = new RollingStdDev(3);
 * sd.update(1); sd.update(2);
 * sd.update(3); // sqrt(2/3) = 0.816...
 * new RollingStdDev(3, { sample: true }); // would give 1
 * ```
 */
export class RollingStdDev implements Indicator<number, number> {
  readonly period: number;
  readonly sample: boolean;
  private readonly window: RollingMoments;
  private current: number | undefined;

  constructor(period: number, options: RollingStdDevOptions = {}) {
    this.sample = options.sample ?? false;
    this.period = checkPeriod('RollingStdDev', 'period', period, this.sample ? 2 : 1);
    this.window = new RollingMoments(this.period);
  }

  update(input: number): number | undefined {
    checkInput('RollingStdDev', 'input', input);
    if (!this.window.push(input)) return undefined;
    const variance = this.sample ? this.window.sampleVariance() : this.window.populationVariance();
    return (this.current = Math.sqrt(variance));
  }

  get value(): number | undefined {
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
 * Operator twin of {@link RollingStdDev}: emits once `period` inputs have arrived.
 *
 * @example
 * ```ts
 * returns$.pipe(rollingStdDev(20)).subscribe((sd) => console.log(sd));
 * ```
 */
export function rollingStdDev(
  period: number,
  options: RollingStdDevOptions = {},
): OperatorFunction<number, number> {
  return indicatorOperator(() => new RollingStdDev(period, options));
}
