import type Decimal from 'decimal.js';
import { Money, roundTo, ZERO } from '../money/index.js';
import type { BrokerPlan } from '../plans/index.js';
import type { RoundingPolicy } from '../rounding/index.js';
import { gstInForce } from '../schedules/rate-in-force.js';

/** One DP debit: a security sold from the demat account that day. */
export interface DpDebit {
  readonly security: string;
  readonly charge: Decimal;
  readonly gst: Decimal;
  readonly total: Decimal;
}

/** DP charges of the day. They hit the ledger, not the contract note itself (COSTS.md §1.8). */
export interface DpCharges {
  readonly debits: readonly DpDebit[];
  readonly charge: Decimal;
  readonly gst: Decimal;
  readonly total: Decimal;
}

const HUNDRED = new Money(100);

/**
 * DP charges of a day: one debit per security sold from the demat account (delivery sells), at
 * the plan's charge on that day, plus GST (each rounded as the policy rounds lines).
 */
export function dpCharges(
  securities: readonly string[],
  plan: BrokerPlan,
  tradeDate: string,
  policy: RoundingPolicy,
): DpCharges {
  if (securities.length === 0) {
    return Object.freeze({ debits: Object.freeze([]), charge: ZERO, gst: ZERO, total: ZERO });
  }
  const charge = plan.dpChargeOn(tradeDate);
  const gstRate = new Money(gstInForce(tradeDate).percent).dividedBy(HUNDRED);
  const gst = roundTo(charge.times(gstRate), policy.lines);
  const total = charge.plus(gst);
  const debits = securities.map((security) => Object.freeze({ security, charge, gst, total }));
  const n = securities.length;
  return Object.freeze({
    debits: Object.freeze(debits),
    charge: charge.times(n),
    gst: gst.times(n),
    total: total.times(n),
  });
}
