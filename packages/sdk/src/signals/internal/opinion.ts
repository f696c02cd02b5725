import type { Direction, SignalEvent } from '../../model/signal-event.js';
import { knownAt, lastPrice, type MarketEvent } from '../../model/market-event.js';

/** Optional price levels attached to an opinion. */
export interface Levels {
  readonly stop?: number | undefined;
  readonly target?: number | undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The signal event for an opinion formed on `event`: time = when the event became known
 * (`knownAt`), price = its last price. Frozen, like every message. Built field by field (no
 * spreads): member signals of a vote call this on every change of opinion.
 */
export function opinionOn(
  event: MarketEvent,
  direction: Direction,
  confidence: number,
  reason: string,
  levels?: Levels,
): SignalEvent {
  const signal: Mutable<SignalEvent> = {
    kind: 'signal',
    instrument: event.instrument,
    time: knownAt(event),
    direction,
    confidence,
    price: lastPrice(event),
    reason,
  };
  if (levels !== undefined) {
    if (levels.stop !== undefined) signal.stop = levels.stop;
    if (levels.target !== undefined) signal.target = levels.target;
  }
  return Object.freeze(signal);
}

/**
 * A number for a human-readable reason: at most `digits` decimals, without trailing zeros
 * (`toFixed`, then the zeros stripped: the cheapest exact rendering, as reasons are built on
 * every change of opinion).
 */
export function formatNumber(value: number, digits = 2): string {
  const fixed = value.toFixed(digits);
  if (digits === 0) return fixed;
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48) end -= 1; // '0'
  if (fixed.charCodeAt(end - 1) === 46) end -= 1; // '.'
  const shown = end === fixed.length ? fixed : fixed.slice(0, end);
  return shown === '-0' ? '0' : shown;
}
