import {
  knownAt,
  lastPrice,
  type Direction,
  type MarketEvent,
  type SignalEvent,
  type StrategyContext,
} from '@pravah/sdk';

/** Optional protective stop and profit target of an opinion. */
export interface OpinionLevels {
  readonly stop?: number | undefined;
  readonly target?: number | undefined;
}

/**
 * The signal event for an opinion formed on `event`: its instrument and last price, stamped
 * with the time the event became known, or with the clock when that is earlier (a bar built
 * by resampling, such as a daily bar finished at 15:30, is labelled as known at midnight).
 * Frozen, like every message; undefined levels are left out.
 *
 * @example
 * ```ts
 * const signal = opinion(ctx, bar, 'long', 0.8, 'close below VWAP', { stop: bar.close * 0.99 });
 * ```
 */
export function opinion(
  ctx: StrategyContext,
  event: MarketEvent,
  direction: Direction,
  confidence: number,
  reason: string,
  levels: OpinionLevels = {},
): SignalEvent {
  const now = ctx.clock.now();
  const known = knownAt(event);
  return Object.freeze({
    kind: 'signal',
    instrument: event.instrument,
    time: Number.isFinite(now) && now < known ? now : known,
    direction,
    confidence,
    price: lastPrice(event),
    reason,
    ...(levels.stop !== undefined ? { stop: levels.stop } : {}),
    ...(levels.target !== undefined ? { target: levels.target } : {}),
  });
}
