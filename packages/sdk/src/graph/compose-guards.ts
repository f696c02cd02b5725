import { Observable, Subject, Subscription, type OperatorFunction } from 'rxjs';
import type { OrderIntent } from '../model/order-intent.js';
import type { RiskEvent } from '../model/risk-event.js';

/** A RiskGuard once applied to a context: intents in; intents and RiskEvents out. */
export type GuardOperator = OperatorFunction<OrderIntent, OrderIntent | RiskEvent>;

/**
 * Chains guards so that each intent passes them in order, while a RiskEvent emitted by guard
 * `i` goes straight to the output without passing guards `i+1..` (a later guard has no business
 * with an earlier guard's report). Everything is synchronous: outputs leave in the order the
 * guards emit them, an intent that passes every guard before whatever its guards emit after it.
 * Completion cascades guard by guard; an error from any guard errors the output.
 *
 * @example
 * ```ts
 * const guarded = intents$.pipe(composeGuards([minConfidence(ctx), dailyLossLimit(ctx)]));
 * ```
 */
export function composeGuards(guards: readonly GuardOperator[]): GuardOperator {
  const [only] = guards;
  if (only === undefined) return (source) => source;
  if (guards.length === 1) return only;
  return (source) =>
    new Observable<OrderIntent | RiskEvent>((subscriber) => {
      const inputs = guards.map(() => new Subject<OrderIntent>());
      const subscription = new Subscription();
      // Subscribe the last guard first, so that every guard's downstream exists before it emits.
      for (let i = guards.length - 1; i >= 0; i--) {
        const guard = guards[i];
        const input = inputs[i];
        if (guard === undefined || input === undefined) continue;
        const downstream = inputs[i + 1];
        subscription.add(
          guard(input).subscribe({
            next:
              downstream === undefined
                ? (value) => subscriber.next(value)
                : (value) => {
                    if (value.kind === 'risk') subscriber.next(value);
                    else downstream.next(value);
                  },
            error: (error: unknown) => subscriber.error(error),
            complete:
              downstream === undefined ? () => subscriber.complete() : () => downstream.complete(),
          }),
        );
      }
      const first = inputs[0];
      if (first !== undefined) subscription.add(source.subscribe(first));
      return subscription;
    });
}
