/**
 * Min-heap of source indices keyed by `keys[source]`, ties broken by the lower source index.
 * That tie rule is what makes merges stable: equal times come out in input order.
 */
export class SourceHeap {
  /** Current key of each source; set it before `push` or `siftTop`. */
  readonly keys: Float64Array;
  private readonly heap: Int32Array;
  size = 0;

  constructor(sources: number) {
    this.keys = new Float64Array(sources);
    this.heap = new Int32Array(sources);
  }

  /** The source with the smallest key (undefined behaviour when empty). */
  top(): number {
    return this.heap[0]!;
  }

  push(source: number): void {
    const heap = this.heap;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!this.before(source, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = source;
  }

  /** Removes the top source. */
  pop(): void {
    const last = this.heap[--this.size]!;
    if (this.size > 0) this.siftDown(last);
  }

  /** Restores order after the top source's key grew. */
  siftTop(): void {
    this.siftDown(this.heap[0]!);
  }

  private siftDown(source: number): void {
    const heap = this.heap;
    const size = this.size;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && this.before(heap[right]!, heap[child]!)) child = right;
      const c = heap[child]!;
      if (!this.before(c, source)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = source;
  }

  private before(a: number, b: number): boolean {
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return ka < kb || (ka === kb && a < b);
  }
}
