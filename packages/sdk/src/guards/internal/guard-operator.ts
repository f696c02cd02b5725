import { Observable, type OperatorFunction } from 'rxjs';
import type { StrategyContext } from '../../graph/strategy-context.js';
import type { MarketEvent } from '../../model/market-event.js';
import type { OrderIntent } from '../../model/order-intent.js';
import type { RiskEvent } from '../../model/risk-event.js';

/** Sends one output of a guard downstream. */
export type Emit = (output: OrderIntent | RiskEvent) => void;

/** What a guard does with each market event and each intent. Created once per subscription. */
export interface GuardHandlers {
  /** When present, the guard listens to `ctx.market$` for as long as its intents flow. */
  readonly onMarket?: (event: MarketEvent, emit: Emit) => void;
  readonly onIntent: (intent: OrderIntent, emit: Emit) => void;
}

/**
 * Builds a guard operator. State lives in the handlers that `create` returns, so every
 * subscription (and every run) starts fresh and independent instances never share state.
 * Errors thrown by a handler (e.g. an unknown instrument) error the stream instead of being lost.
 */
export function guardOperator(
  ctx: StrategyContext<unknown>,
  create: () => GuardHandlers,
): OperatorFunction<OrderIntent, OrderIntent | RiskEvent> {
  return (source) =>
    new Observable<OrderIntent | RiskEvent>((subscriber) => {
      const handlers = create();
      const emit: Emit = (output) => subscriber.next(output);
      const onMarket = handlers.onMarket;
      const marketSubscription =
        onMarket === undefined
          ? undefined
          : ctx.market$.subscribe({
              next: (event) => {
                try {
                  onMarket(event, emit);
                } catch (error: unknown) {
                  subscriber.error(error);
                }
              },
              error: (error: unknown) => subscriber.error(error),
            });
      const intentSubscription = source.subscribe({
        next: (intent) => {
          try {
            handlers.onIntent(intent, emit);
          } catch (error: unknown) {
            subscriber.error(error);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        marketSubscription?.unsubscribe();
        intentSubscription.unsubscribe();
      };
    });
}
