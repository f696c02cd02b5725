import { upstoxFeedResponseType } from '../../upstox/feed/market-data-feed-proto.js';

/** LTPC fields as the fake encodes them (int64 fields as numbers). */
export interface FakeLtpc {
  readonly ltp: number;
  readonly ltt: number;
  readonly ltq: number;
  readonly cp: number;
}

/** One depth level. */
export interface FakeDepthLevel {
  readonly bidQ: number;
  readonly bidP: number;
  readonly askQ: number;
  readonly askP: number;
}

/** What the fake knows of an instrument's market: last trade, book and day totals. */
export interface FakeFeedQuote extends FakeLtpc {
  readonly volume: number;
  readonly oi: number;
  readonly atp: number;
  readonly depth: readonly FakeDepthLevel[];
}

/** Mode names on the wire and their `RequestMode` numbers. */
export const FAKE_REQUEST_MODES: Readonly<Record<string, number>> = {
  ltpc: 0,
  full: 1,
  option_greeks: 2,
  full_d30: 3,
};

const TYPE = { initial_feed: 0, live_feed: 1, market_info: 2 } as const;

/**
 * The protobuf `Feed` of one instrument in a subscription mode: `ltpc`; `full`/`full_d30` as a
 * market full feed (5 or 30 levels) or, for index keys, an index full feed; `option_greeks` as
 * first level with greeks.
 */
export function fakeFeedEntry(
  key: string,
  mode: string,
  q: FakeFeedQuote,
): Record<string, unknown> {
  const ltpc = { ltp: q.ltp, ltt: q.ltt, ltq: q.ltq, cp: q.cp };
  const requestMode = FAKE_REQUEST_MODES[mode] ?? 0;
  if (mode === 'ltpc') return { ltpc, requestMode };
  if (mode === 'option_greeks') {
    return {
      firstLevelWithGreeks: {
        ltpc,
        firstDepth: q.depth[0] ?? { bidQ: 0, bidP: 0, askQ: 0, askP: 0 },
        optionGreeks: { delta: 0.5, theta: -1.2, gamma: 0.001, vega: 3.1, rho: 0.2 },
        vtt: q.volume,
        oi: q.oi,
        iv: 0.14,
      },
      requestMode,
    };
  }
  if (key.includes('_INDEX|')) {
    return { fullFeed: { indexFF: { ltpc, marketOHLC: { ohlc: [] } } }, requestMode };
  }
  const levels = mode === 'full_d30' ? 30 : 5;
  return {
    fullFeed: {
      marketFF: {
        ltpc,
        marketLevel: { bidAskQuote: q.depth.slice(0, levels) },
        marketOHLC: { ohlc: [] },
        atp: q.atp,
        vtt: q.volume,
        oi: q.oi,
        tbq: q.depth.reduce((s, l) => s + l.bidQ, 0),
        tsq: q.depth.reduce((s, l) => s + l.askQ, 0),
      },
    },
    requestMode,
  };
}

/**
 * Encodes a `FeedResponse` with protobufjs from the project's schema (the adapter's decoder is
 * also checked against hand-built bytes in the tests, so a schema error cannot cancel out).
 *
 * @example
 * ```ts
 * const bytes = encodeUpstoxFeed('live_feed', 1700000000000, { 'NSE_EQ|X': fakeFeedEntry('NSE_EQ|X', 'ltpc', quote) });
 * ```
 */
export function encodeUpstoxFeed(
  type: keyof typeof TYPE,
  currentTs: number,
  feeds: Readonly<Record<string, Record<string, unknown>>>,
  segmentStatus?: Readonly<Record<string, number>>,
): Uint8Array {
  const message: Record<string, unknown> = { type: TYPE[type], currentTs, feeds };
  if (segmentStatus !== undefined) message['marketInfo'] = { segmentStatus };
  return upstoxFeedResponseType().encode(message).finish();
}
