import { Observable } from 'rxjs';
import { knownAt, type MarketEvent } from '../model/market-event.js';
import { FeedOrderError } from './feed-order-error.js';
import { SourceHeap } from './source-heap.js';

/** A FIFO of one source's events waiting to be merged. */
class Queue<E> {
  private items: E[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  peek(): E {
    return this.items[this.head]!;
  }

  push(item: E): void {
    this.items.push(item);
  }

  shift(): E {
    const item = this.items[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

/**
 * Merges time-ordered feeds into one DataFeed ordered by `knownAt`, stable for equal times
 * (input order of the feeds decides). An event is emitted only once every feed that has not
 * completed has an event waiting, since a quiet feed could still produce an earlier one; so a
 * synchronous feed is buffered while the next is subscribed, and a live feed that goes quiet
 * holds the merge back. For arrays or generators prefer {@link mergeIterablesByTime}, which
 * pulls instead of buffering. A feed that goes back in time errors the merge with a
 * {@link FeedOrderError}.
 *
 * @example
 * ```ts
 * mergeByTime(fromAsyncIterable(niftyPages), fromAsyncIterable(bankNiftyPages)).subscribe(onEvent);
 * ```
 */
export function mergeByTime<E extends MarketEvent>(...feeds: Observable<E>[]): Observable<E> {
  return new Observable<E>((subscriber) => {
    const k = feeds.length;
    const queues = Array.from({ length: k }, () => new Queue<E>());
    const active = new Uint8Array(k).fill(1);
    const last = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
    const counts = new Int32Array(k);
    const heap = new SourceHeap(k);
    let waiting = k;
    let open = k;

    const drain = (): void => {
      while (waiting === 0 && heap.size > 0 && !subscriber.closed) {
        const s = heap.top();
        const queue = queues[s]!;
        const event = queue.shift();
        if (queue.size > 0) {
          heap.keys[s] = knownAt(queue.peek());
          heap.siftTop();
        } else {
          heap.pop();
          if (active[s] === 1) waiting++;
        }
        subscriber.next(event);
      }
      if (open === 0 && heap.size === 0) subscriber.complete();
    };

    for (let s = 0; s < k && !subscriber.closed; s++) {
      subscriber.add(
        feeds[s]!.subscribe({
          next: (event) => {
            const at = knownAt(event);
            if (at < last[s]!) {
              subscriber.error(new FeedOrderError(s, counts[s]!, at, last[s]!, event.instrument));
              return;
            }
            last[s] = at;
            counts[s]!++;
            const queue = queues[s]!;
            queue.push(event);
            if (queue.size === 1) {
              heap.keys[s] = at;
              heap.push(s);
              waiting--;
              drain();
            }
          },
          error: (error: unknown) => subscriber.error(error),
          complete: () => {
            active[s] = 0;
            open--;
            if (queues[s]!.size === 0) waiting--;
            drain();
          },
        }),
      );
    }
    if (k === 0) subscriber.complete();
  });
}
