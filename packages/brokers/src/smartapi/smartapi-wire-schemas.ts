import { z } from 'zod';

// Zod schemas of SmartAPI wire payloads (BROKERS.md §3.2). SmartAPI sends the same number as a
// JSON number in one endpoint and as a string in another, so numeric fields accept both; text
// that is not a number fails validation instead of becoming NaN.

const NUMERIC_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** A number sent as a JSON number or as numeric text. */
export const wireNumber = z.union([
  z.number(),
  z
    .string()
    .regex(NUMERIC_TEXT, 'expected a number')
    .transform((text) => Number(text)),
]);

/** Like {@link wireNumber}, but an empty string, null or a missing field reads as 0. */
export const wireNumberOrZero = z
  .union([wireNumber, z.literal(''), z.null()])
  .optional()
  .transform((value) => (typeof value === 'number' ? value : 0));

/** A text field that may be null or missing (read as ''). */
export const wireText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value) => value ?? '');

/** Login and generateTokens `data`. */
export const SessionTokensSchema = z.object({
  jwtToken: z.string().min(1),
  refreshToken: z.string().min(1),
  feedToken: z.string().min(1),
});

/** placeOrder / modifyOrder / cancelOrder `data`. */
export const OrderIdDataSchema = z.object({
  orderid: z.string().min(1),
  uniqueorderid: wireText,
  script: z.string().optional(),
});

/** One order of the order book, `details` or an order-update `orderData`. */
export const WireOrderSchema = z.object({
  variety: z.string(),
  ordertype: z.string(),
  producttype: z.string(),
  duration: z.string(),
  price: wireNumberOrZero,
  triggerprice: wireNumberOrZero,
  quantity: wireNumber,
  tradingsymbol: z.string().min(1),
  transactiontype: z.string(),
  exchange: z.string(),
  symboltoken: wireText,
  ordertag: wireText,
  averageprice: wireNumberOrZero,
  filledshares: wireNumberOrZero,
  unfilledshares: wireNumberOrZero,
  cancelsize: wireNumberOrZero,
  orderid: z.string().min(1),
  text: wireText,
  status: wireText,
  orderstatus: wireText,
  updatetime: wireText,
  exchtime: wireText,
  exchorderupdatetime: wireText,
  uniqueorderid: wireText,
  exchangeorderid: wireText,
});
export type WireOrder = z.output<typeof WireOrderSchema>;

/** One trade book row. */
export const WireTradeSchema = z.object({
  exchange: z.string(),
  producttype: z.string(),
  tradingsymbol: z.string().min(1),
  transactiontype: z.string(),
  fillprice: wireNumber,
  fillsize: wireNumber,
  orderid: z.string().min(1),
  fillid: z.string().min(1),
  filltime: z.string(),
});

/** One position row (all numbers are strings at SmartAPI). */
export const WirePositionSchema = z.object({
  exchange: z.string(),
  symboltoken: wireText,
  producttype: z.string(),
  tradingsymbol: z.string().min(1),
  buyqty: wireNumberOrZero,
  sellqty: wireNumberOrZero,
  buyavgprice: wireNumberOrZero,
  sellavgprice: wireNumberOrZero,
  netqty: wireNumber,
  ltp: wireNumberOrZero,
  realised: z.union([wireNumber, z.literal(''), z.null()]).optional(),
});
export type WirePosition = z.output<typeof WirePositionSchema>;

/** getPosition `data`: an array (documented sample) or `{net, day}` (doc text); null when empty. */
export const PositionsDataSchema = z.union([
  z.array(WirePositionSchema),
  z.object({ net: z.array(WirePositionSchema), day: z.array(WirePositionSchema) }),
  z.null(),
]);

/** One holding row. */
export const WireHoldingSchema = z.object({
  tradingsymbol: z.string().min(1),
  exchange: z.string(),
  isin: wireText,
  t1quantity: wireNumberOrZero,
  quantity: wireNumber,
  averageprice: wireNumberOrZero,
  ltp: wireNumberOrZero,
});

/** getRMS `data`. */
export const RmsSchema = z.object({
  net: wireNumberOrZero,
  availablecash: wireNumberOrZero,
  utiliseddebits: wireNumberOrZero,
});

const DepthLevelSchema = z.object({
  price: wireNumber,
  quantity: wireNumber,
  orders: wireNumberOrZero,
});

/** One `fetched` item of the market quote API (camelCase, unlike the rest of the API). */
export const WireQuoteSchema = z.object({
  exchange: z.string(),
  tradingSymbol: z.string(),
  symbolToken: z.string().min(1),
  ltp: wireNumber,
  lastTradeQty: wireNumberOrZero,
  exchFeedTime: wireText,
  exchTradeTime: wireText,
  tradeVolume: wireNumberOrZero,
  opnInterest: wireNumberOrZero,
  depth: z.object({ buy: z.array(DepthLevelSchema), sell: z.array(DepthLevelSchema) }).optional(),
});

/** market/v1/quote `data`. */
export const QuoteDataSchema = z.object({
  fetched: z.array(WireQuoteSchema),
  unfetched: z.array(z.unknown()).optional(),
});

/** One candle: `[time, open, high, low, close, volume]`. */
export const WireCandleSchema = z.tuple([
  z.string(),
  wireNumber,
  wireNumber,
  wireNumber,
  wireNumber,
  wireNumber,
]);

/** getCandleData `data` (null when the range has no candles). */
export const CandlesDataSchema = z.union([z.array(WireCandleSchema), z.null()]);

/** One scrip master record; every value is a string. */
export const ScripRecordSchema = z.object({
  token: z.string().min(1),
  symbol: z.string().min(1),
  name: wireText,
  expiry: wireText,
  strike: wireNumberOrZero,
  lotsize: wireNumber,
  instrumenttype: wireText,
  exch_seg: z.string(),
  tick_size: wireNumberOrZero,
});
export type ScripRecord = z.output<typeof ScripRecordSchema>;

/** An order-update socket message. */
export const OrderUpdateMessageSchema = z.object({
  'order-status': z.string(),
  'status-code': z.union([z.string(), z.number()]).optional(),
  'error-message': wireText,
  orderData: z.unknown().optional(),
});
