import type { OperatorFunction } from 'rxjs';
import type { Indicator, OhlcvInput } from './indicator.js';
import { checkHighLowClose } from './internal/check-ohlc.js';
import { indicatorOperator } from './internal/operator.js';
import { checkPeriod } from './internal/validate.js';

/** One ADX reading: trend strength and the two directional indicators, all 0..100. */
export interface AdxValue {
  readonly adx: number;
  readonly plusDi: number;
  readonly minusDi: number;
}

/**
 * Average Directional Index with +DI / -DI, Wilder's original definition, O(1) per update.
 *
 * From the second bar on: +DM = high - previous high and -DM = previous low - low, each kept
 * only when it is positive and larger than the other (else 0); TR is the true range. TR, +DM
 * and -DM are Wilder-smoothed: the first value is the sum of the first `period` values, then
 * `s = s - s / period + x`. +DI = 100 * +DM_s / TR_s, -DI likewise;
 * DX = 100 * |+DI - -DI| / (+DI + -DI). ADX is the mean of the first `period` DX values,
 * then `adx = (adx * (period - 1) + dx) / period`. First reading at bar `2 * period`.
 * Degenerate cases are defined, never NaN: TR_s = 0 gives +DI = -DI = 0, and
 * +DI + -DI = 0 gives DX = 0.
 *
 * Oracle: technicalindicators `ADX` follows the same recurrences; see CONVENTIONS.md for the
 * measured agreement. Each update returns a new immutable {@link AdxValue}.
 *
 * @example
 * ```ts
 * const adx = new Adx(14);
 * for (const bar of bars) adx.update(bar);
 * adx.value; // { adx: 23.1, plusDi: 28.4, minusDi: 17.9 }
 * ```
 */
export class Adx implements Indicator<OhlcvInput, AdxValue> {
  readonly period: number;
  private readonly inversePeriod: number;
  private hasPrevious = false;
  private previousHigh = 0;
  private previousLow = 0;
  private previousClose = 0;
  private movements = 0;
  private smoothedTr = 0;
  private smoothedPlusDm = 0;
  private smoothedMinusDm = 0;
  private dxCount = 0;
  private average = 0;
  private current: AdxValue | undefined;

  constructor(period: number) {
    this.period = checkPeriod('Adx', 'period', period);
    this.inversePeriod = 1 / this.period;
  }

  update(bar: OhlcvInput): AdxValue | undefined {
    checkHighLowClose('Adx', bar);
    const high = bar.high;
    const low = bar.low;
    if (!this.hasPrevious) {
      this.hasPrevious = true;
      this.previousHigh = high;
      this.previousLow = low;
      this.previousClose = bar.close;
      return undefined;
    }
    const upMove = high - this.previousHigh;
    const downMove = this.previousLow - low;
    const plusDm = upMove > downMove && upMove > 0 ? upMove : 0;
    const minusDm = downMove > upMove && downMove > 0 ? downMove : 0;
    let tr = high - low;
    const up = Math.abs(high - this.previousClose);
    const down = Math.abs(low - this.previousClose);
    if (up > tr) tr = up;
    if (down > tr) tr = down;
    this.previousHigh = high;
    this.previousLow = low;
    this.previousClose = bar.close;

    const period = this.period;
    if (this.movements < period) {
      this.smoothedTr += tr;
      this.smoothedPlusDm += plusDm;
      this.smoothedMinusDm += minusDm;
      if (++this.movements < period) return undefined;
    } else {
      const inverse = this.inversePeriod;
      this.smoothedTr += tr - this.smoothedTr * inverse;
      this.smoothedPlusDm += plusDm - this.smoothedPlusDm * inverse;
      this.smoothedMinusDm += minusDm - this.smoothedMinusDm * inverse;
    }
    const scale = this.smoothedTr > 0 ? 100 / this.smoothedTr : 0;
    const plusDi = this.smoothedPlusDm * scale;
    const minusDi = this.smoothedMinusDm * scale;
    const diSum = plusDi + minusDi;
    const dx = diSum > 0 ? (100 * Math.abs(plusDi - minusDi)) / diSum : 0;
    if (this.dxCount < period) {
      this.average += dx;
      if (++this.dxCount < period) return undefined;
      this.average /= period;
    } else {
      this.average += (dx - this.average) * this.inversePeriod;
    }
    return (this.current = { adx: this.average, plusDi, minusDi });
  }

  get value(): AdxValue | undefined {
    return this.current;
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  reset(): void {
    this.hasPrevious = false;
    this.previousHigh = 0;
    this.previousLow = 0;
    this.previousClose = 0;
    this.movements = 0;
    this.smoothedTr = 0;
    this.smoothedPlusDm = 0;
    this.smoothedMinusDm = 0;
    this.dxCount = 0;
    this.average = 0;
    this.current = undefined;
  }
}

/**
 * Operator twin of {@link Adx}: emits `{ adx, plusDi, minusDi }` from bar `2 * period` on.
 *
 * @example
 * ```ts
 * bars$.pipe(adx(14)).subscribe(({ adx }) => console.log(adx));
 * ```
 */
export function adx(period: number): OperatorFunction<OhlcvInput, AdxValue> {
  return indicatorOperator(() => new Adx(period));
}
