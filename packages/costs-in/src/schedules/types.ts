/**
 * Vocabulary of the rate schedules: what is charged (component), by whom (venue), on what
 * (segment), on which side, from when to when, and how sure we are.
 */

/** A calendar date `YYYY-MM-DD` (an IST trade date). */
export type IsoDate = string;

/** The exchange that levies a charge: NSE (NSE, NFO, CDS), BSE (BSE, BFO, BCD) or MCX. */
export type Venue = 'NSE' | 'BSE' | 'MCX';
export const VENUES = ['NSE', 'BSE', 'MCX'] as const satisfies readonly Venue[];

/**
 * What a trade is, for the purpose of charges. Cash equity splits by product because STT and
 * stamp duty differ between delivery (CNC) and intraday (MIS).
 */
export const SEGMENTS = [
  'equity-delivery',
  'equity-intraday',
  'equity-futures',
  'equity-options',
  'currency-futures',
  'currency-options',
  'commodity-futures',
  'commodity-options',
] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Levies that come from a rate schedule (brokerage and DP come from the broker plan). */
export const SCHEDULED_COMPONENTS = [
  'stt',
  'sttOnExercise',
  'exchangeTxn',
  'ipft',
  'sebi',
  'stampDuty',
] as const;
export type ScheduledComponent = (typeof SCHEDULED_COMPONENTS)[number];

/** Which side of a trade pays: the buyer, the seller, or both. */
export type PayingSide = 'BUY' | 'SELL' | 'BOTH';

/**
 * How sure a figure is, following the marks of COSTS.md: ✅ confirmed (primary source or two
 * independent sources), 🟡 secondary (news, aggregator, broker-page copy), ❓ unconfirmed or
 * conflicting (COSTS.md §6).
 */
export type Confidence = 'confirmed' | 'secondary' | 'unconfirmed';

/**
 * One rate in force over a date range. The rate is a percentage of the trade's value (premium for
 * options, settlement value for exercise), written as an exact decimal string.
 */
export interface RateRow {
  /** Levying exchange, or `ALL` for statutory levies that apply on every exchange. */
  readonly venue: Venue | 'ALL';
  readonly segments: readonly Segment[];
  /** Side that pays; the other side pays nothing under this row. */
  readonly side: PayingSide;
  /** Narrower contract class within a segment (e.g. BSE `SENSEX/BANKEX` options); see classify. */
  readonly variant?: string;
  /** Percentage of value, e.g. `'0.0030699'` for 0.0030699% (₹306.99 per crore). */
  readonly percent: string;
  /** First trade date the rate applies to. */
  readonly from: IsoDate;
  /** Last trade date the rate applies to (inclusive); open-ended when absent. */
  readonly to?: IsoDate;
  readonly confidence: Confidence;
  /** Where the figure comes from (COSTS.md section and the primary source it cites). */
  readonly source: string;
  readonly note?: string;
}

/** Every row of one component, e.g. all exchange transaction charges. */
export interface RateSchedule {
  readonly component: ScheduledComponent;
  /** Human title, as the rate table shows it. */
  readonly title: string;
  /** What the percentage is applied to. */
  readonly basis: string;
  readonly rows: readonly RateRow[];
}

/** What GST is levied on, besides the broker's own fees (brokerage, DP, auto square-off). */
export type GstBasisItem = 'exchangeTxn' | 'sebi';

/** The GST rate and basis over a date range. */
export interface GstRow {
  readonly percent: string;
  /** Statutory and exchange lines taxed (brokerage, DP and broker fees are always taxed). */
  readonly basis: readonly GstBasisItem[];
  readonly from: IsoDate;
  readonly to?: IsoDate;
  readonly confidence: Confidence;
  readonly source: string;
  readonly note?: string;
}
