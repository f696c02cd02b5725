export { SmartApiBroker, type SmartApiBrokerOptions } from './smartapi-broker.js';
export {
  decodeSmartApiTick,
  SMARTAPI_PACKET_SIZE,
  type SmartApiDepthLevel,
  type SmartApiLtpTick,
  type SmartApiQuoteTick,
  type SmartApiSnapQuoteTick,
  type SmartApiTick,
} from './smartapi-tick-decoder.js';
export {
  SmartApiMarketFeed,
  type SmartApiFeedError,
  type SmartApiFeedToken,
  type SmartApiMarketFeedOptions,
} from './smartapi-market-feed.js';
export { SmartApiOrderFeed, type SmartApiOrderFeedOptions } from './smartapi-order-feed.js';
export {
  SmartApiRestClient,
  parsePayload,
  type SmartApiRestOptions,
  type SmartApiTokens,
} from './smartapi-rest-client.js';
export {
  smartApiLogin,
  smartApiLogout,
  smartApiRefresh,
  smartApiTotp,
  type SmartApiCredentials,
} from './smartapi-session.js';
export {
  SMARTAPI_ENDPOINTS,
  QUOTE_BATCH_SIZE,
  SCRIP_MASTER_URL,
  SMARTAPI_BASE_URL,
  SMARTAPI_FEED_URL,
  SMARTAPI_ORDER_FEED_URL,
  type SmartApiEndpoint,
  type SmartApiRoute,
  type WindowLimit,
} from './smartapi-endpoints.js';
export * from './smartapi-enums.js';
export { smartApiError, RATE_LIMIT_RETRY_MS, type SmartApiFailure } from './smartapi-error-map.js';
export {
  mapScripRecord,
  sdkSymbolOf,
  tokenKey,
  SmartApiInstrumentIndex,
  type SmartApiInstrument,
} from './smartapi-instruments.js';
export {
  candleChunks,
  candleRequestBody,
  appendCandles,
  type CandleChunk,
} from './smartapi-candles.js';
export { tickOfSmartApi, tickOfQuote } from './smartapi-ticks.js';
export {
  instrumentOfWire,
  mapWireOrder,
  modifyOrderBody,
  placeOrderBody,
  SMARTAPI_TAG_LIMIT,
} from './smartapi-orders.js';
export {
  mapPositions,
  mapRms,
  mapWireHolding,
  mapWirePosition,
  mapWireTrade,
} from './smartapi-account.js';
export {
  formatCandleTime,
  parseCandleTime,
  parseExpiry,
  parseSmartApiTime,
} from './smartapi-time.js';
export * from './smartapi-wire-schemas.js';
