import type { OperatorFunction } from 'rxjs';
import type { Indicator } from './indicator.js';
import { indicatorOperator } from './internal/operator.js';
import { RollingMoments } from './internal/rolling-moments.js';
import { checkInput, checkPeriod } from './internal/validate.js';

/**
 * Z-score of the latest input against the last `period` inputs (the latest included):
 * `(x - mean) / std`, population std, O(1) per update. Ready after `period` inputs.
 *
 * Flat window: when every value in the window is identical the std is exactly 0 and the
 * z-score is defined as 0 (the input sits exactly on the mean), never NaN or Infinity.
 * A window that is not flat always has a positive std, so no other division by zero occurs.
 *
 * @example
 * ```ts
 * const z = new ZScore(3);
 * z.update(1); z.update(2);
 * z.update(3); // (3 - 2) / 0.816... = 1.2247...
 * ```
 */
export class ZScore implements Indicator<number, number> {
  readonly period: number;
  private readonly window: RollingMoments;
  private current: number | undefined;

  constructor(period: number) {
    this.period = checkPeriod('ZScore', 'period', period);
    this.window = new RollingMoments(this.period);
  }

  update(input: number): number | undefined {
    checkInput('ZScore', 'input', input);
    const window = this.window;
    if (!window.push(input)) return undefined;
    const variance = window.populationVariance();
    return (this.current = variance > 0 ? (input - window.mean()) / Math.sqrt(variance) : 0);
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
 * Operator twin of {@link ZScore}: emits once `period` inputs have arrived.
 *
 * @example
 * ```ts
 * spread$.pipe(zScore(50)).subscribe((z) => console.log(z));
 * ```
 */
export function zScore(period: number): OperatorFunction<number, number> {
  return indicatorOperator(() => new ZScore(period));
}
