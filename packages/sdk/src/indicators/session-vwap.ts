import type { OperatorFunction } from 'rxjs';
import { IndicatorInputError } from './errors.js';
import type { Indicator } from './indicator.js';
import { indicatorOperator } from './internal/operator.js';
import { checkInput } from './internal/validate.js';

/** The bar fields {@link SessionVwap} reads (a `Bar` fits). */
export interface VwapInput {
  /** Bar open time, epoch ms UTC; its IST date decides the session. */
  readonly time: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** IST is UTC+05:30 all year (no daylight saving), so the IST date is plain integer arithmetic. */
const IST_OFFSET_MS = 19_800_000;
const DAY_MS = 86_400_000;

/**
 * Volume-weighted average price of the current IST session, O(1) per update:
 * sum(typical * volume) / sum(volume) with typical = (high + low + close) / 3, restarted when
 * a bar's IST date differs from the previous bar's (one NSE session per IST date, muhurat
 * included). Ready from the first bar.
 *
 * Zero volume: while the session's total volume is 0 (an index such as NIFTY 50 reports
 * volume 0 on every bar) the value is the plain mean of the typical prices so far, so it is
 * always defined and never NaN; from the first bar with volume > 0 on, zero-volume bars carry
 * no weight. A negative or non-finite volume is rejected with {@link IndicatorInputError}.
 *
 * @example
 * ```ts
 * const vwap = new SessionVwap();
 * for (const bar of bars) vwap.update(bar); // bars of one instrument, time-ordered
 * vwap.value;
 * ```
 */
export class SessionVwap implements Indicator<VwapInput, number> {
  // The current session's IST date as [start, end) in epoch ms: two comparisons per bar.
  private dayStart = Infinity;
  private dayEnd = -Infinity;
  private priceVolume = 0;
  private volume = 0;
  private typicalSum = 0;
  private bars = 0;
  private current: number | undefined;

  update(bar: VwapInput): number | undefined {
    checkInput('SessionVwap', 'time', bar.time);
    checkInput('SessionVwap', 'high', bar.high);
    checkInput('SessionVwap', 'low', bar.low);
    checkInput('SessionVwap', 'close', bar.close);
    const volume = bar.volume;
    if (!(volume >= 0) || volume === Infinity) {
      throw new IndicatorInputError('SessionVwap', 'volume', volume, 'a finite number >= 0');
    }
    const time = bar.time;
    if (time >= this.dayEnd || time < this.dayStart) {
      const dayStart = Math.floor((time + IST_OFFSET_MS) / DAY_MS) * DAY_MS - IST_OFFSET_MS;
      this.dayStart = dayStart;
      this.dayEnd = dayStart + DAY_MS;
      this.priceVolume = 0;
      this.volume = 0;
      this.typicalSum = 0;
      this.bars = 0;
    }
    const typical = (bar.high + bar.low + bar.close) / 3;
    this.priceVolume += typical * volume;
    this.volume += volume;
    this.typicalSum += typical;
    this.bars++;
    return (this.current =
      this.volume > 0 ? this.priceVolume / this.volume : this.typicalSum / this.bars);
  }

  get value(): number | undefined {
    return this.current;
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  reset(): void {
    this.dayStart = Infinity;
    this.dayEnd = -Infinity;
    this.priceVolume = 0;
    this.volume = 0;
    this.typicalSum = 0;
    this.bars = 0;
    this.current = undefined;
  }
}

/**
 * Operator twin of {@link SessionVwap}: emits the session VWAP after every bar.
 *
 * @example
 * ```ts
 * bars$.pipe(sessionVwap()).subscribe((v) => console.log(v));
 * ```
 */
export function sessionVwap(): OperatorFunction<VwapInput, number> {
  return indicatorOperator(() => new SessionVwap());
}
