import type { InstrumentId } from '@pravah/sdk';

/** A delivery holding in the demat account. */
export interface Holding {
  readonly instrument: InstrumentId;
  readonly isin?: string;
  /** Settled quantity. */
  readonly quantity: number;
  /** Bought but not yet settled (T+1). */
  readonly t1Quantity: number;
  readonly averagePrice: number;
  readonly lastPrice: number;
}

/** Cash and margin of the equity segment, in rupees. */
export interface Funds {
  /** Margin available for new orders. */
  readonly available: number;
  /** Margin blocked by open orders and positions. */
  readonly used: number;
  /** Net account value as the broker reports it. */
  readonly net: number;
}

/** Market data detail: last price only, quote (OHLC, volume, OI) or full (with depth). */
export type SubscriptionMode = 'ltp' | 'quote' | 'full';

/** State of a streaming connection. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'closed';
