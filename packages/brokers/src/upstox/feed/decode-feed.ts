import { BrokerPayloadError } from '../../errors/broker-errors.js';
import { upstoxFeedResponseType } from './market-data-feed-proto.js';
import type {
  UpstoxFeedEntry,
  UpstoxFeedOhlc,
  UpstoxFeedResponse,
  UpstoxFeedType,
  UpstoxGreeks,
  UpstoxLtpc,
  UpstoxMarketStatus,
  UpstoxQuoteLevel,
  UpstoxRequestMode,
} from './feed-types.js';

// Field shapes of the protobufjs reflection messages (int64 fields arrive as Long or number).
type Int64 = number | { toNumber(): number };
interface PbLtpc {
  ltp: number;
  ltt: Int64;
  ltq: Int64;
  cp: number;
}
interface PbQuote {
  bidQ: Int64;
  bidP: number;
  askQ: Int64;
  askP: number;
}
interface PbOhlc {
  interval: string;
  open: number;
  high: number;
  low: number;
  close: number;
  vol: Int64;
  ts: Int64;
}
interface PbMarketOhlc {
  ohlc: PbOhlc[];
}
type PbGreeks = UpstoxGreeks;
interface PbMarketFF {
  ltpc: PbLtpc | null;
  marketLevel: { bidAskQuote: PbQuote[] } | null;
  optionGreeks: PbGreeks | null;
  marketOHLC: PbMarketOhlc | null;
  atp: number;
  vtt: Int64;
  oi: number;
  iv: number;
  tbq: number;
  tsq: number;
}
interface PbIndexFF {
  ltpc: PbLtpc | null;
  marketOHLC: PbMarketOhlc | null;
}
interface PbGreeksFeed {
  ltpc: PbLtpc | null;
  firstDepth: PbQuote | null;
  optionGreeks: PbGreeks | null;
  vtt: Int64;
  oi: number;
  iv: number;
}
interface PbFeed {
  ltpc: PbLtpc | null;
  fullFeed: { marketFF: PbMarketFF | null; indexFF: PbIndexFF | null } | null;
  firstLevelWithGreeks: PbGreeksFeed | null;
  requestMode: number;
}
interface PbFeedResponse {
  type: number;
  feeds: Record<string, PbFeed>;
  currentTs: Int64;
  marketInfo: { segmentStatus: Record<string, number> } | null;
}

const TYPES: readonly UpstoxFeedType[] = ['initial_feed', 'live_feed', 'market_info'];
const MODES: readonly UpstoxRequestMode[] = ['ltpc', 'full_d5', 'option_greeks', 'full_d30'];
const STATUSES: readonly UpstoxMarketStatus[] = [
  'PRE_OPEN_START',
  'PRE_OPEN_END',
  'NORMAL_OPEN',
  'NORMAL_CLOSE',
  'CLOSING_START',
  'CLOSING_END',
];

/**
 * Decodes one binary Market Data Feed v3 frame (a protobuf `FeedResponse`) into plain objects
 * with int64 fields as numbers. Throws {@link BrokerPayloadError} on bytes that are not a valid
 * message or carry an enumeration value the schema does not know; the market data stream counts
 * and skips such frames.
 *
 * @example
 * ```ts
 * const message = decodeUpstoxFeed(frameBytes);
 * if (message.type === 'live_feed') for (const f of message.feeds) console.log(f.instrumentKey, f.ltpc?.ltp);
 * ```
 */
export function decodeUpstoxFeed(bytes: Uint8Array): UpstoxFeedResponse {
  let raw: PbFeedResponse;
  try {
    raw = upstoxFeedResponseType().decode(bytes) as unknown as PbFeedResponse;
  } catch (error) {
    throw new BrokerPayloadError('upstox', 'feed frame', [
      error instanceof Error ? error.message : String(error),
    ]);
  }
  const type = TYPES[raw.type];
  if (type === undefined)
    throw new BrokerPayloadError('upstox', 'feed frame', [`type ${raw.type}`]);
  const feeds: UpstoxFeedEntry[] = [];
  const rawFeeds = raw.feeds;
  for (const key in rawFeeds) {
    const feed = rawFeeds[key];
    if (feed !== undefined) feeds.push(entry(key, feed));
  }
  const response: { -readonly [K in keyof UpstoxFeedResponse]: UpstoxFeedResponse[K] } = {
    type,
    currentTs: int64(raw.currentTs),
    feeds,
  };
  if (raw.marketInfo !== null) response.marketStatus = marketStatus(raw.marketInfo.segmentStatus);
  return response;
}

function entry(instrumentKey: string, feed: PbFeed): UpstoxFeedEntry {
  const mode = MODES[feed.requestMode];
  if (mode === undefined) {
    throw new BrokerPayloadError('upstox', 'feed frame', [
      `feeds.${instrumentKey}.requestMode ${feed.requestMode}`,
    ]);
  }
  if (feed.ltpc !== null) return { instrumentKey, variant: 'ltpc', mode, ltpc: ltpc(feed.ltpc) };
  const full = feed.fullFeed;
  if (full !== null && full.marketFF !== null) {
    const m = full.marketFF;
    const out: Mutable<UpstoxFeedEntry> = {
      instrumentKey,
      variant: 'market',
      mode,
      atp: m.atp,
      volume: int64(m.vtt),
      oi: m.oi,
      iv: m.iv,
      tbq: m.tbq,
      tsq: m.tsq,
    };
    if (m.ltpc !== null) out.ltpc = ltpc(m.ltpc);
    if (m.marketLevel !== null) out.depth = m.marketLevel.bidAskQuote.map(quote);
    if (m.marketOHLC !== null) out.ohlc = m.marketOHLC.ohlc.map(ohlc);
    if (m.optionGreeks !== null) out.greeks = greeks(m.optionGreeks);
    return out;
  }
  if (full !== null && full.indexFF !== null) {
    const i = full.indexFF;
    const out: Mutable<UpstoxFeedEntry> = { instrumentKey, variant: 'index', mode };
    if (i.ltpc !== null) out.ltpc = ltpc(i.ltpc);
    if (i.marketOHLC !== null) out.ohlc = i.marketOHLC.ohlc.map(ohlc);
    return out;
  }
  const g = feed.firstLevelWithGreeks;
  if (g !== null) {
    const out: Mutable<UpstoxFeedEntry> = {
      instrumentKey,
      variant: 'greeks',
      mode,
      volume: int64(g.vtt),
      oi: g.oi,
      iv: g.iv,
    };
    if (g.ltpc !== null) out.ltpc = ltpc(g.ltpc);
    if (g.firstDepth !== null) out.depth = [quote(g.firstDepth)];
    if (g.optionGreeks !== null) out.greeks = greeks(g.optionGreeks);
    return out;
  }
  return { instrumentKey, variant: 'empty', mode };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function int64(value: Int64): number {
  return typeof value === 'number' ? value : value.toNumber();
}

function ltpc(l: PbLtpc): UpstoxLtpc {
  return { ltp: l.ltp, ltt: int64(l.ltt), ltq: int64(l.ltq), cp: l.cp };
}

function quote(q: PbQuote): UpstoxQuoteLevel {
  return { bidQ: int64(q.bidQ), bidP: q.bidP, askQ: int64(q.askQ), askP: q.askP };
}

function ohlc(o: PbOhlc): UpstoxFeedOhlc {
  return {
    interval: o.interval,
    open: o.open,
    high: o.high,
    low: o.low,
    close: o.close,
    vol: int64(o.vol),
    ts: int64(o.ts),
  };
}

function greeks(g: PbGreeks): UpstoxGreeks {
  return { delta: g.delta, theta: g.theta, gamma: g.gamma, vega: g.vega, rho: g.rho };
}

function marketStatus(raw: Record<string, number>): Record<string, UpstoxMarketStatus> {
  const out: Record<string, UpstoxMarketStatus> = {};
  for (const segment in raw) {
    const status = STATUSES[raw[segment] ?? -1];
    if (status === undefined) {
      throw new BrokerPayloadError('upstox', 'feed frame', [
        `marketInfo.segmentStatus.${segment} ${raw[segment]}`,
      ]);
    }
    out[segment] = status;
  }
  return out;
}
