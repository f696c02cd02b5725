/**
 * The exponential average shared by Ema and Macd: alpha = 2 / (period + 1), seeded with the
 * simple average of the first `period` inputs (the TA-Lib / technicalindicators convention).
 */
export class EmaCore {
  readonly period: number;
  private readonly alpha: number;
  private count = 0;
  private sum = 0;
  private first = 0;
  private allEqual = true;
  /** Current average; meaningful only once `ready`. */
  value = 0;

  constructor(period: number) {
    this.period = period;
    this.alpha = 2 / (period + 1);
  }

  get ready(): boolean {
    return this.count >= this.period;
  }

  /** Adds `x`; returns true when `value` is defined. */
  push(x: number): boolean {
    if (this.count >= this.period) {
      this.value += this.alpha * (x - this.value);
      return true;
    }
    this.sum += x;
    if (this.count === 0) this.first = x;
    else if (x !== this.first) this.allEqual = false;
    if (++this.count < this.period) return false;
    // A flat seed window seeds with its value exactly (0.1 * 7 / 7 is not 0.1 in binary).
    this.value = this.allEqual ? x : this.sum / this.period;
    return true;
  }

  reset(): void {
    this.count = 0;
    this.sum = 0;
    this.first = 0;
    this.allEqual = true;
    this.value = 0;
  }
}
