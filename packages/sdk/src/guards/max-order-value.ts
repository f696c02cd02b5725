import type { RiskGuard } from '../graph/stages.js';
import { closingQuantity } from './internal/intent-role.js';
import { formatAmount } from './internal/loss-breach.js';
import { valueCapGuard } from './internal/value-cap-guard.js';
import { parseValueCapOptions, type ValueCapOptions } from './value-cap-options.js';

/**
 * Caps the value of a single order at `percentOfEquity` % of current equity. An order over the
 * cap is `shrunk` to the most whole lots that fit, or `blocked` when not even one lot fits.
 *
 * The order is valued at its limit price, else its trigger price (SL-M), else the last traded
 * price seen on `ctx.market$`, else the position's last mark; with no price at all an entry is
 * blocked rather than waved through. Cancels and exits pass uncapped (closing risk is never
 * limited), and the closing part of an intent through zero is always kept.
 *
 * @example
 * ```ts
 * // no single order above 20% of equity
 * const guards = [maxOrderValue({ percentOfEquity: 20 })];
 * ```
 */
export function maxOrderValue(options: ValueCapOptions): RiskGuard {
  const { percentOfEquity } = parseValueCapOptions(options, 'maxOrderValue');
  return valueCapGuard(
    'maxOrderValue',
    'order',
    percentOfEquity,
    (_ctx, intent, position, price, cap) => ({
      allowed: Math.max(Math.floor(cap / price), closingQuantity(intent, position)),
      reason: () =>
        `order value ${formatAmount(intent.quantity * price)} (${intent.quantity} x ${price}) ` +
        `exceeds ${percentOfEquity}% of equity (${formatAmount(cap)})`,
    }),
  );
}
