import type { OrderIntent } from '../../model/order-intent.js';

/** +1 for a buy, -1 for a sell. */
export function direction(intent: Pick<OrderIntent, 'side'>): 1 | -1 {
  return intent.side === 'BUY' ? 1 : -1;
}

/**
 * The part of an intent that reduces the absolute size of `position` (signed units): the whole
 * intent for a plain exit, `|position|` for an intent that goes through zero, 0 for an entry.
 */
export function closingQuantity(intent: OrderIntent, position: number): number {
  if (position === 0 || Math.sign(position) === direction(intent)) return 0;
  return Math.min(intent.quantity, Math.abs(position));
}

/** Cancels and exits (reduce-only, or wholly reducing the current position) pass every guard. */
export function isCancel(intent: OrderIntent): boolean {
  return intent.cancelId !== undefined;
}

/** Whether the intent only closes (part of) `position`, never opening or adding to one. */
export function isExit(intent: OrderIntent, position: number): boolean {
  return intent.reduceOnly || closingQuantity(intent, position) >= intent.quantity;
}
