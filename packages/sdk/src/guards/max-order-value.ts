import type { RiskGuard } from '../graph/stages.js';
import type { OrderIntent } from '../model/order-intent.js';
import { guardOperator } from './internal/guard-operator.js';
import { closingQuantity, isCancel, isExit } from './internal/intent-role.js';
import { limitQuantity, refuseEntry } from './internal/limit-quantity.js';
import { formatAmount } from './internal/loss-breach.js';
import { LastPrices } from './internal/reference-price.js';
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
  return (ctx) =>
    guardOperator(ctx, () => {
      const lastPrices = new LastPrices();
      return {
        onMarket: (event) => lastPrices.record(event),
        onIntent: (intent: OrderIntent, emit) => {
          const position = ctx.portfolio.positionQuantity(intent.instrument);
          if (isCancel(intent) || isExit(intent, position)) {
            emit(intent);
            return;
          }
          const price = lastPrices.of(intent, ctx);
          if (price === undefined || !(price > 0)) {
            const reason = `no price known to value the order (got ${price}); blocked to be safe`;
            refuseEntry(ctx, 'maxOrderValue', intent, reason, emit);
            return;
          }
          const equity = ctx.portfolio.equity();
          const cap = (equity * percentOfEquity) / 100;
          if (!(cap > 0) || !Number.isFinite(cap)) {
            const reason = `equity ${equity} leaves no room for an order of ${percentOfEquity}% of it`;
            refuseEntry(ctx, 'maxOrderValue', intent, reason, emit);
            return;
          }
          const fits = Math.floor(cap / price);
          const allowed = Math.max(fits, closingQuantity(intent, position));
          const reason =
            `order value ${formatAmount(intent.quantity * price)} (${intent.quantity} x ${price}) ` +
            `exceeds ${percentOfEquity}% of equity (${formatAmount(cap)})`;
          limitQuantity(ctx, 'maxOrderValue', intent, allowed, reason, emit);
        },
      };
    });
}
