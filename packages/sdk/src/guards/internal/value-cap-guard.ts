import type { StrategyContext } from '../../graph/strategy-context.js';
import type { RiskGuard } from '../../graph/stages.js';
import type { OrderIntent } from '../../model/order-intent.js';
import { guardOperator } from './guard-operator.js';
import { isCancel, isExit } from './intent-role.js';
import { limitQuantity, refuseEntry } from './limit-quantity.js';
import { LastPrices } from './reference-price.js';

/** What a value cap allows for one entry intent, and why it cuts when it does. */
export interface CapDecision {
  /** Units the intent may keep (at least its closing part). */
  readonly allowed: number;
  /**
   * Reason given when `allowed` is below the intent's quantity (what exceeds which cap); called
   * only then, since formatting amounts for every intent that fits is wasted work.
   */
  readonly reason: () => string;
}

/**
 * The machinery shared by the value caps ({@link maxOrderValue}, {@link maxPositionValue}):
 * cancels and exits pass uncapped; an entry is valued at a reference price (limit, trigger, last
 * traded, last mark) and blocked when none is known or equity leaves no room; otherwise `decide`
 * says how many units fit under the cap (`percentOfEquity` % of equity, in rupees).
 */
export function valueCapGuard(
  guard: string,
  what: 'order' | 'position',
  percentOfEquity: number,
  decide: (
    ctx: StrategyContext<unknown>,
    intent: OrderIntent,
    position: number,
    price: number,
    cap: number,
  ) => CapDecision,
): RiskGuard {
  const aWhat = what === 'order' ? 'an order' : 'a position';
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
            const reason = `no price known to value the ${what} (got ${price}); blocked to be safe`;
            refuseEntry(ctx, guard, intent, reason, emit);
            return;
          }
          const equity = ctx.portfolio.equity();
          const cap = (equity * percentOfEquity) / 100;
          if (!(cap > 0) || !Number.isFinite(cap)) {
            const reason = `equity ${equity} leaves no room for ${aWhat} of ${percentOfEquity}% of it`;
            refuseEntry(ctx, guard, intent, reason, emit);
            return;
          }
          const { allowed, reason } = decide(ctx, intent, position, price, cap);
          if (allowed >= intent.quantity) {
            emit(intent);
            return;
          }
          limitQuantity(ctx, guard, intent, allowed, reason(), emit);
        },
      };
    });
}
