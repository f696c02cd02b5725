import { map, type MonoTypeOperatorFunction } from 'rxjs';
import type { SignalEvent, StrategyContext } from '@pravah/sdk';

/**
 * Stamps each signal with the clock when its time lies ahead of it. Stock signals stamp an
 * opinion with the time its bar became known, and a daily bar built from minutes is labelled
 * as known at midnight although its last minute completed it at 15:30: the decision is made
 * now, and its orders must say so.
 *
 * @example
 * ```ts
 * daily$.pipe(rsiSignal(ctx), notAfterClock(ctx));
 * ```
 */
export function notAfterClock(ctx: StrategyContext): MonoTypeOperatorFunction<SignalEvent> {
  return map((signal) => {
    const now = ctx.clock.now();
    return Number.isFinite(now) && signal.time > now
      ? Object.freeze({ ...signal, time: now })
      : signal;
  });
}
