import type { OperatorFunction } from 'rxjs';
import type { Indicator } from './indicator.js';
import { indicatorOperator } from './internal/operator.js';
import { checkInput, checkPeriod } from './internal/validate.js';

/**
 * Relative Strength Index with Wilder smoothing, 0..100, O(1) per update.
 *
 * Convention: the first `period` price changes (so `period + 1` inputs) seed the average
 * gain and loss as simple means; after that `avg = (avg * (period - 1) + x) / period`.
 * RSI = 100 - 100 / (1 + avgGain / avgLoss). When avgLoss is 0 the value is 100 (only
 * gains), or 50 when avgGain is 0 too (a flat series: neither side dominates); never NaN.
 * Matches technicalindicators `RSI` and trading-signals `RSI` on every value where both are
 * defined (they differ only in the flat case; see test/indicators/CONVENTIONS.md).
 *
 * @example
 * ```ts
 * const rsi = new Rsi(14);
 * for (const close of closes) rsi.update(close);
 * rsi.value; // e.g. 61.3
 * ```
 */
export class Rsi implements Indicator<number, number> {
  readonly period: number;
  private previous = 0;
  private hasPrevious = false;
  private changes = 0;
  private avgGain = 0;
  private avgLoss = 0;
  private current: number | undefined;

  constructor(period: number) {
    this.period = checkPeriod('Rsi', 'period', period);
  }

  update(input: number): number | undefined {
    checkInput('Rsi', 'input', input);
    if (!this.hasPrevious) {
      this.hasPrevious = true;
      this.previous = input;
      return undefined;
    }
    const change = input - this.previous;
    this.previous = input;
    const gain = change > 0 ? change : 0;
    const loss = change < 0 ? -change : 0;
    const period = this.period;
    if (this.changes < period) {
      // Warm-up: accumulate sums, turned into simple means at the last one.
      this.avgGain += gain;
      this.avgLoss += loss;
      if (++this.changes < period) return undefined;
      this.avgGain /= period;
      this.avgLoss /= period;
    } else {
      this.avgGain = (this.avgGain * (period - 1) + gain) / period;
      this.avgLoss = (this.avgLoss * (period - 1) + loss) / period;
    }
    const avgLoss = this.avgLoss;
    return (this.current =
      avgLoss === 0 ? (this.avgGain === 0 ? 50 : 100) : 100 - 100 / (1 + this.avgGain / avgLoss));
  }

  get value(): number | undefined {
    return this.current;
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  reset(): void {
    this.previous = 0;
    this.hasPrevious = false;
    this.changes = 0;
    this.avgGain = 0;
    this.avgLoss = 0;
    this.current = undefined;
  }
}

/**
 * Operator twin of {@link Rsi}: emits once `period + 1` inputs have arrived.
 *
 * @example
 * ```ts
 * closes$.pipe(rsi(14)).subscribe((v) => console.log(v));
 * ```
 */
export function rsi(period: number): OperatorFunction<number, number> {
  return indicatorOperator(() => new Rsi(period));
}
