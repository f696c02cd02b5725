import { Observable } from 'rxjs';
import { knownAt, type MarketEvent } from '../model/market-event.js';
import { FeedOrderError } from './feed-order-error.js';

/**
 * A DataFeed over any iterable (a generator, a Set, {@link mergeIterablesByTime}'s output),
 * read synchronously on subscription; unsubscribing stops the iteration (and runs the
 * generator's `finally`). Events must be in `knownAt` order, else the feed errors with a
 * {@link FeedOrderError}.
 *
 * @example
 * ```ts
 * function* bars() { yield* parseGenericCsv(csv, { instrument: 'NSE:INFY' }).rows; }
 * fromIterable(bars()).subscribe((bar) => console.log(bar.time));
 * ```
 */
export function fromIterable<E extends MarketEvent>(events: Iterable<E>): Observable<E> {
  return new Observable<E>((subscriber) => {
    let previous = Number.NEGATIVE_INFINITY;
    let position = 0;
    for (const event of events) {
      if (subscriber.closed) return;
      const at = knownAt(event);
      if (at < previous) {
        subscriber.error(new FeedOrderError(0, position, at, previous, event.instrument));
        return;
      }
      previous = at;
      position++;
      subscriber.next(event);
    }
    subscriber.complete();
  });
}
