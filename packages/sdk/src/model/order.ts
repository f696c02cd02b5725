import { z } from 'zod';
import { OrderIntentSchema, type OrderIntent } from './order-intent.js';

/** Lifecycle of an order at a venue. */
export const ORDER_STATUSES = [
  'PENDING',
  'OPEN',
  'TRIGGER_PENDING',
  'PARTIALLY_FILLED',
  'FILLED',
  'CANCELLED',
  'REJECTED',
  'EXPIRED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses after which nothing more can happen to an order. */
export const TERMINAL_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set(['FILLED', 'CANCELLED', 'REJECTED', 'EXPIRED']);

/** One entry of an order's status history. */
export interface OrderStatusChange {
  readonly status: OrderStatus;
  readonly time: number;
  readonly reason?: string;
  /** Filled quantity after this change. */
  readonly filledQuantity: number;
}

/** An order at a venue: its intent, where it stands, and how it got there. Immutable snapshots. */
export interface Order {
  readonly kind: 'order';
  readonly id: string;
  readonly intent: OrderIntent;
  readonly status: OrderStatus;
  readonly filledQuantity: number;
  /** Volume-weighted fill price, 0 when nothing filled. */
  readonly averagePrice: number;
  readonly history: readonly OrderStatusChange[];
  /** Venue's own id (broker order id), when different from `id`. */
  readonly venueOrderId?: string;
}

const OrderStatusChangeSchema = z.object({
  status: z.enum(ORDER_STATUSES),
  time: z.number().int(),
  reason: z.string().optional(),
  filledQuantity: z.number().int().nonnegative(),
});

export const OrderSchema = z.object({
  kind: z.literal('order'),
  id: z.string().min(1),
  intent: OrderIntentSchema,
  status: z.enum(ORDER_STATUSES),
  filledQuantity: z.number().int().nonnegative(),
  averagePrice: z.number().finite().nonnegative(),
  history: z.array(OrderStatusChangeSchema),
  venueOrderId: z.string().optional(),
});
