import { z } from 'zod';

// Zod schemas of the Upstox wire payloads (BROKERS.md §2.3). Unknown keys are stripped; numbers
// are accepted as JSON numbers or numeric strings, since Upstox mixes both across endpoints.

const numericString = z
  .string()
  .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/)
  .transform(Number);
/** A finite number sent as a number or a numeric string. */
export const wireNumber = z.union([z.number().finite(), numericString]);
const optionalText = z.string().nullish();

/** `{status, data}` wrapper of every non-token response. */
export const UpstoxEnvelopeSchema = z.object({
  status: z.enum(['success', 'error', 'partial_success']),
  data: z.unknown(),
});

/** One entry of the error envelope; camelCase (deprecated) and snake_case keys both appear. */
export const UpstoxErrorItemSchema = z.object({
  error_code: optionalText,
  errorCode: optionalText,
  message: optionalText,
  property_path: optionalText,
  propertyPath: optionalText,
  invalid_value: z.unknown().optional(),
  invalidValue: z.unknown().optional(),
});

/** `{status:"error", errors:[…]}`. */
export const UpstoxErrorEnvelopeSchema = z.object({
  status: z.literal('error'),
  errors: z.array(UpstoxErrorItemSchema).min(1),
});

/** The token exchange's flat (not wrapped) response. */
export const UpstoxTokenSchema = z.object({
  access_token: z.string().min(1),
  extended_token: z.string().nullish(),
  user_id: z.string(),
  user_name: z.string().nullish(),
  email: z.string().nullish(),
  broker: z.string().nullish(),
  exchanges: z.array(z.string()).nullish(),
  products: z.array(z.string()).nullish(),
  order_types: z.array(z.string()).nullish(),
  user_type: z.string().nullish(),
  is_active: z.boolean().nullish(),
});

/** v3 place answers `order_ids`, v2 and modify/cancel answer `order_id`: accept either. */
export const UpstoxOrderIdsSchema = z
  .object({ order_ids: z.array(z.string().min(1)).optional(), order_id: z.string().optional() })
  .refine((v) => (v.order_ids?.length ?? 0) > 0 || (v.order_id ?? '') !== '', {
    message: 'neither order_ids nor order_id present',
  });

/** Order book / details / history entry. */
export const UpstoxOrderSchema = z.object({
  exchange: z.string(),
  product: z.string(),
  price: wireNumber,
  quantity: wireNumber,
  status: z.string(),
  tag: optionalText,
  instrument_token: z.string(),
  trading_symbol: optionalText,
  tradingsymbol: optionalText,
  order_type: z.string(),
  validity: z.string(),
  trigger_price: wireNumber,
  transaction_type: z.string(),
  average_price: wireNumber.nullish(),
  filled_quantity: wireNumber,
  pending_quantity: wireNumber,
  status_message: optionalText,
  exchange_order_id: optionalText,
  order_id: z.string().min(1),
  order_timestamp: optionalText,
  exchange_timestamp: optionalText,
  is_amo: z.boolean().nullish(),
});
export type UpstoxOrder = z.output<typeof UpstoxOrderSchema>;

/** Trade of the day. */
export const UpstoxTradeSchema = z.object({
  exchange: z.string(),
  product: z.string(),
  trading_symbol: optionalText,
  tradingsymbol: optionalText,
  instrument_token: z.string(),
  transaction_type: z.string(),
  quantity: wireNumber,
  order_id: z.string().min(1),
  trade_id: z.string().min(1),
  average_price: wireNumber,
  exchange_timestamp: optionalText,
  order_timestamp: optionalText,
});
export type UpstoxTrade = z.output<typeof UpstoxTradeSchema>;

/** Short-term position. */
export const UpstoxPositionSchema = z.object({
  exchange: z.string(),
  product: z.string(),
  instrument_token: z.string(),
  trading_symbol: optionalText,
  tradingsymbol: optionalText,
  quantity: wireNumber,
  average_price: wireNumber.nullish(),
  last_price: wireNumber.nullish(),
  realised: wireNumber.nullish(),
  day_buy_quantity: wireNumber.nullish(),
  day_buy_price: wireNumber.nullish(),
  day_sell_quantity: wireNumber.nullish(),
  day_sell_price: wireNumber.nullish(),
});
export type UpstoxPosition = z.output<typeof UpstoxPositionSchema>;

/** Long-term holding. */
export const UpstoxHoldingSchema = z.object({
  exchange: z.string(),
  isin: optionalText,
  instrument_token: z.string(),
  trading_symbol: optionalText,
  tradingsymbol: optionalText,
  quantity: wireNumber,
  t1_quantity: wireNumber.nullish(),
  average_price: wireNumber,
  last_price: wireNumber,
});
export type UpstoxHolding = z.output<typeof UpstoxHoldingSchema>;

const SegmentFundsSchema = z.object({
  used_margin: wireNumber,
  available_margin: wireNumber,
  payin_amount: wireNumber.nullish(),
  span_margin: wireNumber.nullish(),
  exposure_margin: wireNumber.nullish(),
});

/** Funds and margin; `commodity` may be absent when `segment=SEC` was asked. */
export const UpstoxFundsSchema = z.object({
  equity: SegmentFundsSchema,
  commodity: SegmentFundsSchema.nullish(),
});

const DepthLevelSchema = z.object({ quantity: wireNumber, price: wireNumber, orders: wireNumber });

/** One full-quote entry; `data` is keyed by `SEGMENT:SYMBOL`, matched back by instrument_token. */
export const UpstoxQuoteSchema = z.object({
  instrument_token: z.string(),
  symbol: optionalText,
  last_price: wireNumber,
  volume: wireNumber.nullish(),
  oi: wireNumber.nullish(),
  timestamp: optionalText,
  /** Epoch ms, sent as a string (accepted as a number too). */
  last_trade_time: z.union([z.string(), z.number()]).nullish(),
  depth: z.object({ buy: z.array(DepthLevelSchema), sell: z.array(DepthLevelSchema) }).nullish(),
});
export type UpstoxQuote = z.output<typeof UpstoxQuoteSchema>;
export const UpstoxQuotesSchema = z.record(z.string(), UpstoxQuoteSchema);

/** `[time, open, high, low, close, volume, oi]`, newest first. */
export const UpstoxCandlesSchema = z.object({
  candles: z.array(
    z.tuple([z.string(), wireNumber, wireNumber, wireNumber, wireNumber, wireNumber], wireNumber),
  ),
});

/** Feed authorize answer; both keys are emitted, either may be the one a client reads. */
export const UpstoxAuthorizeSchema = z
  .object({
    authorized_redirect_uri: z.string().min(1).optional(),
    authorizedRedirectUri: z.string().min(1).optional(),
  })
  .transform((v, ctx) => {
    const url = v.authorized_redirect_uri ?? v.authorizedRedirectUri;
    if (url === undefined) {
      ctx.addIssue({ code: 'custom', message: 'no authorized_redirect_uri' });
      return z.NEVER;
    }
    return url;
  });

/** A row of the BOD instruments master (`complete.json.gz`); `expiry` is epoch ms. */
export const UpstoxInstrumentRowSchema = z.object({
  segment: z.string(),
  exchange: z.string().nullish(),
  name: optionalText,
  isin: optionalText,
  instrument_type: z.string(),
  instrument_key: z.string().min(1),
  trading_symbol: z.string().min(1),
  lot_size: wireNumber.nullish(),
  freeze_quantity: wireNumber.nullish(),
  exchange_token: z.union([z.string(), z.number()]).nullish(),
  tick_size: wireNumber.nullish(),
  expiry: z.union([z.number(), z.string()]).nullish(),
  strike_price: wireNumber.nullish(),
  underlying_key: optionalText,
  underlying_symbol: optionalText,
});
export type UpstoxInstrumentRow = z.output<typeof UpstoxInstrumentRowSchema>;
