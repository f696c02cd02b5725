import { Observable, type OperatorFunction } from 'rxjs';
import type { MarketEvent } from '../model/market-event.js';

/** Per-subscription handlers of {@link withMarket}; `emit` sends a value downstream. */
export interface MarketAwareHandlers<In, Out> {
  market(event: MarketEvent, emit: (out: Out) => void): void;
  input(value: In, emit: (out: Out) => void): void;
}

/**
 * An operator that also listens on a market stream (`ctx.market$`). `setup` runs once per
 * subscription, so state lives in the subscription and two subscriptions never share it.
 * The market stream is subscribed first (it runs ahead of the strategy's inputs); the operator
 * completes when its input completes and errors when either stream errors or a handler throws.
 */
export function withMarket<In, Out>(
  market$: Observable<MarketEvent>,
  setup: () => MarketAwareHandlers<In, Out>,
): OperatorFunction<In, Out> {
  return (source) =>
    new Observable<Out>((subscriber) => {
      const handlers = setup();
      const emit = (out: Out): void => subscriber.next(out);
      const marketSubscription = market$.subscribe({
        next(event) {
          try {
            handlers.market(event, emit);
          } catch (err) {
            subscriber.error(err);
          }
        },
        error: (err: unknown) => subscriber.error(err),
      });
      const inputSubscription = source.subscribe({
        next(value) {
          try {
            handlers.input(value, emit);
          } catch (err) {
            subscriber.error(err);
          }
        },
        error: (err: unknown) => subscriber.error(err),
        complete: () => subscriber.complete(),
      });
      return () => {
        inputSubscription.unsubscribe();
        marketSubscription.unsubscribe();
      };
    });
}
