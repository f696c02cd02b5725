import type { OrderIntent } from '../../model/order-intent.js';
import type { RiskEvent } from '../../model/risk-event.js';

/** RiskEvent for an intent a guard refused outright. */
export function blockedEvent(
  guard: string,
  time: number,
  intent: OrderIntent,
  reason: string,
): RiskEvent {
  return Object.freeze({
    kind: 'risk',
    time,
    guard,
    action: 'blocked',
    instrument: intent.instrument,
    intent,
    reason,
  });
}

/** RiskEvent for an intent a guard let through with a smaller quantity (`replacement`). */
export function shrunkEvent(
  guard: string,
  time: number,
  intent: OrderIntent,
  replacement: OrderIntent,
  reason: string,
): RiskEvent {
  return Object.freeze({
    kind: 'risk',
    time,
    guard,
    action: 'shrunk',
    instrument: intent.instrument,
    intent,
    replacement,
    reason,
  });
}

/** RiskEvent marking the moment a halt trips. It carries no intent: intents get their own events. */
export function haltedEvent(guard: string, time: number, reason: string): RiskEvent {
  return Object.freeze({ kind: 'risk', time, guard, action: 'halted', reason });
}

/** A copy of `intent` with a smaller quantity; `reduceOnly` marks a copy cut down to an exit. */
export function withQuantity(
  intent: OrderIntent,
  quantity: number,
  reduceOnly: boolean,
): OrderIntent {
  return Object.freeze({ ...intent, quantity, reduceOnly: intent.reduceOnly || reduceOnly });
}
