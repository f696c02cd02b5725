import type { InstrumentId } from '../../model/instrument.js';

/** One security's day in NSE's full equity bhavcopy with delivery data (`sec_bhavdata_full`). */
export interface EquityBhavcopyRow {
  /** `NSE:SYMBOL` for the EQ series, `NSE:SYMBOL-SERIES` otherwise (Kite's naming, e.g. `NSE:AAATECH-BE`). */
  readonly instrument: InstrumentId;
  readonly symbol: string;
  /** Market series: EQ, BE, BZ, SM, ST, GS, GB, T0, ... */
  readonly series: string;
  /** Trade date `YYYY-MM-DD`. */
  readonly date: string;
  readonly prevClose: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly last: number;
  /** NSE's official close (for EQ a volume-weighted price of the last 30 minutes, so it may lie outside [low, high] in thin series). */
  readonly close: number;
  readonly averagePrice: number;
  /** Traded quantity in shares. */
  readonly tradedQuantity: number;
  /** Turnover in lakh rupees. */
  readonly turnoverLakhs: number;
  readonly trades: number;
  /** Delivered quantity; absent where the file has `-` (series without delivery data). */
  readonly deliveryQuantity?: number;
  /** Delivered quantity as % of traded; absent with `-`. */
  readonly deliveryPercent?: number;
}
