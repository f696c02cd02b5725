import { z } from 'zod';
import { KiteTimestampSchema } from './kite-time.js';

const optionalText = z.string().nullable().optional();

/**
 * One order as Kite reports it in the order book, order history and postbacks (KMK
 * `orders.json`, `order_info.json`, `postback.json`). Enumerations stay strings here: the
 * mapping layer turns them into SDK values or raises UnmappedValueError.
 */
export const KiteOrderSchema = z.object({
  order_id: z.string().min(1),
  exchange_order_id: optionalText,
  parent_order_id: optionalText,
  status: z.string(),
  status_message: optionalText,
  order_timestamp: KiteTimestampSchema,
  exchange_update_timestamp: KiteTimestampSchema.nullable().optional(),
  exchange_timestamp: KiteTimestampSchema.nullable().optional(),
  variety: z.string(),
  exchange: z.string(),
  tradingsymbol: z.string(),
  instrument_token: z.number().int().nonnegative(),
  order_type: z.string(),
  transaction_type: z.string(),
  validity: z.string(),
  validity_ttl: z.number().int().nullable().optional(),
  product: z.string(),
  quantity: z.number().int().nonnegative(),
  disclosed_quantity: z.number().int().nonnegative().optional(),
  price: z.number().nonnegative(),
  trigger_price: z.number().nonnegative(),
  average_price: z.number().nonnegative(),
  filled_quantity: z.number().int().nonnegative(),
  pending_quantity: z.number().int().nonnegative(),
  cancelled_quantity: z.number().int().nonnegative(),
  tag: optionalText,
  tags: z.array(z.string()).nullable().optional(),
});
export type KiteOrder = z.output<typeof KiteOrderSchema>;

/** Answer to place / modify / cancel (KMK `order_response.json`, `order_modify.json`). */
export const KiteOrderIdSchema = z.object({ order_id: z.string().min(1) });

/** Answer to an autosliced placement (KMK `autoslice_response.json`). */
export const KiteAutosliceSchema = z.object({
  order_id: z.string().min(1),
  children: z.array(
    z.union([
      z.object({ order_id: z.string().min(1) }),
      z.object({
        error: z.object({
          code: z.number().int(),
          error_type: z.string(),
          message: z.string(),
          data: z.unknown().optional(),
        }),
      }),
    ]),
  ),
});
