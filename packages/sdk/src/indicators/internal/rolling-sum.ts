/**
 * A fixed-size window over a Float64Array ring with a running sum: O(1) per push.
 *
 * Drift control: the running sum is recomputed exactly from the window every time the ring
 * wraps (every `size` pushes), so rounding error never accumulates beyond one window's worth;
 * the amortised cost stays O(1). A window whose values are all identical reports that value
 * exactly as its mean (tracked by the run length of equal inputs), so a flat series never
 * shows a spurious 1e-15 wiggle.
 */
export class RollingSum {
  readonly size: number;
  private readonly window: Float64Array;
  private head = 0;
  private count = 0;
  private sum = 0;
  private last = 0;
  private run = 0;

  constructor(size: number) {
    this.size = size;
    this.window = new Float64Array(size);
  }

  /** Adds `x`, dropping the oldest value once full. Returns true when the window is full. */
  push(x: number): boolean {
    const size = this.size;
    const window = this.window;
    const head = this.head;
    if (this.count < size) this.count++;
    else this.sum -= window[head]!;
    window[head] = x;
    this.sum += x;
    this.run = x === this.last ? this.run + 1 : 1;
    this.last = x;
    if (head + 1 === size) this.resum();
    else this.head = head + 1;
    return this.count === size;
  }

  // Kept out of push() so that push stays small enough for V8 to inline into callers
  // (a non-inlined call boxes its double argument and result on the heap).
  private resum(): void {
    const window = this.window;
    let exact = 0;
    for (let i = 0; i < this.size; i++) exact += window[i]!;
    this.sum = exact;
    this.head = 0;
  }

  /** Mean of the values in the window (exactly the value itself for a constant window). */
  mean(): number {
    return this.run >= this.count ? this.last : this.sum / this.count;
  }

  get full(): boolean {
    return this.count === this.size;
  }

  reset(): void {
    this.head = 0;
    this.count = 0;
    this.sum = 0;
    this.last = 0;
    this.run = 0;
    this.window.fill(0);
  }
}
