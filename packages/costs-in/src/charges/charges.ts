import type { Charges } from '@pravah/sdk';
import type Decimal from 'decimal.js';
import { exact } from '../money/index.js';
import type { ChargeOrder } from '../orders/charge-order.js';
import { classify } from '../orders/classify.js';
import { parseChargeOrder } from '../orders/parse-order.js';
import type { BrokerPlan } from '../plans/index.js';
import { perOrderRounding, type RoundingPolicy } from '../rounding/index.js';
import { finalize } from './amounts.js';
import { applyContractNoteLevies, assessOrder, type OrderTerms } from './assess.js';

/** Options of {@link charges}: the broker plan and the rounding policy (default per order, as Kite). */
export interface ChargeOptions {
  readonly plan: BrokerPlan;
  readonly rounding?: RoundingPolicy;
}

/**
 * Terms of a valid order (built as one literal shape: objects assembled by spreading are slow to
 * read on the hot path). `side` and `autoSquareOff` may be overridden.
 */
export function termsOf(
  order: ChargeOrder,
  side: 'BUY' | 'SELL' = order.side,
  autoSquareOff: boolean = order.autoSquareOff === true,
): OrderTerms {
  return {
    classification: classify(order.exchange, order.instrumentType, order.product, order.symbol),
    side,
    tradeDate: order.tradeDate,
    autoSquareOff,
  };
}

/** Value of an order, exactly: quantity × price (premium for options) in decimal. */
export function valueOf(order: Pick<ChargeOrder, 'quantity' | 'price'>): Decimal {
  return exact(order.price).times(order.quantity);
}

/**
 * Itemised charges of one executed order, from the rates in force on its trade date and the
 * broker plan, rounded by the policy (default {@link perOrderRounding}: Kite's virtual contract
 * note). The same inputs and outputs as Kite's `POST /charges/orders`, except that IPFT is its own
 * line (Kite folds it into `exchange_turnover_charge`). Under a per-contract-note policy the order
 * is its own contract note. DP charges are not per order: see `contractNote`.
 *
 * Throws a ValidationError naming the field for bad input (unknown exchange, fractional quantity,
 * non-positive price, malformed date, impossible exchange/type/product), and a
 * RateNotScheduledError naming `tradeDate` when a rate has no row on that date.
 *
 * @example
 * ```ts
 * const c = charges(
 *   { exchange: 'NSE', instrumentType: 'EQ', product: 'CNC', side: 'BUY',
 *     quantity: 100, price: 1000, tradeDate: '2026-06-15' },
 *   { plan: zerodha() },
 * );
 * c.stt.toFixed(2);   // '100.00'
 * c.total.toFixed(2); // '118.74'
 * ```
 */
export function charges(order: ChargeOrder, options: ChargeOptions): Charges {
  const valid = parseChargeOrder(order);
  const policy = options.rounding ?? perOrderRounding;
  const amounts = assessOrder(termsOf(valid), valueOf(valid), options.plan, policy);
  applyContractNoteLevies(amounts, policy);
  return finalize(amounts, policy);
}
