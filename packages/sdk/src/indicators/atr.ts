import type { OperatorFunction } from 'rxjs';
import type { Indicator, OhlcvInput } from './indicator.js';
import { checkHighLowClose } from './internal/check-ohlc.js';
import { indicatorOperator } from './internal/operator.js';
import { checkPeriod } from './internal/validate.js';

/**
 * Average True Range with Wilder smoothing, O(1) per update.
 *
 * True range = max(high - low, |high - previous close|, |low - previous close|); the first
 * bar has no previous close, so its true range is high - low. The first ATR (at bar
 * `period`) is the simple mean of the first `period` true ranges; then
 * `atr = (atr * (period - 1) + tr) / period`.
 *
 * Oracles: trading-signals `ATR` uses the same first-bar rule and gives the same values.
 * technicalindicators `ATR` drops the first bar (no previous close), so its first value
 * comes one bar later and averages true ranges 2..period+1 (see CONVENTIONS.md).
 *
 * @example
 * ```ts
 * const atr = new Atr(14);
 * for (const bar of bars) atr.update(bar);
 * atr.value; // in price units
 * ```
 */
export class Atr implements Indicator<OhlcvInput, number> {
  readonly period: number;
  private previousClose = 0;
  private count = 0;
  private average = 0;
  private current: number | undefined;

  constructor(period: number) {
    this.period = checkPeriod('Atr', 'period', period);
  }

  update(bar: OhlcvInput): number | undefined {
    checkHighLowClose('Atr', bar);
    const high = bar.high;
    const low = bar.low;
    let tr = high - low;
    if (this.count > 0) {
      const up = Math.abs(high - this.previousClose);
      const down = Math.abs(low - this.previousClose);
      if (up > tr) tr = up;
      if (down > tr) tr = down;
    }
    this.previousClose = bar.close;
    const period = this.period;
    if (this.count < period) {
      this.average += tr;
      if (++this.count < period) return undefined;
      this.average /= period;
    } else {
      this.average = (this.average * (period - 1) + tr) / period;
    }
    return (this.current = this.average);
  }

  get value(): number | undefined {
    return this.current;
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  reset(): void {
    this.previousClose = 0;
    this.count = 0;
    this.average = 0;
    this.current = undefined;
  }
}

/**
 * Operator twin of {@link Atr}: emits once `period` bars have arrived.
 *
 * @example
 * ```ts
 * bars$.pipe(atr(14)).subscribe((v) => console.log(v));
 * ```
 */
export function atr(period: number): OperatorFunction<OhlcvInput, number> {
  return indicatorOperator(() => new Atr(period));
}
