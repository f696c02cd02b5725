import { Observable, type MonoTypeOperatorFunction } from 'rxjs';
import { StageError } from './stage-error.js';

/**
 * Marks the output of one stage: an error arriving from upstream that is not yet a StageError
 * is attributed to `stage`; `tap`, when given, sees every value before the next stage does
 * (a sink that throws fails the graph as stage `sink`). One forwarding call per value.
 */
export function stageBoundary<T>(
  stage: string,
  strategy: string,
  tap?: (value: T) => void,
): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) =>
      source.subscribe({
        next:
          tap === undefined
            ? (value) => subscriber.next(value)
            : (value) => {
                try {
                  tap(value);
                } catch (error) {
                  subscriber.error(new StageError('sink', strategy, error));
                  return;
                }
                subscriber.next(value);
              },
        error: (error: unknown) =>
          subscriber.error(
            error instanceof StageError ? error : new StageError(stage, strategy, error),
          ),
        complete: () => subscriber.complete(),
      }),
    );
}
