import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import {
  OrderTypeSchema,
  ProductSchema,
  SideSchema,
  ValiditySchema,
  type OrderType,
  type Product,
  type Side,
  type Validity,
} from './exchange.js';
import { freezeMessage } from './freeze.js';
import { InstrumentIdSchema, type InstrumentId } from './instrument.js';

/**
 * Output of an ExecutionModel: an order the strategy wants placed. Guards may block or shrink
 * it; the venue (simulated exchange or broker) turns it into an {@link Order}.
 */
export interface OrderIntent {
  readonly kind: 'intent';
  /** Deterministic id, unique within a run; also the client tag sent to brokers. */
  readonly id: string;
  readonly instrument: InstrumentId;
  readonly time: number;
  readonly side: Side;
  /** Units (a multiple of the lot size), > 0. */
  readonly quantity: number;
  readonly orderType: OrderType;
  /** Limit price for LIMIT and SL. */
  readonly price?: number;
  /** Trigger price for SL and SL-M. */
  readonly triggerPrice?: number;
  readonly product: Product;
  readonly validity: Validity;
  /** Cancel automatically when not filled within this many ms. */
  readonly ttlMs?: number;
  /** True when the intent only reduces an existing position (exits pass halted guards). */
  readonly reduceOnly: boolean;
  /** Orders in one OCO group cancel each other when one fills (bracket stop and target). */
  readonly ocoGroup?: string;
  /** Id of an order this one is attached to (bracket legs wait for the entry to fill). */
  readonly parentId?: string;
  /** Id of an existing order to cancel instead of placing a new one. */
  readonly cancelId?: string;
  /** Confidence of the originating signal, 0..1. */
  readonly confidence?: number;
  /** Reward:risk of the originating signal, when it had a stop and a target. */
  readonly rewardRisk?: number;
  readonly reason: string;
}

/**
 * Zod schema of an {@link OrderIntent}: LIMIT and SL carry a price, SL and SL-M a trigger (and
 * only they do), and a stop-limit's trigger lies on the near side of its price.
 */
export const OrderIntentSchema = z
  .object({
    kind: z.literal('intent'),
    id: z.string().min(1),
    instrument: InstrumentIdSchema,
    time: z.number().int(),
    side: SideSchema,
    quantity: z.number().int().positive(),
    orderType: OrderTypeSchema,
    price: z.number().positive().optional(),
    triggerPrice: z.number().positive().optional(),
    product: ProductSchema,
    validity: ValiditySchema,
    ttlMs: z.number().int().positive().optional(),
    reduceOnly: z.boolean(),
    ocoGroup: z.string().min(1).optional(),
    parentId: z.string().min(1).optional(),
    cancelId: z.string().min(1).optional(),
    confidence: z.number().min(0).max(1).optional(),
    rewardRisk: z.number().nonnegative().optional(),
    reason: z.string(),
  })
  .superRefine((o, ctx) => {
    const needsPrice = o.orderType === 'LIMIT' || o.orderType === 'SL';
    const needsTrigger = o.orderType === 'SL' || o.orderType === 'SL-M';
    if (needsPrice && o.price === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['price'],
        message: `${o.orderType} orders need a price`,
      });
    }
    if (needsTrigger && o.triggerPrice === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['triggerPrice'],
        message: `${o.orderType} orders need a trigger price`,
      });
    }
    if (!needsTrigger && o.triggerPrice !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['triggerPrice'],
        message: `${o.orderType} orders take no trigger price (use SL or SL-M)`,
      });
    }
    // A stop-limit triggers on the way to its limit: a BUY's trigger is at or below its limit
    // price, a SELL's at or above (brokers reject the other way round).
    if (o.orderType === 'SL' && o.price !== undefined && o.triggerPrice !== undefined) {
      if (o.side === 'BUY' && o.triggerPrice > o.price) {
        ctx.addIssue({
          code: 'custom',
          path: ['triggerPrice'],
          message: `a BUY SL order's trigger must not exceed its price ${o.price}`,
        });
      }
      if (o.side === 'SELL' && o.triggerPrice < o.price) {
        ctx.addIssue({
          code: 'custom',
          path: ['triggerPrice'],
          message: `a SELL SL order's trigger must not be below its price ${o.price}`,
        });
      }
    }
  });

/**
 * Validates an order intent and returns it deep-frozen; throws a ValidationError naming the
 * field and value otherwise (e.g. `price` for a LIMIT order without one).
 *
 * @example
 * ```ts
 * const intent = parseOrderIntent({ kind: 'intent', id: 'sma-1', instrument: 'NSE:INFY', time: 0,
 *   side: 'BUY', quantity: 10, orderType: 'LIMIT', price: 1500, product: 'MIS', validity: 'DAY',
 *   reduceOnly: false, reason: 'entry' });
 * ```
 */
export function parseOrderIntent(input: unknown): OrderIntent {
  return freezeMessage(parseWith(OrderIntentSchema, input, 'order intent'));
}
