import { Observable, Subject, Subscription } from 'rxjs';
import type { Signal } from '../graph/stages.js';
import type { InstrumentId } from '../model/instrument.js';
import type { MarketEvent } from '../model/market-event.js';
import type { SignalEvent } from '../model/signal-event.js';

/**
 * Runs one independent instance of a signal per instrument. The first event of an instrument
 * creates its instance with `factory(instrument)`; from then on every event of that instrument,
 * and only those, goes to that instance (a `Map` keyed by instrument id). So a signal written for
 * a single instrument works unchanged on a multi-instrument feed, and the signals of one
 * instrument never depend on the events of another: interleaving instruments in any order gives
 * each instrument exactly the signals it would get alone.
 *
 * Deterministic: instances are created in first-seen order, and each event is handled to the end
 * (including everything its instance emits) before the next one. Outputs are emitted in the order
 * the instances produce them. When the input completes, every instance's input completes (in
 * first-seen order) and the output completes once all instances have completed. An error from the
 * input or from any instance ends the whole stream with that error.
 *
 * State lives in the subscription: subscribing twice gives two independent sets of instances.
 * The stock signals (`crossoverSignal`, `thresholdSignal`, ...) already keep their state per
 * instrument; wrap your own single-instrument signals with this.
 *
 * @param factory Makes the signal for one instrument; receives the instrument id.
 *
 * @example
 * ```ts
 * // A hand-written signal that only makes sense for one instrument at a time:
 * const lastTwoUp: Signal = () => (events$) =>
 *   events$.pipe(
 *     pairwise(),
 *     filter(([a, b]) => lastPrice(b) > lastPrice(a)),
 *     map(([, b]) => ({ kind: 'signal', instrument: b.instrument, time: knownAt(b), direction: 'long',
 *       confidence: 1, price: lastPrice(b), reason: 'up tick' }) satisfies SignalEvent),
 *   );
 * const safe = perInstrument(() => lastTwoUp); // pairs never mix NSE:INFY with NSE:TCS
 * feed$.pipe(safe(ctx)).subscribe(console.log);
 * ```
 */
export function perInstrument<P = unknown>(
  factory: (instrument: InstrumentId) => Signal<P>,
): Signal<P> {
  return (ctx) => (source) =>
    new Observable<SignalEvent>((subscriber) => {
      const lanes = new Map<InstrumentId, Subject<MarketEvent>>();
      const laneSubscriptions = new Subscription();
      let openLanes = 0;
      let sourceDone = false;
      const completeIfDone = (): void => {
        if (sourceDone && openLanes === 0) subscriber.complete();
      };

      const openLane = (instrument: InstrumentId): Subject<MarketEvent> => {
        const lane = new Subject<MarketEvent>();
        lanes.set(instrument, lane);
        openLanes += 1;
        const output = factory(instrument)(ctx)(lane.asObservable());
        laneSubscriptions.add(
          output.subscribe({
            next: (signal) => subscriber.next(signal),
            error: (error: unknown) => subscriber.error(error),
            complete: () => {
              openLanes -= 1;
              completeIfDone();
            },
          }),
        );
        return lane;
      };

      const sourceSubscription = source.subscribe({
        next(event) {
          if (subscriber.closed) return;
          let lane = lanes.get(event.instrument);
          if (lane === undefined) {
            try {
              lane = openLane(event.instrument);
            } catch (error: unknown) {
              subscriber.error(error);
              return;
            }
          }
          lane.next(event);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          sourceDone = true;
          for (const lane of lanes.values()) lane.complete();
          completeIfDone();
        },
      });

      return () => {
        sourceSubscription.unsubscribe();
        laneSubscriptions.unsubscribe();
      };
    });
}
