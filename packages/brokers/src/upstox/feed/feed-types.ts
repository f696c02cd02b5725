/** Kind of a `FeedResponse`: market status first, then a snapshot, then increments. */
export type UpstoxFeedType = 'initial_feed' | 'live_feed' | 'market_info';

/** Mode a feed entry was produced for (`full_d5` is the subscription mode `full`). */
export type UpstoxRequestMode = 'ltpc' | 'full_d5' | 'option_greeks' | 'full_d30';

/** Segment status as `market_info` reports it. */
export type UpstoxMarketStatus =
  | 'PRE_OPEN_START'
  | 'PRE_OPEN_END'
  | 'NORMAL_OPEN'
  | 'NORMAL_CLOSE'
  | 'CLOSING_START'
  | 'CLOSING_END';

/** Last trade: price, time (epoch ms), quantity and previous close. */
export interface UpstoxLtpc {
  readonly ltp: number;
  readonly ltt: number;
  readonly ltq: number;
  readonly cp: number;
}

/** One depth level: bid quantity and price, ask quantity and price. */
export interface UpstoxQuoteLevel {
  readonly bidQ: number;
  readonly bidP: number;
  readonly askQ: number;
  readonly askP: number;
}

/** One OHLC bar carried in a full feed (`1d` daily, `I1` one-minute). */
export interface UpstoxFeedOhlc {
  readonly interval: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly vol: number;
  readonly ts: number;
}

/** Option greeks. */
export interface UpstoxGreeks {
  readonly delta: number;
  readonly theta: number;
  readonly gamma: number;
  readonly vega: number;
  readonly rho: number;
}

/**
 * One instrument's entry in a `FeedResponse`, flattened from the oneof variants:
 * `ltpc` only, a market full feed, an index full feed, or first level with greeks.
 */
export interface UpstoxFeedEntry {
  readonly instrumentKey: string;
  readonly variant: 'ltpc' | 'market' | 'index' | 'greeks' | 'empty';
  readonly mode: UpstoxRequestMode;
  /** Absent when an increment left the last trade unchanged. */
  readonly ltpc?: UpstoxLtpc;
  /** Bid/ask levels, best first (market full feed: 5 or 30; greeks: 1). */
  readonly depth?: readonly UpstoxQuoteLevel[];
  readonly ohlc?: readonly UpstoxFeedOhlc[];
  readonly greeks?: UpstoxGreeks;
  /** Average traded price. */
  readonly atp?: number;
  /** Volume traded today. */
  readonly volume?: number;
  readonly oi?: number;
  readonly iv?: number;
  /** Total buy and sell quantity in the book. */
  readonly tbq?: number;
  readonly tsq?: number;
}

/** A decoded `FeedResponse` with int64 fields as numbers. */
export interface UpstoxFeedResponse {
  readonly type: UpstoxFeedType;
  /** Server time, epoch ms. */
  readonly currentTs: number;
  readonly feeds: readonly UpstoxFeedEntry[];
  /** Segment statuses, present on `market_info`. */
  readonly marketStatus?: Readonly<Record<string, UpstoxMarketStatus>>;
}
