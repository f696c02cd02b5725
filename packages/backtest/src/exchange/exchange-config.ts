import type {
  Fill,
  Instrument,
  InstrumentId,
  MarketEvent,
  OrderIntent,
  Product,
} from '@pravah/sdk';

/** How the simulated exchange fills orders. Everything optional; defaults are the strict ones. */
export interface FillOptions {
  /**
   * Largest share of a bar's (or tick's) volume one order may take, 0 < x <= 1. The rest stays
   * open and fills on later bars (partial fills). Off by default. Zero-volume data (an index)
   * cannot fill at all while a cap is set.
   */
  readonly volumeParticipation?: number;
  /** Ticks fill at the last price, or at the touch (ask for buys, bid for sells) when quotes exist. */
  readonly tickPrice?: 'last' | 'quote';
  /**
   * Daily price band in percent around the previous session's close: limit and trigger prices
   * outside it are rejected. Off by default (F&O stocks and indices have no fixed band).
   */
  readonly priceBandPercent?: number;
}

/** What the exchange needs to know about the account to accept an order. */
export interface AccountCheck {
  /** Signed quantity held in an instrument and product. */
  positionQuantity(instrument: InstrumentId, product: Product): number;
  /**
   * Whether the account can carry `intent` at `price` (no leverage unless configured).
   * Returns a reason when it cannot.
   */
  fundsShortfall(intent: OrderIntent, price: number): string | undefined;
}

/** Session rules the exchange enforces, supplied by the engine from the plan and calendar. */
export interface SessionRules {
  /** True when `time` is at or after the broker's MIS cut-off for this instrument's segment. */
  isAfterMisCutoff(instrument: Instrument, time: number): boolean;
}

export interface ExchangeConfig {
  /**
   * Adjusts a raw fill price (slippage), given the market event it filled on (undefined for a
   * broker's auto square-off). Must be adverse and tick-aligned; the raw price is kept as `rawPrice`.
   */
  readonly slippage?: (fill: Fill, event: MarketEvent | undefined) => number;
  readonly fill?: FillOptions;
  /** Milliseconds between an order's creation and its arrival at the exchange. */
  readonly latencyMs?: number | ((intent: OrderIntent) => number);
  readonly session?: SessionRules;
  readonly account?: AccountCheck;
}
