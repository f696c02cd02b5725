import { Observable, type OperatorFunction } from 'rxjs';

/** Handles one input; `emit` sends a value downstream (any number of times). */
export type InputHandler<In, Out> = (value: In, emit: (out: Out) => void) => void;

/**
 * An operator whose handler (and so its state) is created by `setup` once per subscription;
 * errors thrown by the handler go downstream.
 */
export function perSubscription<In, Out>(
  setup: () => InputHandler<In, Out>,
): OperatorFunction<In, Out> {
  return (source) =>
    new Observable<Out>((subscriber) => {
      const handle = setup();
      const emit = (out: Out): void => subscriber.next(out);
      return source.subscribe({
        next(value) {
          try {
            handle(value, emit);
          } catch (err) {
            subscriber.error(err);
          }
        },
        error: (err: unknown) => subscriber.error(err),
        complete: () => subscriber.complete(),
      });
    });
}
