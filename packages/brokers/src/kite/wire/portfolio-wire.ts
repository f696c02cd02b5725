import { z } from 'zod';
import { KiteTimestampSchema } from './kite-time.js';

/** One execution (KMK `trades.json`, `order_trades.json`). `order_timestamp` is a bare time. */
export const KiteTradeSchema = z.object({
  trade_id: z.string().min(1),
  order_id: z.string().min(1),
  exchange_order_id: z.string().nullable().optional(),
  exchange: z.string(),
  tradingsymbol: z.string(),
  instrument_token: z.number().int().nonnegative(),
  product: z.string(),
  average_price: z.number().positive(),
  quantity: z.number().int().positive(),
  transaction_type: z.string(),
  fill_timestamp: KiteTimestampSchema,
  exchange_timestamp: KiteTimestampSchema.nullable().optional(),
});
export type KiteTrade = z.output<typeof KiteTradeSchema>;

/** One position row of `GET /portfolio/positions` (KMK `positions.json`). */
export const KitePositionSchema = z.object({
  tradingsymbol: z.string(),
  exchange: z.string(),
  instrument_token: z.number().int().nonnegative(),
  product: z.string(),
  quantity: z.number().int(),
  overnight_quantity: z.number().int(),
  multiplier: z.number(),
  average_price: z.number().nonnegative(),
  close_price: z.number().nonnegative(),
  last_price: z.number().nonnegative(),
  value: z.number(),
  pnl: z.number(),
  m2m: z.number(),
  unrealised: z.number(),
  realised: z.number(),
  buy_quantity: z.number().int().nonnegative(),
  buy_price: z.number().nonnegative(),
  buy_value: z.number(),
  sell_quantity: z.number().int().nonnegative(),
  sell_price: z.number().nonnegative(),
  sell_value: z.number(),
  day_buy_quantity: z.number().int().nonnegative(),
  day_sell_quantity: z.number().int().nonnegative(),
});
export type KitePosition = z.output<typeof KitePositionSchema>;

/** `data` of `GET /portfolio/positions`. */
export const KitePositionsSchema = z.object({
  net: z.array(KitePositionSchema),
  day: z.array(KitePositionSchema),
});

/** One holding (KMK `holdings.json`; `holdings_compact.json` carries only the first fields). */
export const KiteHoldingSchema = z.object({
  tradingsymbol: z.string(),
  exchange: z.string(),
  instrument_token: z.number().int().nonnegative(),
  quantity: z.number().int(),
  t1_quantity: z.number().int(),
  isin: z.string().optional(),
  product: z.string().optional(),
  average_price: z.number().nonnegative().optional(),
  last_price: z.number().nonnegative().optional(),
});
export type KiteHolding = z.output<typeof KiteHoldingSchema>;

/** One segment of `GET /user/margins` (KMK `margins.json`, `margins_equity.json`). */
export const KiteSegmentMarginSchema = z.object({
  enabled: z.boolean(),
  net: z.number(),
  available: z.object({
    adhoc_margin: z.number(),
    cash: z.number(),
    opening_balance: z.number(),
    live_balance: z.number(),
    collateral: z.number(),
    intraday_payin: z.number(),
  }),
  utilised: z.object({
    debits: z.number(),
    exposure: z.number(),
    m2m_realised: z.number(),
    m2m_unrealised: z.number(),
    option_premium: z.number(),
    payout: z.number(),
    span: z.number(),
    holding_sales: z.number(),
    turnover: z.number(),
  }),
});
export type KiteSegmentMargin = z.output<typeof KiteSegmentMarginSchema>;

/** `data` of `GET /user/margins`: both segments. */
export const KiteMarginsSchema = z.object({
  equity: KiteSegmentMarginSchema,
  commodity: KiteSegmentMarginSchema.optional(),
});
