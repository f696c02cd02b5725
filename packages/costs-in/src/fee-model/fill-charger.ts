import { PravahError, type Charges, type Exchange, type Fill, type Instrument } from '@pravah/sdk';
import type Decimal from 'decimal.js';
import { finalize, zeroAmounts, type Amounts } from '../charges/amounts.js';
import { assessOrder } from '../charges/assess.js';
import { termsOf, valueOf, type ChargeOptions } from '../charges/charges.js';
import { roundTo, ZERO } from '../money/index.js';
import { perOrderRounding } from '../rounding/index.js';
import { fillToChargeOrder } from './fill-order.js';

/** A stateful per-run fee function: charges of each fill, in time order. */
export type FillCharger = (fill: Fill, instrument: Instrument) => Charges;

interface OrderState {
  value: Decimal;
  assessed: Amounts;
  autoSquareOff: boolean;
}

interface SegmentState {
  stt: Decimal;
  stampDuty: Decimal;
  roundedStt: Decimal;
  roundedStampDuty: Decimal;
}

const COMPONENTS = ['brokerage', 'stt', 'exchangeTxn', 'ipft', 'sebi', 'stampDuty', 'gst'] as const;

/** A copy whose total must be summed again. */
const copyOf = (a: Amounts): Amounts => ({
  brokerage: a.brokerage,
  stt: a.stt,
  exchangeTxn: a.exchangeTxn,
  ipft: a.ipft,
  sebi: a.sebi,
  stampDuty: a.stampDuty,
  gst: a.gst,
  total: undefined,
});

// Zero is the shared ZERO wherever it arises, so these skip most arithmetic on zero lines.
const add = (a: Decimal, b: Decimal): Decimal => (a === ZERO ? b : b === ZERO ? a : a.plus(b));
const sub = (a: Decimal, b: Decimal): Decimal => (b === ZERO ? a : a.minus(b));

/**
 * A fee function for a run (the backtester's `fees` hook, or what {@link feeModel} uses) that
 * charges every fill its exact share of the day's contract note: fills of one order (same
 * `orderId`) are one executed order (one brokerage cap, one per-order rounding), and each fill's
 * charges are the change it makes to the day's rounded line totals. So, under any policy, the
 * charges of a day's fills add up exactly to `contractNote(...)` of those fills, and no fill's
 * line is negative. Fills must come in time order; state is kept for the current IST day only.
 * DP charges are not attached to fills (the sdk `Charges` has no DP line): see `contractNote`.
 *
 * @example
 * ```ts
 * const fees = fillCharger({ plan: zerodha() });
 * runBacktest({ ..., fees });   // or: fills.map((f) => fees(f, instruments.get(f.instrument)))
 * ```
 */
export function fillCharger(options: ChargeOptions): FillCharger {
  const { plan } = options;
  const policy = options.rounding ?? perOrderRounding;
  const sttPerNote = policy.stt?.per === 'contract-note' ? policy.stt.to : undefined;
  const stampPerNote = policy.stampDuty?.per === 'contract-note' ? policy.stampDuty.to : undefined;

  let day: string | undefined;
  const orders = new Map<string, OrderState>();
  const segments = new Map<Exchange, SegmentState>();
  let dayTotals = zeroAmounts();
  let reported = finalize(zeroAmounts(), policy);

  const resetDay = (date: string): void => {
    day = date;
    orders.clear();
    segments.clear();
    dayTotals = zeroAmounts();
    reported = finalize(zeroAmounts(), policy);
  };

  return (fill, instrument) => {
    const order = fillToChargeOrder(fill, instrument);
    if (day === undefined || order.tradeDate > day) resetDay(order.tradeDate);
    else if (order.tradeDate < day) {
      throw new PravahError(
        'FILL_OUT_OF_ORDER',
        `Fill ${fill.id} is dated ${order.tradeDate} after fills of ${day}: pass fills in time order, or use one fillCharger per day`,
      );
    }

    const previous = orders.get(fill.orderId);
    const value = previous === undefined ? valueOf(order) : previous.value.plus(valueOf(order));
    const autoSquareOff = order.autoSquareOff === true || previous?.autoSquareOff === true;
    const terms = termsOf(order, order.side, autoSquareOff);
    const assessed = assessOrder(terms, value, plan, policy);
    orders.set(fill.orderId, { value, assessed, autoSquareOff });

    // The day's amounts move by this order's change in assessment.
    const next = copyOf(dayTotals);
    for (const key of COMPONENTS) {
      const change =
        previous === undefined ? assessed[key] : sub(assessed[key], previous.assessed[key]);
      if (!change.isZero()) next[key] = add(next[key], change);
    }
    if (sttPerNote !== undefined || stampPerNote !== undefined) {
      let segment = segments.get(order.exchange);
      if (segment === undefined) {
        segment = { stt: ZERO, stampDuty: ZERO, roundedStt: ZERO, roundedStampDuty: ZERO };
        segments.set(order.exchange, segment);
      }
      segment.stt = add(segment.stt, sub(next.stt, dayTotals.stt));
      segment.stampDuty = add(segment.stampDuty, sub(next.stampDuty, dayTotals.stampDuty));
      dayTotals = next;
      // Rounded per segment: report the day's sum of rounded segment amounts.
      const roundedStt = sttPerNote === undefined ? segment.stt : roundTo(segment.stt, sttPerNote);
      const roundedStamp =
        stampPerNote === undefined ? segment.stampDuty : roundTo(segment.stampDuty, stampPerNote);
      const assessedDay = copyOf(next);
      assessedDay.stt = sumRounded('stt', roundedStt, segment);
      assessedDay.stampDuty = sumRounded('stampDuty', roundedStamp, segment);
      segment.roundedStt = roundedStt;
      segment.roundedStampDuty = roundedStamp;
      return report(assessedDay);
    }
    dayTotals = next;
    return report(next);
  };

  function sumRounded(
    component: 'stt' | 'stampDuty',
    rounded: Decimal,
    touched: SegmentState,
  ): Decimal {
    let sum: Decimal = ZERO;
    for (const segment of segments.values()) {
      if (segment === touched) sum = add(sum, rounded);
      else sum = add(sum, component === 'stt' ? segment.roundedStt : segment.roundedStampDuty);
    }
    return sum;
  }

  function report(assessedDay: Amounts): Charges {
    const now = finalize(assessedDay, policy);
    const share = Object.freeze({
      brokerage: sub(now.brokerage, reported.brokerage),
      stt: sub(now.stt, reported.stt),
      exchangeTxn: sub(now.exchangeTxn, reported.exchangeTxn),
      ipft: sub(now.ipft, reported.ipft),
      sebi: sub(now.sebi, reported.sebi),
      stampDuty: sub(now.stampDuty, reported.stampDuty),
      gst: sub(now.gst, reported.gst),
      total: sub(now.total, reported.total),
    });
    reported = now;
    return share;
  }
}
