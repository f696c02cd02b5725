import type { Order } from '../model/order.js';
import type { OrderIntent } from '../model/order-intent.js';

/** Options of {@link cancelIntent}. */
export interface CancelIntentOptions {
  /** Id of the cancel intent itself (deterministic, unique within the run). */
  readonly id: string;
  /** Clock time it is created at. */
  readonly time: number;
  readonly reason: string;
}

/**
 * An intent that cancels an open order and places nothing.
 *
 * Venues read `cancelId` as cancel/replace: the named order is cancelled (and the intent
 * rejected if that order is no longer open), then the intent itself is placed. A pure cancel is
 * therefore a replacement that is held on the very order it cancels (`parentId` = `cancelId`):
 * that parent can no longer fill, so the replacement is cancelled with it and never becomes
 * active, in whichever order a venue applies the two fields. The other fields repeat the
 * cancelled order's, so the intent is valid as an order. It is reduce-only, so risk halts let it
 * through.
 *
 * @example
 * ```ts
 * const stale = ctx.portfolio.openOrders('NSE:INFY')[0];
 * if (stale) emit(cancelIntent(stale, { id: 'mkt-NSE:INFY-7', time: ctx.clock.now(), reason: 'target changed' }));
 * ```
 */
export function cancelIntent(order: Order, options: CancelIntentOptions): OrderIntent {
  const intent = order.intent;
  return {
    kind: 'intent',
    id: options.id,
    instrument: intent.instrument,
    time: options.time,
    side: intent.side,
    quantity: intent.quantity,
    orderType: intent.orderType,
    ...(intent.price !== undefined ? { price: intent.price } : {}),
    ...(intent.triggerPrice !== undefined ? { triggerPrice: intent.triggerPrice } : {}),
    product: intent.product,
    validity: intent.validity,
    reduceOnly: true,
    cancelId: order.id,
    parentId: order.id,
    reason: `cancel ${order.id}: ${options.reason}`,
  };
}
