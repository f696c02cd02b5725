/**
 * Mean and variance of a fixed-size sliding window, O(1) per push.
 *
 * Uses Welford's update (and its sliding form when a value leaves the window) instead of
 * sum / sum-of-squares: prices near 18,000 square to 3e8, and the naive formula would lose
 * about eight digits to cancellation. The moments are kept for values shifted by a recent
 * input (`shift`), because the sliding update multiplies the mean's rounding error by the
 * size of each move: unshifted, a 2-bar window of NIFTY minutes lost 9 digits of its
 * variance. The moments are also recomputed exactly (two passes) and re-shifted each time
 * the ring wraps, every `size` pushes, which bounds drift at O(1) amortised cost.
 * A window whose values are all identical reports variance exactly 0 and mean exactly the
 * value (tracked by the run length of equal inputs), never a rounding residue.
 */
export class RollingMoments {
  readonly size: number;
  private readonly inverseSize: number;
  private readonly window: Float64Array;
  private head = 0;
  private count = 0;
  private shift = 0;
  /** Mean of the shifted values `x - shift`. */
  private runningMean = 0;
  private m2 = 0;
  private last = 0;
  private run = 0;

  constructor(size: number) {
    this.size = size;
    this.inverseSize = 1 / size;
    this.window = new Float64Array(size);
  }

  /** Adds `x`, dropping the oldest value once full. Returns true when the window is full. */
  push(x: number): boolean {
    const size = this.size;
    const window = this.window;
    const head = this.head;
    if (this.count === 0) this.shift = x;
    const shifted = x - this.shift;
    if (this.count < size) {
      const count = ++this.count;
      const delta = shifted - this.runningMean;
      this.runningMean += delta / count;
      this.m2 += delta * (shifted - this.runningMean);
    } else {
      const old = window[head]! - this.shift;
      const delta = shifted - old;
      const mean = this.runningMean + delta * this.inverseSize;
      this.m2 += delta * (shifted - mean + old - this.runningMean);
      this.runningMean = mean;
    }
    window[head] = x;
    this.run = x === this.last ? this.run + 1 : 1;
    this.last = x;
    if (head + 1 === size) {
      this.head = 0;
      this.recompute();
    } else {
      this.head = head + 1;
    }
    return this.count === size;
  }

  get full(): boolean {
    return this.count === this.size;
  }

  get constant(): boolean {
    return this.run >= this.count;
  }

  mean(): number {
    return this.run >= this.count ? this.last : this.shift + this.runningMean;
  }

  /** Population variance (divide by n). */
  populationVariance(): number {
    if (this.run >= this.count) return 0;
    return this.m2 > 0 ? this.m2 / this.count : 0;
  }

  /** Sample variance (divide by n - 1); 0 for fewer than two values. */
  sampleVariance(): number {
    if (this.run >= this.count || this.count < 2) return 0;
    return this.m2 > 0 ? this.m2 / (this.count - 1) : 0;
  }

  reset(): void {
    this.head = 0;
    this.count = 0;
    this.shift = 0;
    this.runningMean = 0;
    this.m2 = 0;
    this.last = 0;
    this.run = 0;
    this.window.fill(0);
  }

  private recompute(): void {
    const window = this.window;
    const n = this.count;
    const shift = this.last;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += window[i]! - shift;
    const mean = sum / n;
    let m2 = 0;
    for (let i = 0; i < n; i++) {
      const d = window[i]! - shift - mean;
      m2 += d * d;
    }
    this.shift = shift;
    this.runningMean = mean;
    this.m2 = m2;
  }
}
