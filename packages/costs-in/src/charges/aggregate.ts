import type { Exchange } from '@pravah/sdk';
import type Decimal from 'decimal.js';
import type { BrokerPlan } from '../plans/index.js';
import type { RoundingPolicy } from '../rounding/index.js';
import { addInto, zeroAmounts, type Amounts } from './amounts.js';
import { applyContractNoteLevies, assessOrder, type OrderTerms } from './assess.js';

/** One executed order to aggregate: its terms, value and exchange segment. */
export interface OrderEntry {
  readonly terms: OrderTerms;
  readonly value: Decimal;
  readonly exchange: Exchange;
}

/** STT (or CTT) an exchange segment owes on a contract note, before and after its rounding. */
export interface SegmentStt {
  readonly exchange: Exchange;
  readonly unrounded: Decimal;
  readonly stt: Decimal;
}

/** A day's orders of one client aggregated as a contract note, before line rounding. */
export interface Aggregate {
  /** Per order, with per-order levy rounding applied. */
  readonly perOrder: readonly Amounts[];
  /** Note totals with contract-note levy rounding applied per exchange segment. */
  readonly totals: Amounts;
  readonly sttBySegment: readonly SegmentStt[];
}

/**
 * Assesses each order and sums them into one contract note. STT/CTT and stamp duty are summed
 * per exchange segment (NSE, NFO, MCX, ...) and rounded there when the policy rounds them per
 * contract note; `extraStt` adds STT assessed elsewhere (exercised options) to its segment.
 */
export function aggregate(
  orders: readonly OrderEntry[],
  plan: BrokerPlan,
  policy: RoundingPolicy,
  extraStt: readonly { readonly exchange: Exchange; readonly amount: Decimal }[] = [],
): Aggregate {
  const perOrder: Amounts[] = [];
  const bySegment = new Map<Exchange, Amounts>();
  const segment = (exchange: Exchange): Amounts => {
    let found = bySegment.get(exchange);
    if (found === undefined) {
      found = zeroAmounts();
      bySegment.set(exchange, found);
    }
    return found;
  };
  for (const order of orders) {
    const amounts = assessOrder(order.terms, order.value, plan, policy);
    perOrder.push(amounts);
    addInto(segment(order.exchange), amounts);
  }
  for (const extra of extraStt) {
    const s = segment(extra.exchange);
    s.stt = s.stt.plus(extra.amount);
    if (s.total !== undefined) s.total = s.total.plus(extra.amount);
  }
  const totals = zeroAmounts();
  const sttBySegment: SegmentStt[] = [];
  for (const [exchange, amounts] of bySegment) {
    const unrounded = amounts.stt;
    applyContractNoteLevies(amounts, policy);
    if (!unrounded.isZero())
      sttBySegment.push(Object.freeze({ exchange, unrounded, stt: amounts.stt }));
    addInto(totals, amounts);
  }
  return { perOrder, totals, sttBySegment };
}
