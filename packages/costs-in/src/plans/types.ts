import type { Exchange } from '@pravah/sdk';
import type Decimal from 'decimal.js';
import type { Confidence, IsoDate, Segment } from '../schedules/types.js';

/**
 * How a broker charges one executed order: a flat fee, or a percentage of the order's value,
 * capped and/or with a minimum (e.g. Zerodha intraday `min(₹20, 0.03%)`).
 */
export type BrokerageRule =
  | { readonly kind: 'flat'; readonly amount: Decimal }
  | {
      readonly kind: 'percent';
      /** Percentage of value, e.g. 0.03 for 0.03%. */
      readonly percent: Decimal;
      readonly cap?: Decimal;
      readonly minimum?: Decimal;
    };

/** Provenance of a plan figure, as on rate schedule rows. */
export interface Provenance {
  readonly confidence: Confidence;
  readonly source: string;
  readonly note?: string;
}

/** A brokerage rule in force over a date range (open at either end when a bound is absent). */
export interface BrokerageRow extends Partial<Provenance> {
  readonly segment: Segment;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  readonly rule: BrokerageRule;
}

/** A fixed amount (before GST) in force over a date range. */
export interface AmountRow extends Partial<Provenance> {
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  readonly amount: Decimal;
}

/** Segments with their own MIS auto square-off cut-off, named as the backtester names them. */
export const MIS_SEGMENTS = ['equity', 'derivatives', 'currency', 'commodity'] as const;
export type MisSegment = (typeof MIS_SEGMENTS)[number];

/**
 * When a broker squares off MIS positions: at a fixed IST time, or some minutes before the
 * session's close (MCX closes at 23:30, or 23:55 in US daylight-saving months), possibly with
 * different minutes per close.
 */
export type MisCutoffRule =
  { readonly at: string } | { readonly beforeClose: number | Readonly<Record<string, number>> };

/** IST `HH:MM` MIS cut-offs per segment; absent where the broker's time is unknown. */
export type MisCutoffTimes = Readonly<Partial<Record<MisSegment, string>>>;

/**
 * A broker's charges: brokerage per segment, DP charge, auto square-off fee, whether GST is
 * levied on IPFT, and MIS auto square-off cut-offs. Every figure is dated data.
 */
export interface BrokerPlan {
  readonly name: string;
  readonly brokerage: readonly BrokerageRow[];
  /** DP charge per security per day on delivery sells, before GST. */
  readonly dpCharge: readonly AmountRow[];
  /** Fee per order the broker squares off (or places by call & trade), before GST. */
  readonly autoSquareOffFee: readonly AmountRow[];
  /** Zerodha levies 18% GST on IPFT; Upstox says it does not (COSTS.md §6.4). */
  readonly gstOnIpft: boolean;
  readonly misCutoffs: Readonly<Partial<Record<MisSegment, MisCutoffRule>>>;
  /** The brokerage rule for a segment on a trade date; throws RateNotScheduledError if none. */
  brokerageRule(segment: Segment, tradeDate: IsoDate): BrokerageRule;
  /** DP charge (before GST) on a trade date; throws RateNotScheduledError if none. */
  dpChargeOn(tradeDate: IsoDate): Decimal;
  /** Auto square-off fee (before GST) on a trade date; throws RateNotScheduledError if none. */
  autoSquareOffFeeOn(tradeDate: IsoDate): Decimal;
  /**
   * MIS auto square-off cut-off (IST `HH:MM`) for an exchange's segment, or undefined when the
   * broker's time is unknown. `sessionClose` (`HH:MM`) is needed only for close-relative rules
   * (MCX); it defaults to 23:30.
   */
  misCutoff(exchange: Exchange, sessionClose?: string): string | undefined;
  /** All cut-offs at once, keyed like the backtester's `MisCutoffs`. */
  misCutoffTimes(commodityClose?: string): MisCutoffTimes;
}
