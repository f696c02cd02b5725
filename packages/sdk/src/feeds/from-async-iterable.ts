import { Observable } from 'rxjs';
import { knownAt, type MarketEvent } from '../model/market-event.js';
import { FeedOrderError } from './feed-order-error.js';

/**
 * A DataFeed over an async iterable (a stream of parsed chunks, a paginated historical API).
 * Unsubscribing stops the iteration and calls the iterator's `return()`. Events must be in
 * `knownAt` order, else the feed errors with a {@link FeedOrderError}; an iterator that throws
 * errors the feed.
 *
 * @example
 * ```ts
 * async function* candles() { for await (const page of pages) yield* page; }
 * fromAsyncIterable(candles()).subscribe({ next: console.log, complete: () => console.log('done') });
 * ```
 */
export function fromAsyncIterable<E extends MarketEvent>(events: AsyncIterable<E>): Observable<E> {
  return new Observable<E>((subscriber) => {
    const iterator = events[Symbol.asyncIterator]();
    let previous = Number.NEGATIVE_INFINITY;
    let position = 0;
    const pump = async (): Promise<void> => {
      try {
        for (;;) {
          const step = await iterator.next();
          if (subscriber.closed) return;
          if (step.done === true) {
            subscriber.complete();
            return;
          }
          const event = step.value;
          const at = knownAt(event);
          if (at < previous) {
            subscriber.error(new FeedOrderError(0, position, at, previous, event.instrument));
            void stop();
            return;
          }
          previous = at;
          position++;
          subscriber.next(event);
        }
      } catch (error) {
        subscriber.error(error);
      }
    };
    const stop = async (): Promise<void> => {
      try {
        await iterator.return?.();
      } catch {
        // The consumer is gone; an error while closing the source has nobody to go to.
      }
    };
    void pump();
    return () => {
      void stop();
    };
  });
}
