import { knownAt, type MarketEvent } from '../model/market-event.js';
import { FeedOrderError } from './feed-order-error.js';
import { SourceHeap } from './source-heap.js';

/** Pull-based k-way merge over a binary heap of sources. */
class TimeMerge<E extends MarketEvent> implements IterableIterator<E> {
  private readonly iterators: Iterator<E>[] = [];
  private readonly heads: (E | undefined)[];
  private readonly positions: Int32Array;
  private readonly heap: SourceHeap;
  private started = false;

  constructor(private readonly sources: readonly Iterable<E>[]) {
    this.heap = new SourceHeap(sources.length);
    this.heads = new Array<E | undefined>(sources.length).fill(undefined);
    this.positions = new Int32Array(sources.length);
  }

  [Symbol.iterator](): IterableIterator<E> {
    return this;
  }

  next(): IteratorResult<E> {
    if (!this.started) this.start();
    const heap = this.heap;
    if (heap.size === 0) return { done: true, value: undefined };
    const source = heap.top();
    const event = this.heads[source]!;
    const step = this.iterators[source]!.next();
    if (step.done === true) {
      this.heads[source] = undefined;
      heap.pop();
    } else {
      const at = knownAt(step.value);
      const previous = heap.keys[source]!;
      if (at < previous) {
        this.close();
        throw new FeedOrderError(
          source,
          this.positions[source]!,
          at,
          previous,
          step.value.instrument,
        );
      }
      this.positions[source]!++;
      this.heads[source] = step.value;
      heap.keys[source] = at;
      heap.siftTop();
    }
    return { done: false, value: event };
  }

  return(): IteratorResult<E> {
    this.close();
    return { done: true, value: undefined };
  }

  private start(): void {
    this.started = true;
    for (let s = 0; s < this.sources.length; s++) {
      const iterator = this.sources[s]![Symbol.iterator]();
      this.iterators.push(iterator);
      const step = iterator.next();
      if (step.done === true) continue;
      this.heads[s] = step.value;
      this.heap.keys[s] = knownAt(step.value);
      this.positions[s] = 1;
      this.heap.push(s);
    }
  }

  private close(): void {
    for (let s = 0; s < this.iterators.length; s++) {
      if (this.heads[s] !== undefined) this.iterators[s]!.return?.();
      this.heads[s] = undefined;
    }
    this.heap.size = 0;
  }
}

/**
 * Merges time-ordered sources (one per instrument, say) into one sequence ordered by
 * `knownAt`, lazily, with a binary heap: O(log k) per event for k sources. Stable: events
 * known at the same time come out in the order of their sources in `sources`, and in their
 * own order within a source, so a backtest over the merge is deterministic. A source that goes
 * back in time throws a {@link FeedOrderError}.
 *
 * @example
 * ```ts
 * const merged = mergeIterablesByTime([niftyBars, bankNiftyBars]);
 * for (const event of merged) engine.onEvent(event);
 * ```
 */
export function mergeIterablesByTime<E extends MarketEvent>(
  sources: readonly Iterable<E>[],
): IterableIterator<E> {
  return new TimeMerge(sources);
}
