import type { OperatorFunction } from 'rxjs';
import type { Indicator } from './indicator.js';
import { indicatorOperator } from './internal/operator.js';
import { RollingSum } from './internal/rolling-sum.js';
import { checkInput, checkPeriod } from './internal/validate.js';

/**
 * Simple moving average of the last `period` inputs, O(1) per update (ring buffer and a
 * running sum re-summed exactly every `period` updates, so it never drifts). Ready after
 * `period` inputs. A window of identical values yields exactly that value.
 *
 * Oracle: identical to technicalindicators `SMA` and trading-signals `SMA` (same warm-up).
 *
 * @example
 * ```ts
 * const sma = new Sma(3);
 * sma.update(1); sma.update(2);
 * sma.update(3); // 2
 * sma.update(4); // 3
 * ```
 */
export class Sma implements Indicator<number, number> {
  readonly period: number;
  private readonly window: RollingSum;
  private current: number | undefined;

  constructor(period: number) {
    this.period = checkPeriod('Sma', 'period', period);
    this.window = new RollingSum(this.period);
  }

  update(input: number): number | undefined {
    checkInput('Sma', 'input', input);
    if (!this.window.push(input)) return undefined;
    return (this.current = this.window.mean());
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
 * Operator twin of {@link Sma}: emits the simple moving average once `period` inputs have
 * arrived.
 *
 * @example
 * ```ts
 * closes$.pipe(sma(20)).subscribe((v) => console.log(v));
 * ```
 */
export function sma(period: number): OperatorFunction<number, number> {
  return indicatorOperator(() => new Sma(period));
}
