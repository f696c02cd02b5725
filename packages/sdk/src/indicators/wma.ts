import type { OperatorFunction } from 'rxjs';
import type { Indicator } from './indicator.js';
import { indicatorOperator } from './internal/operator.js';
import { checkInput, checkPeriod } from './internal/validate.js';

/**
 * Linearly weighted moving average: the newest input has weight `period`, the oldest weight
 * 1, divided by period * (period + 1) / 2. O(1) per update: with S the plain window sum and
 * W the weighted sum, a new input x gives W' = W - S + period * x and S' = S - oldest + x.
 * Both sums are recomputed exactly every `period` updates so they never drift. Ready after
 * `period` inputs; a window of identical values yields exactly that value.
 *
 * Oracle: identical to technicalindicators `WMA` and trading-signals `WMA`.
 *
 * @example
 * ```ts
 * const wma = new Wma(3);
 * wma.update(1); wma.update(2);
 * wma.update(3); // (1*1 + 2*2 + 3*3) / 6 = 2.333...
 * ```
 */
export class Wma implements Indicator<number, number> {
  readonly period: number;
  private readonly window: Float64Array;
  private readonly divisor: number;
  private head = 0;
  private count = 0;
  private sum = 0;
  private weighted = 0;
  private last = 0;
  private run = 0;
  private current: number | undefined;

  constructor(period: number) {
    this.period = checkPeriod('Wma', 'period', period);
    this.window = new Float64Array(this.period);
    this.divisor = (this.period * (this.period + 1)) / 2;
  }

  update(input: number): number | undefined {
    checkInput('Wma', 'input', input);
    const period = this.period;
    const window = this.window;
    const head = this.head;
    if (this.count === period) {
      this.weighted += period * input - this.sum;
      this.sum += input - window[head]!;
    } else {
      this.count++;
    }
    window[head] = input;
    this.run = input === this.last ? this.run + 1 : 1;
    this.last = input;
    if (head + 1 === period) {
      // The ring wrapped: index 0 holds the oldest value. Re-sum exactly.
      this.head = 0;
      let sum = 0;
      let weighted = 0;
      for (let i = 0; i < period; i++) {
        const x = window[i]!;
        sum += x;
        weighted += (i + 1) * x;
      }
      this.sum = sum;
      this.weighted = weighted;
    } else {
      this.head = head + 1;
    }
    if (this.count < period) return undefined;
    return (this.current = this.run >= period ? input : this.weighted / this.divisor);
  }

  get value(): number | undefined {
    return this.current;
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  reset(): void {
    this.window.fill(0);
    this.head = 0;
    this.count = 0;
    this.sum = 0;
    this.weighted = 0;
    this.last = 0;
    this.run = 0;
    this.current = undefined;
  }
}

/**
 * Operator twin of {@link Wma}: emits once `period` inputs have arrived.
 *
 * @example
 * ```ts
 * closes$.pipe(wma(10)).subscribe((v) => console.log(v));
 * ```
 */
export function wma(period: number): OperatorFunction<number, number> {
  return indicatorOperator(() => new Wma(period));
}
