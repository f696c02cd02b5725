/**
 * Sliding-window maximum / minimum over the last `size` values in O(1) amortised per push,
 * with no data-dependent loop (van Herk / Gil-Werman): the stream is cut into blocks of
 * `size`. Within the current block a running prefix extreme is kept; when a block completes,
 * the suffix extremes of that block are computed once (O(size) per `size` pushes). The window
 * ending at position i of the current block is the old block's suffix from i + 1 plus the new
 * block's prefix up to i, so each push costs two comparisons.
 */
export class SlidingMax {
  readonly size: number;
  private readonly block: Float64Array;
  private readonly suffix: Float64Array;
  private index = 0;
  private prefix = 0;
  private filled = false;

  constructor(size: number) {
    this.size = size;
    this.block = new Float64Array(size);
    this.suffix = new Float64Array(size);
  }

  /** Adds `x`; returns the maximum of the last `size` values (of fewer while filling). */
  push(x: number): number {
    const i = this.index;
    this.block[i] = x;
    const prefix = i === 0 || x > this.prefix ? x : this.prefix;
    this.prefix = prefix;
    let result = prefix;
    if (this.filled && i + 1 < this.size) {
      const old = this.suffix[i + 1]!;
      if (old > result) result = old;
    }
    if (i + 1 === this.size) this.closeBlock();
    else this.index = i + 1;
    return result;
  }

  // Kept out of push() so that push stays small enough for V8 to inline into callers
  // (a non-inlined call boxes its double argument and result on the heap).
  private closeBlock(): void {
    const block = this.block;
    const suffix = this.suffix;
    let i = this.size - 1;
    let m = block[i]!;
    suffix[i] = m;
    for (i--; i >= 0; i--) {
      const v = block[i]!;
      if (v > m) m = v;
      suffix[i] = m;
    }
    this.index = 0;
    this.filled = true;
  }

  reset(): void {
    this.index = 0;
    this.prefix = 0;
    this.filled = false;
  }
}

/** The minimum counterpart of {@link SlidingMax} (a separate class keeps both monomorphic). */
/**
 * Sliding-window minimum: the {@link SlidingMax} of the negated inputs, so one implementation of
 * the block algorithm serves both extremes.
 */
export class SlidingMin {
  private readonly max: SlidingMax;

  constructor(size: number) {
    this.max = new SlidingMax(size);
  }

  get size(): number {
    return this.max.size;
  }

  /** Adds `x` and returns the minimum of the last `size` inputs (fewer before the window fills). */
  push(x: number): number {
    return -this.max.push(-x);
  }

  reset(): void {
    this.max.reset();
  }
}
