import { z } from 'zod';
import { KiteTimestampSchema } from './kite-time.js';

const KiteOhlcSchema = z.object({
  open: z.number().nonnegative(),
  high: z.number().nonnegative(),
  low: z.number().nonnegative(),
  close: z.number().nonnegative(),
});

const KiteDepthLevelSchema = z.object({
  price: z.number().nonnegative(),
  quantity: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
});

/** One entry of `GET /quote` (KMK `quote.json`), keyed by the exact `i` string asked for. */
export const KiteQuoteSchema = z.object({
  instrument_token: z.number().int().nonnegative(),
  timestamp: KiteTimestampSchema,
  last_trade_time: KiteTimestampSchema.nullable().optional(),
  last_price: z.number().nonnegative(),
  last_quantity: z.number().int().nonnegative().optional(),
  buy_quantity: z.number().int().nonnegative().optional(),
  sell_quantity: z.number().int().nonnegative().optional(),
  volume: z.number().int().nonnegative().optional(),
  average_price: z.number().nonnegative().optional(),
  oi: z.number().nonnegative().optional(),
  net_change: z.number().optional(),
  lower_circuit_limit: z.number().nonnegative().optional(),
  upper_circuit_limit: z.number().nonnegative().optional(),
  ohlc: KiteOhlcSchema,
  depth: z
    .object({ buy: z.array(KiteDepthLevelSchema), sell: z.array(KiteDepthLevelSchema) })
    .optional(),
});
export type KiteQuote = z.output<typeof KiteQuoteSchema>;

/** One entry of `GET /quote/ohlc` (KMK `ohlc.json`). */
export const KiteOhlcQuoteSchema = z.object({
  instrument_token: z.number().int().nonnegative(),
  last_price: z.number().nonnegative(),
  ohlc: KiteOhlcSchema,
});
export type KiteOhlcQuote = z.output<typeof KiteOhlcQuoteSchema>;

/** One entry of `GET /quote/ltp` (KMK `ltp.json`). */
export const KiteLtpSchema = z.object({
  instrument_token: z.number().int().nonnegative(),
  last_price: z.number().nonnegative(),
});
export type KiteLtp = z.output<typeof KiteLtpSchema>;

/** `[time, open, high, low, close, volume]` plus OI when asked with `oi=1`. */
export const KiteCandleSchema = z.union([
  z.tuple([KiteTimestampSchema, z.number(), z.number(), z.number(), z.number(), z.number()]),
  z.tuple([
    KiteTimestampSchema,
    z.number(),
    z.number(),
    z.number(),
    z.number(),
    z.number(),
    z.number(),
  ]),
]);
export type KiteCandle = z.output<typeof KiteCandleSchema>;

/** `data` of `GET /instruments/historical/{token}/{interval}` (KMK `historical_*.json`). */
export const KiteHistoricalSchema = z.object({ candles: z.array(KiteCandleSchema) });
