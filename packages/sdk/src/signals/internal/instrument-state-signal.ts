import { Observable } from 'rxjs';
import type { Signal } from '../../graph/stages.js';
import type { StrategyContext } from '../../graph/strategy-context.js';
import type { InstrumentId } from '../../model/instrument.js';
import type { MarketEvent } from '../../model/market-event.js';
import type { SignalEvent } from '../../model/signal-event.js';

/** The decision state of one signal for one instrument. */
export interface InstrumentState {
  /** Consumes the instrument's next event; returns a new opinion, or undefined when unchanged. */
  update(event: MarketEvent): SignalEvent | undefined;
}

/**
 * A Signal that keeps one {@link InstrumentState} per instrument, created on the instrument's
 * first event. The per-instrument routing of `perInstrument` without a Subject per instrument:
 * the stock signals' hot path. State lives in the subscription, so every subscription (and every
 * instance) starts fresh.
 */
export function instrumentStateSignal<P = unknown>(
  create: (instrument: InstrumentId, ctx: StrategyContext<P>) => InstrumentState,
): Signal<P> {
  return (ctx) => (source) =>
    new Observable<SignalEvent>((subscriber) => {
      const states = new Map<InstrumentId, InstrumentState>();
      // Feeds often carry runs of one instrument: skip the map lookup for a repeat.
      let lastInstrument: InstrumentId | undefined;
      let lastState: InstrumentState | undefined;
      return source.subscribe({
        next(event) {
          let out: SignalEvent | undefined;
          try {
            let state =
              event.instrument === lastInstrument ? lastState : states.get(event.instrument);
            if (state === undefined) {
              state = create(event.instrument, ctx);
              states.set(event.instrument, state);
            }
            lastInstrument = event.instrument;
            lastState = state;
            out = state.update(event);
          } catch (error: unknown) {
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
