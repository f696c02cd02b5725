import { Observable, type OperatorFunction } from 'rxjs';
import type { MarketEvent } from '../model/market-event.js';
import type { OrderIntent } from '../model/order-intent.js';
import type { RiskEvent } from '../model/risk-event.js';
import type { SignalEvent } from '../model/signal-event.js';
import type { TargetPosition } from '../model/target-position.js';
import {
  createStrategyGraph,
  type GraphContext,
  type GraphStages,
  type StrategyGraph,
} from './strategy-graph.js';

/** Everything a graph emits, in the order it happens. */
export type GraphOutput = SignalEvent | TargetPosition | OrderIntent | RiskEvent;

/**
 * The strategy graph as one RxJS operator, for tests with plain arrays and marble tests:
 * market events in; every signal, target, intent and RiskEvent out, in the order they happen.
 * Each subscription wires a fresh graph (see {@link createStrategyGraph}); a stage failure
 * errors the output with a StageError.
 *
 * @example
 * ```ts
 * const outputs = await lastValueFrom(from(bars).pipe(strategyGraph(strategy, ctx), toArray()));
 * const intents = outputs.filter((o) => o.kind === 'intent');
 * ```
 */
export function strategyGraph<P>(
  strategy: GraphStages<P>,
  ctx: GraphContext<P>,
): OperatorFunction<MarketEvent, GraphOutput> {
  return (source) =>
    new Observable<GraphOutput>((subscriber) => {
      const emit = (output: GraphOutput): void => subscriber.next(output);
      let graph: StrategyGraph<P>;
      try {
        graph = createStrategyGraph(strategy, ctx, {
          signal: emit,
          target: emit,
          intent: emit,
          risk: emit,
        });
      } catch (error) {
        subscriber.error(error);
        return undefined;
      }
      const subscription = source.subscribe({
        next: (event) => {
          try {
            graph.push(event);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          try {
            graph.complete();
          } catch (error) {
            subscriber.error(error);
            return;
          }
          subscriber.complete();
        },
      });
      return () => {
        subscription.unsubscribe();
        graph.dispose();
      };
    });
}
