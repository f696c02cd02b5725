import { Observable, type OperatorFunction } from 'rxjs';
import type { Bar, InstrumentId, SignalEvent } from '@pravah/sdk';

/** One instrument's signal state: reads a bar, may form an opinion. */
export interface BarState {
  update(bar: Bar): SignalEvent | undefined;
}

/**
 * Runs one `BarState` per instrument over a stream of bars (created on the instrument's first
 * bar, in first-seen order), emitting whatever opinions they form. State lives in the
 * subscription, so two runs never share it. An error thrown by a state ends the stream with it.
 *
 * @example
 * ```ts
 * const signal: Signal = (ctx) => (events$) =>
 *   events$.pipe(barsAt('1m', 'mine'), stateSignal((id) => new MyState(ctx, id)));
 * ```
 */
export function stateSignal(
  create: (instrument: InstrumentId) => BarState,
): OperatorFunction<Bar, SignalEvent> {
  return (source) =>
    new Observable<SignalEvent>((subscriber) => {
      const states = new Map<InstrumentId, BarState>();
      return source.subscribe({
        next(bar) {
          let out: SignalEvent | undefined;
          try {
            let state = states.get(bar.instrument);
            if (state === undefined) {
              state = create(bar.instrument);
              states.set(bar.instrument, state);
            }
            out = state.update(bar);
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
