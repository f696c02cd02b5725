import type Decimal from 'decimal.js';
import { Money, ZERO } from '../money/index.js';
import { gstInForce, paysOn, rateInForce } from './rate-in-force.js';
import type { GstRow, IsoDate, Segment, Venue } from './types.js';

/**
 * Every statutory and exchange rate one side of a trade pays on a date, as fractions of value,
 * with the dates over which all of them stay the same (so a cache can reuse them). A rate the
 * side does not pay is the shared ZERO, so callers can skip it by identity.
 */
export interface SideRates {
  readonly stt: Decimal;
  readonly exchangeTxn: Decimal;
  readonly ipft: Decimal;
  readonly sebi: Decimal;
  readonly stampDuty: Decimal;
  /** GST as a fraction, e.g. 0.18. */
  readonly gst: Decimal;
  readonly gstOnExchangeTxn: boolean;
  readonly gstOnSebi: boolean;
  /** GST per rupee of value on the taxed exchange/SEBI lines: gst × (taxed rates), IPFT untaxed. */
  readonly gstPerValue: Decimal;
  /** The same with IPFT taxed too. */
  readonly gstPerValueWithIpft: Decimal;
  /** First date of the window over which every rate above is unchanged. */
  readonly validFrom: IsoDate;
  /** Last date of that window (inclusive), or undefined when open-ended. */
  readonly validTo: IsoDate | undefined;
  /** Memo of {@link linearRate} (8 combinations). */
  readonly linear: (Decimal | undefined)[];
}

/**
 * Per rupee of value, the sum of every line proportional to value, GST on them included:
 * STT and stamp duty unless they are rounded when assessed, exchange, IPFT, SEBI and the GST on
 * the taxed ones. An order's exact total is then value × this + brokerage + GST on brokerage +
 * the rounded levies: two operations instead of six additions.
 */
export function linearRate(
  rates: SideRates,
  gstOnIpft: boolean,
  sttRounded: boolean,
  stampRounded: boolean,
): Decimal {
  const slot = (gstOnIpft ? 4 : 0) + (sttRounded ? 2 : 0) + (stampRounded ? 1 : 0);
  const memo = rates.linear[slot];
  if (memo !== undefined) return memo;
  let sum = rates.exchangeTxn.plus(rates.ipft).plus(rates.sebi);
  sum = sum.plus(gstOnIpft ? rates.gstPerValueWithIpft : rates.gstPerValue);
  if (!sttRounded) sum = sum.plus(rates.stt);
  if (!stampRounded) sum = sum.plus(rates.stampDuty);
  const rate = sum.isZero() ? ZERO : sum;
  rates.linear[slot] = rate;
  return rate;
}

const HUNDRED = new Money(100);

/** One Decimal per GST row, shared by every resolution (so callers may compare by identity). */
const GST_FRACTIONS = new WeakMap<GstRow, Decimal>();

function gstFraction(row: GstRow): Decimal {
  let fraction = GST_FRACTIONS.get(row);
  if (fraction === undefined) {
    fraction = new Money(row.percent).dividedBy(HUNDRED);
    GST_FRACTIONS.set(row, fraction);
  }
  return fraction;
}

/**
 * Resolves the rates one side of a trade pays on a trade date. Throws a RateNotScheduledError
 * for the first component without a row on that date.
 */
export function resolveSideRates(
  venue: Venue,
  segment: Segment,
  variant: string | undefined,
  side: 'BUY' | 'SELL',
  date: IsoDate,
): SideRates {
  let validFrom = '0000-01-01';
  let validTo: IsoDate | undefined;
  const narrow = (from: IsoDate | undefined, to: IsoDate | undefined): void => {
    if (from !== undefined && from > validFrom) validFrom = from;
    if (to !== undefined && (validTo === undefined || to < validTo)) validTo = to;
  };
  const pick = (component: 'stt' | 'exchangeTxn' | 'ipft' | 'sebi' | 'stampDuty'): Decimal => {
    const { row, fraction } = rateInForce(component, venue, segment, variant, date);
    narrow(row.from, row.to);
    return paysOn(row.side, side) && !fraction.isZero() ? fraction : ZERO;
  };
  const stt = pick('stt');
  const exchangeTxn = pick('exchangeTxn');
  const ipft = pick('ipft');
  const sebi = pick('sebi');
  const stampDuty = pick('stampDuty');
  const gstRow = gstInForce(date);
  narrow(gstRow.from, gstRow.to);
  const gst = gstFraction(gstRow);
  const gstOnExchangeTxn = gstRow.basis.includes('exchangeTxn');
  const gstOnSebi = gstRow.basis.includes('sebi');
  let taxed: Decimal = ZERO;
  if (gstOnExchangeTxn) taxed = taxed.plus(exchangeTxn);
  if (gstOnSebi) taxed = taxed.plus(sebi);
  const orZero = (d: Decimal): Decimal => (d.isZero() ? ZERO : d);
  return {
    stt,
    exchangeTxn,
    ipft,
    sebi,
    stampDuty,
    gst,
    gstOnExchangeTxn,
    gstOnSebi,
    gstPerValue: orZero(taxed.times(gst)),
    gstPerValueWithIpft: orZero(taxed.plus(ipft).times(gst)),
    validFrom,
    validTo,
    linear: [],
  };
}
