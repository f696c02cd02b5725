import type { SubscriptionMode } from '../../port/account.js';

/** Open, high, low and close of the day, in rupees. */
export interface KiteOhlc {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** One level of market depth. */
export interface KiteDepthLevel {
  readonly price: number;
  readonly quantity: number;
  readonly orders: number;
}

/** Five bid levels and five ask levels, best first. */
export interface KiteDepth {
  readonly buy: readonly KiteDepthLevel[];
  readonly sell: readonly KiteDepthLevel[];
}

/** Fields every Kite tick carries. Prices are in rupees (already divided by the segment's divisor). */
interface KiteTickBase {
  readonly mode: SubscriptionMode;
  /** False for indices (segment 9): they cannot be traded and carry no quantities or depth. */
  readonly tradable: boolean;
  readonly instrumentToken: number;
  readonly lastPrice: number;
}

/** An 8-byte LTP packet: the last traded price only. */
export interface KiteLtpTick extends KiteTickBase {
  readonly mode: 'ltp';
}

/**
 * A 28-byte (quote) or 32-byte (full) index packet. `timestamp` is the exchange time in epoch
 * ms; null in quote mode (the 28-byte packet has none) or when the exchange sent 0.
 */
export interface KiteIndexTick extends KiteTickBase {
  readonly mode: 'quote' | 'full';
  readonly ohlc: KiteOhlc;
  /** Percent change from the previous close (the raw wire value when close is 0). */
  readonly change: number;
  readonly timestamp: number | null;
}

/** Fields of the 44-byte quote packet of a tradable instrument, shared by quote and full ticks. */
interface KiteQuoteFields extends KiteTickBase {
  readonly mode: 'quote' | 'full';
  readonly lastQuantity: number;
  readonly averagePrice: number;
  /** Volume traded today. */
  readonly volume: number;
  /** Total pending buy quantity. */
  readonly buyQuantity: number;
  /** Total pending sell quantity. */
  readonly sellQuantity: number;
  readonly ohlc: KiteOhlc;
  /** Percent change from the previous close; 0 when close is 0. */
  readonly change: number;
}

/** A 44-byte quote packet of a tradable instrument. */
export interface KiteQuoteTick extends KiteQuoteFields {
  readonly mode: 'quote';
}

/** A 184-byte full packet of a tradable instrument: the quote plus OI, times and depth. */
export interface KiteFullTick extends KiteQuoteFields {
  readonly mode: 'full';
  /** Epoch ms of the last trade; null when the exchange sent 0. */
  readonly lastTradeTime: number | null;
  readonly oi: number;
  readonly oiDayHigh: number;
  readonly oiDayLow: number;
  /** Exchange time of this tick, epoch ms; null when the exchange sent 0. */
  readonly timestamp: number | null;
  readonly depth: KiteDepth;
}

/**
 * One decoded tick of Kite's binary ticker, named like Kite's documented tick JSON in camelCase.
 * Narrow with `tick.mode` plus `'volume' in tick`, which only tradable quote and full ticks have
 * (index ticks share the quote and full modes).
 */
export type KiteTick = KiteLtpTick | KiteIndexTick | KiteQuoteTick | KiteFullTick;
