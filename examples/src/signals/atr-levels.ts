import { Observable, Subject, type OperatorFunction } from 'rxjs';
import {
  Atr,
  type Bar,
  type InstrumentId,
  type Signal,
  type SignalEvent,
  type StrategyContext,
} from '@pravah/sdk';

/** Options of {@link withAtrLevels}. */
export interface AtrLevelsOptions {
  /** Wilder ATR period, on the bars the signal receives. */
  readonly period: number;
  /** Stop distance from the signal's price, in ATRs. */
  readonly stopAtr: number;
  /** Target distance as a multiple of the stop distance (reward : risk). */
  readonly rewardRisk: number;
}

/**
 * Gives the long and short opinions of `signal` a stop `stopAtr` ATRs from their price and a
 * target `rewardRisk` times as far on the other side, from a Wilder ATR(`period`) kept per
 * instrument on the same bars (updated before the signal sees each bar). Opinions that already
 * carry a stop, flat opinions, and opinions formed before the ATR is ready pass unchanged.
 * `signal` must be synchronous (every stock signal is).
 *
 * @example
 * ```ts
 * const voteWithStops = withAtrLevels(classicVote(), { period: 14, stopAtr: 2, rewardRisk: 2 });
 * // a long at 1,500 with ATR 10: stop 1,480, target 1,540
 * ```
 */
export function withAtrLevels<P>(
  signal: Signal<P>,
  options: AtrLevelsOptions,
): (ctx: StrategyContext<P>) => OperatorFunction<Bar, SignalEvent> {
  const { period, stopAtr, rewardRisk } = options;
  return (ctx) => (bars$) =>
    new Observable<SignalEvent>((subscriber) => {
      const atrs = new Map<InstrumentId, Atr>();
      const hub = new Subject<Bar>();
      const inner = signal(ctx)(hub).subscribe({
        next(opinion) {
          const atr = atrs.get(opinion.instrument)?.value;
          if (opinion.direction === 'flat' || opinion.stop !== undefined || atr === undefined) {
            subscriber.next(opinion);
            return;
          }
          const sign = opinion.direction === 'long' ? 1 : -1;
          const risk = stopAtr * atr;
          const stop = opinion.price - sign * risk;
          const target = opinion.price + sign * rewardRisk * risk;
          const reason = `${opinion.reason}; stop ${stopAtr} ATR (${atr.toFixed(2)}), target ${rewardRisk}R`;
          subscriber.next(
            Object.freeze({
              ...opinion,
              reason,
              ...(stop > 0 ? { stop } : {}),
              ...(target > 0 ? { target } : {}),
            }),
          );
        },
        error: (error: unknown) => subscriber.error(error),
      });
      const outer = bars$.subscribe({
        next(bar) {
          let atr = atrs.get(bar.instrument);
          if (atr === undefined) atrs.set(bar.instrument, (atr = new Atr(period)));
          try {
            atr.update(bar);
          } catch (error) {
            subscriber.error(error);
            return;
          }
          hub.next(bar);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          hub.complete();
          subscriber.complete();
        },
      });
      return () => {
        outer.unsubscribe();
        inner.unsubscribe();
      };
    });
}
