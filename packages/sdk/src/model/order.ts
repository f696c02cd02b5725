import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { freezeMessage } from './freeze.js';
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
/** Zod schema of an {@link OrderStatus}. */
export const OrderStatusSchema = z.enum(ORDER_STATUSES);

/** Statuses after which nothing more can happen to an order. */
export const TERMINAL_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'FILLED',
  'CANCELLED',
  'REJECTED',
  'EXPIRED',
]);

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
  /** Every status change, oldest first; the last entry is the current status. */
  readonly history: readonly OrderStatusChange[];
  /** Venue's own id (broker order id), when different from `id`. */
  readonly venueOrderId?: string;
}

/** Zod schema of an {@link OrderStatusChange}. */
export const OrderStatusChangeSchema = z.object({
  status: OrderStatusSchema,
  time: z.number().int(),
  reason: z.string().optional(),
  filledQuantity: z.number().int().nonnegative(),
});

/**
 * Zod schema of an {@link Order}: a non-empty history in time order that ends in the current
 * status and filled quantity, never past a terminal status, never filling more than ordered.
 */
export const OrderSchema = z
  .object({
    kind: z.literal('order'),
    id: z.string().min(1),
    intent: OrderIntentSchema,
    status: OrderStatusSchema,
    filledQuantity: z.number().int().nonnegative(),
    averagePrice: z.number().nonnegative(),
    history: z.array(OrderStatusChangeSchema).min(1),
    venueOrderId: z.string().min(1).optional(),
  })
  .superRefine((o, ctx) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const ordered = o.intent.quantity;
    if (o.filledQuantity > ordered)
      issue(['filledQuantity'], `exceeds the ordered quantity ${ordered}`);
    if (o.status === 'FILLED' && o.filledQuantity !== ordered) {
      issue(['filledQuantity'], `a FILLED order has filled its whole quantity ${ordered}`);
    }
    if (o.filledQuantity > 0 !== o.averagePrice > 0) {
      issue(['averagePrice'], 'must be > 0 exactly when something filled');
    }
    const last = o.history[o.history.length - 1];
    if (last !== undefined && last.status !== o.status) {
      issue(['status'], `must equal the last history status ${last.status}`);
    }
    if (last !== undefined && last.filledQuantity !== o.filledQuantity) {
      issue(['filledQuantity'], `must equal the last history entry's ${last.filledQuantity}`);
    }
    for (let i = 1; i < o.history.length; i++) {
      const previous = o.history[i - 1];
      const change = o.history[i];
      if (previous === undefined || change === undefined) continue;
      if (change.time < previous.time)
        issue(['history', i, 'time'], 'history must be in time order');
      if (change.filledQuantity < previous.filledQuantity) {
        issue(['history', i, 'filledQuantity'], 'filled quantity never decreases');
      }
      if (TERMINAL_ORDER_STATUSES.has(previous.status)) {
        issue(
          ['history', i, 'status'],
          `nothing can follow the terminal status ${previous.status}`,
        );
      }
    }
  });

/**
 * Validates an order snapshot and returns it deep-frozen; throws a ValidationError otherwise.
 *
 * @example
 * ```ts
 * const order = parseOrder({ kind: 'order', id: 'o-1', intent, status: 'OPEN', filledQuantity: 0,
 *   averagePrice: 0, history: [{ status: 'OPEN', time: intent.time, filledQuantity: 0 }] });
 * ```
 */
export function parseOrder(input: unknown): Order {
  return freezeMessage(parseWith(OrderSchema, input, 'order'));
}
