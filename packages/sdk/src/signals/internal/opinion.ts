import type { Direction, SignalEvent } from '../../model/signal-event.js';
import { knownAt, lastPrice, type MarketEvent } from '../../model/market-event.js';

/** Optional price levels attached to an opinion. */
export interface Levels {
  readonly stop?: number | undefined;
  readonly target?: number | undefined;
}

/**
 * The signal event for an opinion formed on `event`: time = when the event became known
 * (`knownAt`), price = its last price. Frozen, like every message.
 */
export function opinionOn(
  event: MarketEvent,
  direction: Direction,
  confidence: number,
  reason: string,
  levels?: Levels,
): SignalEvent {
  const base = {
    kind: 'signal' as const,
    instrument: event.instrument,
    time: knownAt(event),
    direction,
    confidence,
    price: lastPrice(event),
  };
  const stop = levels?.stop;
  const target = levels?.target;
  if (stop === undefined && target === undefined) return Object.freeze({ ...base, reason });
  return Object.freeze({
    ...base,
    ...(stop === undefined ? {} : { stop }),
    ...(target === undefined ? {} : { target }),
    reason,
  });
}

/** A number for a human-readable reason: at most `digits` decimals, no trailing zeros. */
export function formatNumber(value: number, digits = 2): string {
  return String(Number(value.toFixed(digits)));
}
