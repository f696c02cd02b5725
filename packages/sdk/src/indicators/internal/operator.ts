import { Observable, type OperatorFunction } from 'rxjs';
import type { Indicator } from '../indicator.js';

/**
 * Turns an indicator factory into an rxjs operator. Each subscription gets its own indicator
 * instance (so a shared operator never mixes two streams' state); only ready values are
 * emitted. The factory is called once immediately so a bad parameter throws when the
 * operator is built, not at subscription time.
 */
export function indicatorOperator<In, Out>(
  create: () => Indicator<In, Out>,
): OperatorFunction<In, Out> {
  create();
  return (source) =>
    new Observable<Out>((subscriber) => {
      const indicator = create();
      return source.subscribe({
        next(input) {
          let out: Out | undefined;
          try {
            out = indicator.update(input);
          } catch (error) {
            subscriber.error(error);
            return;
          }
          if (out !== undefined) subscriber.next(out);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
