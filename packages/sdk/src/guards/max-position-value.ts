import type { StrategyContext } from '../graph/strategy-context.js';
import type { RiskGuard } from '../graph/stages.js';
import type { OrderIntent } from '../model/order-intent.js';
import { closingQuantity, direction } from './internal/intent-role.js';
import { formatAmount } from './internal/loss-breach.js';
import { valueCapGuard } from './internal/value-cap-guard.js';
import { parseValueCapOptions, type ValueCapOptions } from './value-cap-options.js';

/** Units still to fill on working entry orders on the same side as `intent`, in its instrument. */
function pendingSameSide(ctx: StrategyContext<unknown>, intent: OrderIntent): number {
  let pending = 0;
  for (const order of ctx.portfolio.openOrders(intent.instrument)) {
    const other = order.intent;
    const isEntry =
      !other.reduceOnly && other.cancelId === undefined && other.parentId === undefined;
    if (isEntry && other.side === intent.side) pending += other.quantity - order.filledQuantity;
  }
  return pending;
}

/**
 * Caps the value of the position an intent would leave in its instrument at `percentOfEquity` %
 * of current equity. An intent that would go over is `shrunk` to the most whole lots that keep
 * the position within the cap, or `blocked` when not even one lot fits.
 *
 * The position after the intent is the current net position, plus what working entry orders on
 * the same side may still add, plus the intent; it is valued like {@link maxOrderValue} values
 * an order (limit, trigger, last traded price, last mark; blocked when none is known). Cancels
 * and exits pass, and an intent through zero always keeps its closing part.
 *
 * @example
 * ```ts
 * // never more than 25% of equity in one instrument
 * const guards = [maxPositionValue({ percentOfEquity: 25 })];
 * ```
 */
export function maxPositionValue(options: ValueCapOptions): RiskGuard {
  const { percentOfEquity } = parseValueCapOptions(options, 'maxPositionValue');
  return valueCapGuard(
    'maxPositionValue',
    'position',
    percentOfEquity,
    (ctx, intent, position, price, cap) => {
      // Units already committed in the intent's direction (negative when it first reduces).
      const committed = direction(intent) * position + pendingSameSide(ctx, intent);
      const after = committed + intent.quantity;
      return {
        allowed: Math.max(Math.floor(cap / price) - committed, closingQuantity(intent, position)),
        reason: () =>
          `position value after the order ${formatAmount(Math.abs(after) * price)} ` +
          `(${Math.abs(after)} x ${price}) exceeds ${percentOfEquity}% of equity (${formatAmount(cap)})`,
      };
    },
  );
}
