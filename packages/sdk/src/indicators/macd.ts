import type { OperatorFunction } from 'rxjs';
import { IndicatorParameterError } from './errors.js';
import type { Indicator } from './indicator.js';
import { EmaCore } from './internal/ema-core.js';
import { indicatorOperator } from './internal/operator.js';
import { checkInput, checkPeriod } from './internal/validate.js';

/** One MACD reading. */
export interface MacdValue {
  /** Fast EMA minus slow EMA. */
  readonly macd: number;
  /** EMA of the MACD line over the signal period. */
  readonly signal: number;
  /** `macd - signal`. */
  readonly histogram: number;
}

/**
 * Moving Average Convergence Divergence, O(1) per update.
 *
 * Convention: both price EMAs start on the first input, each seeded with the simple average
 * of its first `fast` / `slow` inputs (see {@link Ema}); the MACD line exists from input
 * `slow`; the signal EMA over the MACD line is seeded with the simple average of the first
 * `signal` MACD values, so the first reading comes at input `slow + signal - 1`. This is
 * technicalindicators `MACD` with `SimpleMAOscillator: false, SimpleMASignal: false`.
 * Each update returns a new immutable {@link MacdValue}.
 *
 * @example
 * ```ts
 * const macd = new Macd(12, 26, 9);
 * for (const close of closes) macd.update(close);
 * macd.value?.histogram;
 * ```
 */
export class Macd implements Indicator<number, MacdValue> {
  readonly fast: number;
  readonly slow: number;
  readonly signal: number;
  private readonly fastEma: EmaCore;
  private readonly slowEma: EmaCore;
  private readonly signalEma: EmaCore;
  private current: MacdValue | undefined;

  constructor(fast: number, slow: number, signal: number) {
    this.fast = checkPeriod('Macd', 'fast', fast);
    this.slow = checkPeriod('Macd', 'slow', slow);
    this.signal = checkPeriod('Macd', 'signal', signal);
    if (fast >= slow) {
      throw new IndicatorParameterError('Macd', 'fast', fast, `below slow (${slow})`);
    }
    this.fastEma = new EmaCore(fast);
    this.slowEma = new EmaCore(slow);
    this.signalEma = new EmaCore(signal);
  }

  update(input: number): MacdValue | undefined {
    checkInput('Macd', 'input', input);
    this.fastEma.push(input);
    if (!this.slowEma.push(input)) return undefined;
    const macd = this.fastEma.value - this.slowEma.value;
    if (!this.signalEma.push(macd)) return undefined;
    const signal = this.signalEma.value;
    return (this.current = { macd, signal, histogram: macd - signal });
  }

  get value(): MacdValue | undefined {
    return this.current;
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  reset(): void {
    this.fastEma.reset();
    this.slowEma.reset();
    this.signalEma.reset();
    this.current = undefined;
  }
}

/**
 * Operator twin of {@link Macd}: emits `{ macd, signal, histogram }` from input
 * `slow + signal - 1` on.
 *
 * @example
 * ```ts
 * closes$.pipe(macd(12, 26, 9)).subscribe(({ histogram }) => console.log(histogram));
 * ```
 */
export function macd(
  fast: number,
  slow: number,
  signal: number,
): OperatorFunction<number, MacdValue> {
  return indicatorOperator(() => new Macd(fast, slow, signal));
}
