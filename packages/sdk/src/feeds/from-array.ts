import { Observable } from 'rxjs';
import { knownAt, type MarketEvent } from '../model/market-event.js';
import { FeedOrderError } from './feed-order-error.js';

/**
 * A DataFeed over an array of events, emitted synchronously on subscription (each subscriber
 * gets them all). The events must be in `knownAt` order; the feed errors with a
 * {@link FeedOrderError} at the first one that goes back in time.
 *
 * @example
 * ```ts
 * const { rows } = parseNseIndexMinutes(text);
 * fromArray(rows).pipe(map((bar) => bar.close)).subscribe(console.log);
 * ```
 */
export function fromArray<E extends MarketEvent>(events: readonly E[]): Observable<E> {
  return new Observable<E>((subscriber) => {
    let previous = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < events.length && !subscriber.closed; i++) {
      const event = events[i]!;
      const at = knownAt(event);
      if (at < previous) {
        subscriber.error(new FeedOrderError(0, i, at, previous, event.instrument));
        return;
      }
      previous = at;
      subscriber.next(event);
    }
    subscriber.complete();
  });
}
