import type Decimal from 'decimal.js';
import { Money, roundTo, ZERO } from '../money/index.js';
import type { Classification } from '../orders/classify.js';
import type { BrokerPlan, BrokerageRule } from '../plans/index.js';
import type { RoundingPolicy } from '../rounding/index.js';
import { sideRatesOn } from '../schedules/side-rates-cache.js';
import { linearRate } from '../schedules/side-rates.js';
import { plus, type Amounts } from './amounts.js';

/** What an order's charges depend on besides its value. */
export interface OrderTerms {
  readonly classification: Classification;
  readonly side: 'BUY' | 'SELL';
  readonly tradeDate: string;
  readonly autoSquareOff: boolean;
}

const HUNDRED = new Money(100);
const FRACTIONS = new WeakMap<BrokerageRule, Decimal>();

function fractionOf(rule: BrokerageRule & { kind: 'percent' }): Decimal {
  let fraction = FRACTIONS.get(rule);
  if (fraction === undefined) {
    fraction = rule.percent.dividedBy(HUNDRED);
    FRACTIONS.set(rule, fraction);
  }
  return fraction;
}

/** Brokerage of one executed order of the given value under a rule. */
export function brokerageOf(rule: BrokerageRule, value: Decimal): Decimal {
  if (rule.kind === 'flat') return rule.amount;
  let brokerage = value.times(fractionOf(rule));
  if (rule.cap !== undefined && brokerage.greaterThan(rule.cap)) brokerage = rule.cap;
  if (rule.minimum !== undefined && brokerage.lessThan(rule.minimum)) brokerage = rule.minimum;
  return brokerage;
}

const times = (value: Decimal, rate: Decimal): Decimal =>
  rate === ZERO ? ZERO : value.times(rate);

// GST on a flat brokerage repeats endlessly (₹20 × 18%): the last one is remembered, with
// brokerage + GST.
let lastBrokerage: Decimal | undefined;
let lastGstRate: Decimal | undefined;
let lastBrokerageGst: Decimal = ZERO;
let lastBrokerageWithGst: Decimal = ZERO;

function rememberGstOnBrokerage(brokerage: Decimal, gstRate: Decimal): void {
  if (brokerage === lastBrokerage && gstRate === lastGstRate) return;
  lastBrokerage = brokerage;
  lastGstRate = gstRate;
  lastBrokerageGst = brokerage.isZero() ? ZERO : brokerage.times(gstRate);
  lastBrokerageWithGst = plus(brokerage, lastBrokerageGst);
}

/**
 * Charges of one executed order of `value` rupees (premium for options), with the policy's
 * per-order levy rounding applied and nothing else rounded. GST is 18% of brokerage (+ auto
 * square-off fee) + the exchange and SEBI lines the GST row taxes + IPFT if the plan taxes it,
 * all unrounded.
 */
export function assessOrder(
  terms: OrderTerms,
  value: Decimal,
  plan: BrokerPlan,
  policy: RoundingPolicy,
): Amounts {
  const { classification, side, tradeDate } = terms;
  const rates = sideRatesOn(classification, side, tradeDate);
  let brokerage = brokerageOf(plan.brokerageRule(classification.segment, tradeDate), value);
  if (terms.autoSquareOff) brokerage = brokerage.plus(plan.autoSquareOffFeeOn(tradeDate));
  const sttRounded = policy.stt?.per === 'order';
  const stampRounded = policy.stampDuty?.per === 'order';
  let stt = times(value, rates.stt);
  const exchangeTxn = times(value, rates.exchangeTxn);
  const ipft = times(value, rates.ipft);
  const sebi = times(value, rates.sebi);
  let stampDuty = times(value, rates.stampDuty);
  if (sttRounded && stt !== ZERO) stt = roundTo(stt, policy.stt.to);
  if (stampRounded && stampDuty !== ZERO) stampDuty = roundTo(stampDuty, policy.stampDuty.to);
  // GST = g × (brokerage + taxed lines) = g × brokerage + value × (g × taxed rates): exact, and
  // two multiplications instead of three additions and one.
  rememberGstOnBrokerage(brokerage, rates.gst);
  const gstPerValue = plan.gstOnIpft ? rates.gstPerValueWithIpft : rates.gstPerValue;
  const gst = plus(lastBrokerageGst, times(value, gstPerValue));
  // The exact sum of the seven lines, the same way (see linearRate); a policy whose total is the
  // sum of the rounded lines never needs it.
  let total: Decimal | undefined;
  if (policy.total === 'round-of-sum') {
    const linear = linearRate(rates, plan.gstOnIpft, sttRounded, stampRounded);
    total = plus(times(value, linear), lastBrokerageWithGst);
    if (sttRounded) total = plus(total, stt);
    if (stampRounded) total = plus(total, stampDuty);
  }
  return { brokerage, stt, exchangeTxn, ipft, sebi, stampDuty, gst, total };
}

/**
 * Applies the policy's contract-note levy rounding to one contract note's (or segment's) amounts,
 * keeping a known total exact.
 */
export function applyContractNoteLevies(a: Amounts, policy: RoundingPolicy): void {
  // A note whose total is the sum of its lines never reads the exact total: drop it.
  if (policy.total === 'sum-of-lines') a.total = undefined;
  if (policy.stt?.per === 'contract-note') {
    const rounded = roundTo(a.stt, policy.stt.to);
    if (a.total !== undefined && rounded !== a.stt) a.total = a.total.plus(rounded.minus(a.stt));
    a.stt = rounded;
  }
  if (policy.stampDuty?.per === 'contract-note') {
    const rounded = roundTo(a.stampDuty, policy.stampDuty.to);
    if (a.total !== undefined && rounded !== a.stampDuty) {
      a.total = a.total.plus(rounded.minus(a.stampDuty));
    }
    a.stampDuty = rounded;
  }
}
