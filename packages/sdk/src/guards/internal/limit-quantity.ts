import type { StrategyContext } from '../../graph/strategy-context.js';
import type { OrderIntent } from '../../model/order-intent.js';
import type { Emit } from './guard-operator.js';
import { closingQuantity } from './intent-role.js';
import { floorToLot } from './lots.js';
import { blockedEvent, shrunkEvent, withQuantity } from './risk-events.js';

/**
 * Lets `intent` through with at most `allowed` units (floored to the lot size): unchanged when
 * it fits, shrunk with a 'shrunk' RiskEvent when part fits, blocked with a 'blocked' RiskEvent
 * when less than one lot fits. Side never changes, so a shrunk intent can never flip.
 */
export function limitQuantity(
  ctx: StrategyContext<unknown>,
  guard: string,
  intent: OrderIntent,
  allowed: number,
  reason: string,
  emit: Emit,
): void {
  if (allowed >= intent.quantity) {
    emit(intent);
    return;
  }
  const lotSize = ctx.instruments.get(intent.instrument).lotSize;
  const kept = floorToLot(allowed, lotSize);
  const now = ctx.clock.now();
  if (kept <= 0) {
    emit(blockedEvent(guard, now, intent, reason));
    return;
  }
  const position = ctx.portfolio.positionQuantity(intent.instrument);
  const onlyCloses = kept <= closingQuantity(intent, position);
  const replacement = withQuantity(intent, kept, onlyCloses);
  emit(
    shrunkEvent(guard, now, intent, replacement, `${reason}; shrunk ${intent.quantity} to ${kept}`),
  );
  emit(replacement);
}

/**
 * Refuses the opening part of an intent: an intent that goes through zero keeps only the units
 * that close the current position (an exit), anything else is blocked.
 */
export function refuseEntry(
  ctx: StrategyContext<unknown>,
  guard: string,
  intent: OrderIntent,
  reason: string,
  emit: Emit,
): void {
  const position = ctx.portfolio.positionQuantity(intent.instrument);
  limitQuantity(ctx, guard, intent, closingQuantity(intent, position), reason, emit);
}
