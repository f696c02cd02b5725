import type { InstrumentId } from '../../model/instrument.js';

/** NSE's F&O instrument codes: index / stock futures and options. */
export type FoSegment = 'FUTIDX' | 'FUTSTK' | 'OPTIDX' | 'OPTSTK';

/** One contract's end-of-day row of an NSE F&O bhavcopy (`op*.csv` options, `fo*.csv` futures). */
export interface FoContract {
  /** `NFO:` plus Kite's trading symbol, e.g. `NFO:NIFTY25NOV26000CE`, `NFO:NIFTY2511826000CE` (weekly), `NFO:BANKNIFTY25NOVFUT`. */
  readonly instrument: InstrumentId;
  /** NSE's instrument code (`INSTRUMENT` column). */
  readonly segment: FoSegment;
  /** The model's instrument type. */
  readonly type: 'FUT' | 'CE' | 'PE';
  /** Underlying symbol, e.g. `BANKNIFTY`, `M&M`. */
  readonly symbol: string;
  /** Expiry date, `YYYY-MM-DD`. */
  readonly expiry: string;
  /** Whether the expiry is the underlying's last of its month in the file (Kite names those `YYMON`). */
  readonly monthly: boolean;
  /** Strike in rupees (options). */
  readonly strike?: number;
  readonly optionType?: 'CE' | 'PE';
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** Open interest in units at the end of trading hours. */
  readonly openInterest: number;
  /** Traded quantity in units. */
  readonly tradedQuantity: number;
  /** Contracts traded (lots). */
  readonly contracts: number;
  readonly trades: number;
  /** Units per contract, `tradedQuantity / contracts`, when something traded. */
  readonly lotSize?: number;
  /** Traded value in rupees: `TRD_VAL` for futures, the notional `NOTION_VAL` for options. */
  readonly tradedValue: number;
  /** Premium turnover in rupees (`PR_VAL`, options). */
  readonly premiumValue?: number;
  /** Trade date `YYYY-MM-DD`, when the caller gave it (the file itself does not carry it). */
  readonly tradeDate?: string;
}
