export { UpstoxBroker, UPSTOX_QUOTE_BATCH, type UpstoxBrokerOptions } from './upstox-broker.js';
export {
  upstoxAuthorizeUrl,
  exchangeUpstoxCode,
  UPSTOX_BASE_URL,
  UPSTOX_ORDER_BASE_URL,
  type UpstoxAppCredentials,
} from './auth/oauth.js';
export {
  upstoxTokenExpiry,
  assertSessionValid,
  type UpstoxSession,
} from './auth/upstox-session.js';
export { decodeUpstoxFeed } from './feed/decode-feed.js';
export { UPSTOX_FEED_PROTO, upstoxFeedResponseType } from './feed/market-data-feed-proto.js';
export {
  upstoxFeedRequest,
  type UpstoxFeedMethod,
  type UpstoxSubscribeMode,
} from './feed/feed-request.js';
export { UpstoxTickMapper } from './feed/feed-to-ticks.js';
export {
  UpstoxMarketDataStream,
  type UpstoxMarketDataStreamOptions,
} from './feed/market-data-stream.js';
export { UpstoxPortfolioStream } from './feed/portfolio-stream.js';
export type * from './feed/feed-types.js';
export {
  parseUpstoxInstruments,
  downloadUpstoxInstruments,
  UPSTOX_INSTRUMENTS_URL,
  type UpstoxInstrumentMaster,
  type SkippedInstrument,
} from './instruments/instrument-master.js';
export { UpstoxInstrumentKeys } from './instruments/instrument-keys.js';
export {
  upstoxCandleSpec,
  candleChunks,
  type UpstoxCandleSpec,
  type UpstoxCandleUnit,
  type CandleChunk,
} from './candles/candle-plan.js';
export {
  ApiGroupLimiter,
  UPSTOX_ORDER_LIMIT,
  UPSTOX_STANDARD_LIMIT,
  type UpstoxRateLimit,
} from './rest/api-group-limiter.js';
export { upstoxErrorFor, readUpstoxError, UPSTOX_RETRY_AFTER_MS } from './rest/upstox-errors.js';
export { UpstoxRest, type UpstoxCall, type UpstoxRestOptions } from './rest/upstox-rest.js';
export * from './wire/enums.js';
export * from './wire/schemas.js';
export { upstoxTime, istDate } from './wire/wire-time.js';
export { parseUpstox } from './wire/parse-upstox.js';
