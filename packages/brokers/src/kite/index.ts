export { kiteLoginUrl, kiteChecksum, KITE_LOGIN_BASE } from './auth/kite-auth.js';
export {
  exchangeFromKite,
  sideFromKite,
  orderTypeFromKite,
  productFromKite,
  validityFromKite,
  varietyFromKite,
  orderStatusFromKite,
  orderStatusToKite,
  instrumentTypeFromKite,
  intervalOfTimeframe,
  type KiteInterval,
} from './mapping/kite-enums.js';
export { kiteInstrumentId } from './mapping/kite-instrument-id.js';
export { brokerOrderFromKite, placeOrderForm, modifyOrderForm } from './mapping/order-mapping.js';
export {
  fillFromKite,
  positionFromKite,
  holdingFromKite,
  fundsFromKite,
} from './mapping/portfolio-mapping.js';
export { tickFromKiteQuote, barFromKiteCandle } from './mapping/market-mapping.js';
export { instrumentFromKite, isTradedKiteRow } from './mapping/instrument-mapping.js';
export { KiteInstrumentMap } from './mapping/instrument-map.js';
export { historicalChunks, KITE_MAX_SPAN_DAYS, type TimeChunk } from './rest/historical-chunks.js';
export { kiteErrorOf, KITE_DEFAULT_RETRY_AFTER_MS } from './rest/kite-error-mapping.js';
export {
  KiteRestClient,
  KITE_API_ROOT,
  KITE_QUOTE_BATCH,
  KITE_OHLC_LTP_BATCH,
  type KiteRestClientOptions,
  type KiteRateLimits,
  type KiteHistoricalOptions,
} from './rest/kite-rest-client.js';
export {
  kiteSuccess,
  parseKite,
  KiteSuccessEnvelopeSchema,
  KiteErrorEnvelopeSchema,
  type KiteErrorEnvelope,
} from './wire/envelope.js';
export { kiteTimeToEpoch, epochToKiteTime, KiteTimestampSchema } from './wire/kite-time.js';
export {
  KiteOrderSchema,
  KiteOrderIdSchema,
  KiteAutosliceSchema,
  type KiteOrder,
} from './wire/order-wire.js';
export {
  KiteTradeSchema,
  KitePositionSchema,
  KitePositionsSchema,
  KiteHoldingSchema,
  KiteSegmentMarginSchema,
  KiteMarginsSchema,
  type KiteTrade,
  type KitePosition,
  type KiteHolding,
  type KiteSegmentMargin,
} from './wire/portfolio-wire.js';
export {
  KiteQuoteSchema,
  KiteOhlcQuoteSchema,
  KiteLtpSchema,
  KiteCandleSchema,
  KiteHistoricalSchema,
  type KiteQuote,
  type KiteOhlcQuote,
  type KiteLtp,
  type KiteCandle,
} from './wire/market-wire.js';
export {
  KiteSessionSchema,
  KiteProfileSchema,
  type KiteSession,
  type KiteProfile,
} from './wire/session-wire.js';
export {
  parseKiteInstrumentsCsv,
  KITE_INSTRUMENTS_HEADER,
  type KiteInstrumentRow,
} from './wire/instruments-csv.js';
export * from './ticker/index.js';
export { tickFromKiteTick } from './mapping/tick-mapping.js';
export { KiteBroker, KITE_TICKER_URL, type KiteBrokerOptions } from './kite-broker.js';
