import type { OperatorFunction } from 'rxjs';
import type { Indicator } from './indicator.js';
import { EmaCore } from './internal/ema-core.js';
import { indicatorOperator } from './internal/operator.js';
import { checkInput, checkPeriod } from './internal/validate.js';

/**
 * Exponential moving average with alpha = 2 / (period + 1), O(1) per update.
 *
 * Convention: the first value (after `period` inputs) is the simple average of those inputs,
 * then `ema += alpha * (x - ema)`. This matches technicalindicators `EMA` and TA-Lib.
 * trading-signals `EMA` instead starts from the first input and reports ready after `period`
 * inputs, so its early values differ; the difference decays as (1 - alpha)^n (see
 * test/indicators/CONVENTIONS.md).
 *
 * @example
 * ```ts
 * const ema = new Ema(3); // alpha 0.5
 * ema.update(1); ema.update(2);
 * ema.update(3); // 2 (the seed: mean of 1, 2, 3)
 * ema.update(4); // 3
 * ```
 */
export class Ema implements Indicator<number, number> {
  readonly period: number;
  private readonly core: EmaCore;
  private current: number | undefined;

  constructor(period: number) {
    this.period = checkPeriod('Ema', 'period', period);
    this.core = new EmaCore(this.period);
  }

  update(input: number): number | undefined {
    checkInput('Ema', 'input', input);
    if (!this.core.push(input)) return undefined;
    return (this.current = this.core.value);
  }

  get value(): number | undefined {
    return this.current;
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  reset(): void {
    this.core.reset();
    this.current = undefined;
  }
}

/**
 * Operator twin of {@link Ema}: emits once `period` inputs have arrived.
 *
 * @example
 * ```ts
 * closes$.pipe(ema(20)).subscribe((v) => console.log(v));
 * ```
 */
export function ema(period: number): OperatorFunction<number, number> {
  return indicatorOperator(() => new Ema(period));
}
