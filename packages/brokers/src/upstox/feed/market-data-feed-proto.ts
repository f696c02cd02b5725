import protobuf from 'protobufjs';

/**
 * Upstox Market Data Feed v3 schema, written for Pravah from the field table in
 * shared/reference/BROKERS.md §2.6 (not copied from an upstream file). Kept as a string so the
 * schema ships inside the bundle and works from dist without a file lookup.
 */
export const UPSTOX_FEED_PROTO = `
syntax = "proto3";
package com.upstox.marketdatafeederv3udapi.rpc.proto;

message LTPC {
  double ltp = 1;
  int64 ltt = 2;
  int64 ltq = 3;
  double cp = 4;
}

message Quote {
  int64 bidQ = 1;
  double bidP = 2;
  int64 askQ = 3;
  double askP = 4;
}

message MarketLevel {
  repeated Quote bidAskQuote = 1;
}

message OptionGreeks {
  double delta = 1;
  double theta = 2;
  double gamma = 3;
  double vega = 4;
  double rho = 5;
}

message OHLC {
  string interval = 1;
  double open = 2;
  double high = 3;
  double low = 4;
  double close = 5;
  int64 vol = 6;
  int64 ts = 7;
}

message MarketOHLC {
  repeated OHLC ohlc = 1;
}

message MarketFullFeed {
  LTPC ltpc = 1;
  MarketLevel marketLevel = 2;
  OptionGreeks optionGreeks = 3;
  MarketOHLC marketOHLC = 4;
  double atp = 5;
  int64 vtt = 6;
  double oi = 7;
  double iv = 8;
  double tbq = 9;
  double tsq = 10;
}

message IndexFullFeed {
  LTPC ltpc = 1;
  MarketOHLC marketOHLC = 2;
}

message FullFeed {
  oneof FullFeedUnion {
    MarketFullFeed marketFF = 1;
    IndexFullFeed indexFF = 2;
  }
}

message FirstLevelWithGreeks {
  LTPC ltpc = 1;
  Quote firstDepth = 2;
  OptionGreeks optionGreeks = 3;
  int64 vtt = 4;
  double oi = 5;
  double iv = 6;
}

enum RequestMode {
  ltpc = 0;
  full_d5 = 1;
  option_greeks = 2;
  full_d30 = 3;
}

message Feed {
  oneof FeedUnion {
    LTPC ltpc = 1;
    FullFeed fullFeed = 2;
    FirstLevelWithGreeks firstLevelWithGreeks = 3;
  }
  RequestMode requestMode = 4;
}

enum MarketStatus {
  PRE_OPEN_START = 0;
  PRE_OPEN_END = 1;
  NORMAL_OPEN = 2;
  NORMAL_CLOSE = 3;
  CLOSING_START = 4;
  CLOSING_END = 5;
}

message MarketInfo {
  map<string, MarketStatus> segmentStatus = 1;
}

enum Type {
  initial_feed = 0;
  live_feed = 1;
  market_info = 2;
}

message FeedResponse {
  Type type = 1;
  map<string, Feed> feeds = 2;
  int64 currentTs = 3;
  MarketInfo marketInfo = 4;
}
`;

const PACKAGE = 'com.upstox.marketdatafeederv3udapi.rpc.proto';
let feedResponseType: protobuf.Type | undefined;

/**
 * The protobufjs type of `FeedResponse`, parsed once from {@link UPSTOX_FEED_PROTO}.
 *
 * @example
 * ```ts
 * const bytes = upstoxFeedResponseType().encode({ type: 1, currentTs: 0 }).finish();
 * ```
 */
export function upstoxFeedResponseType(): protobuf.Type {
  feedResponseType ??= protobuf
    .parse(UPSTOX_FEED_PROTO, { keepCase: true })
    .root.lookupType(`${PACKAGE}.FeedResponse`);
  return feedResponseType;
}
