/**
 * Sliding-window maximum (or minimum) over the last `size` values in amortised O(1): a
 * monotonic deque stored in two Float64Array rings (values and their sequence numbers).
 * Each value enters and leaves the deque at most once, so n pushes cost O(n) in total.
 */
export class MonotonicDeque {
  readonly size: number;
  private readonly keepMax: boolean;
  private readonly values: Float64Array;
  private readonly seqs: Float64Array;
  private front = 0;
  private length = 0;
  private seq = 0;

  constructor(size: number, keep: 'max' | 'min') {
    this.size = size;
    this.keepMax = keep === 'max';
    this.values = new Float64Array(size);
    this.seqs = new Float64Array(size);
  }

  /** Adds `x` and returns the extreme of the last `size` values pushed. */
  push(x: number): number {
    const size = this.size;
    const values = this.values;
    const seqs = this.seqs;
    const seq = ++this.seq;
    // Evict the front when it has slid out of the window.
    if (this.length > 0 && seqs[this.front]! <= seq - size) {
      this.front = this.front + 1 === size ? 0 : this.front + 1;
      this.length--;
    }
    // Drop dominated values from the back.
    let back = this.front + this.length - 1;
    if (back >= size) back -= size;
    if (this.keepMax) {
      while (this.length > 0 && values[back]! <= x) {
        this.length--;
        back = back === 0 ? size - 1 : back - 1;
      }
    } else {
      while (this.length > 0 && values[back]! >= x) {
        this.length--;
        back = back === 0 ? size - 1 : back - 1;
      }
    }
    let slot = this.front + this.length;
    if (slot >= size) slot -= size;
    values[slot] = x;
    seqs[slot] = seq;
    this.length++;
    return values[this.front]!;
  }

  reset(): void {
    this.front = 0;
    this.length = 0;
    this.seq = 0;
  }
}
