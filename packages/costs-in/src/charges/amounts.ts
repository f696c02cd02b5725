import type { Charges } from '@pravah/sdk';
import type Decimal from 'decimal.js';
import { roundTo, ZERO } from '../money/index.js';
import type { RoundingPolicy } from '../rounding/index.js';

/**
 * Charge amounts being worked on (unrounded, or with assessment rounding applied). Internal and
 * mutable; what leaves the package is a frozen {@link Charges}.
 */
export interface Amounts {
  brokerage: Decimal;
  stt: Decimal;
  exchangeTxn: Decimal;
  ipft: Decimal;
  sebi: Decimal;
  stampDuty: Decimal;
  gst: Decimal;
  /**
   * The exact sum of the seven amounts when it is known without adding them up (a single
   * order's assessment computes it in two operations); undefined when it must be summed.
   */
  total: Decimal | undefined;
}

/** Fresh zero amounts. */
export function zeroAmounts(): Amounts {
  return {
    brokerage: ZERO,
    stt: ZERO,
    exchangeTxn: ZERO,
    ipft: ZERO,
    sebi: ZERO,
    stampDuty: ZERO,
    gst: ZERO,
    total: ZERO,
  };
}

/** Adds `b` into `a` (skipping zeros, which are common and free). */
export function addInto(a: Amounts, b: Amounts): void {
  if (b.brokerage !== ZERO) a.brokerage = a.brokerage.plus(b.brokerage);
  if (b.stt !== ZERO) a.stt = a.stt.plus(b.stt);
  if (b.exchangeTxn !== ZERO) a.exchangeTxn = a.exchangeTxn.plus(b.exchangeTxn);
  if (b.ipft !== ZERO) a.ipft = a.ipft.plus(b.ipft);
  if (b.sebi !== ZERO) a.sebi = a.sebi.plus(b.sebi);
  if (b.stampDuty !== ZERO) a.stampDuty = a.stampDuty.plus(b.stampDuty);
  if (b.gst !== ZERO) a.gst = a.gst.plus(b.gst);
  a.total = a.total === undefined || b.total === undefined ? undefined : plus(a.total, b.total);
}

/** a + b, skipping the shared ZERO. */
export function plus(a: Decimal, b: Decimal): Decimal {
  return a === ZERO ? b : b === ZERO ? a : a.plus(b);
}

/** Sum of the seven components: the known total, or the components added (zeros skipped). */
export function sumOf(a: Amounts): Decimal {
  if (a.total !== undefined) return a.total;
  let sum = a.brokerage;
  if (a.stt !== ZERO) sum = sum.plus(a.stt);
  if (a.exchangeTxn !== ZERO) sum = sum.plus(a.exchangeTxn);
  if (a.ipft !== ZERO) sum = sum.plus(a.ipft);
  if (a.sebi !== ZERO) sum = sum.plus(a.sebi);
  if (a.stampDuty !== ZERO) sum = sum.plus(a.stampDuty);
  if (a.gst !== ZERO) sum = sum.plus(a.gst);
  return sum;
}

/**
 * Reported charges from assessed amounts (levy rounding already applied): each line rounded as
 * the policy says, and the total either the assessed sum rounded like a line (`round-of-sum`) or
 * the sum of the rounded lines (`sum-of-lines`).
 */
export function finalize(a: Amounts, policy: RoundingPolicy): Charges {
  const unit = policy.lines;
  const brokerage = roundTo(a.brokerage, unit);
  const stt = roundTo(a.stt, unit);
  const exchangeTxn = roundTo(a.exchangeTxn, unit);
  const ipft = roundTo(a.ipft, unit);
  const sebi = roundTo(a.sebi, unit);
  const stampDuty = roundTo(a.stampDuty, unit);
  const gst = roundTo(a.gst, unit);
  const total =
    policy.total === 'round-of-sum'
      ? roundTo(sumOf(a), unit)
      : plus(plus(plus(brokerage, stt), plus(exchangeTxn, ipft)), plus(plus(sebi, stampDuty), gst));
  return Object.freeze({ brokerage, stt, exchangeTxn, ipft, sebi, stampDuty, gst, total });
}
