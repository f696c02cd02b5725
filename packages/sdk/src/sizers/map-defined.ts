import { Observable, type OperatorFunction } from 'rxjs';

/** Like `map`, but drops inputs for which `project` returns `undefined`. Errors thrown by `project` go downstream. */
export function mapDefined<In, Out>(
  project: (value: In) => Out | undefined,
): OperatorFunction<In, Out> {
  return (source) =>
    new Observable<Out>((subscriber) =>
      source.subscribe({
        next(value) {
          let out: Out | undefined;
          try {
            out = project(value);
          } catch (err) {
            subscriber.error(err);
            return;
          }
          if (out !== undefined) subscriber.next(out);
        },
        error: (err: unknown) => subscriber.error(err),
        complete: () => subscriber.complete(),
      }),
    );
}
