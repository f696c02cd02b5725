import type { OrderRequest } from '@pravah/brokers';
import type { OrderIntent } from '@pravah/sdk';

/**
 * The broker request for one slice of an intent.
 *
 * @example
 * ```ts
 * orderRequestFromIntent(intent, 1800, 'P1x9k2ab11x1').quantity; // 1800
 * ```
 */
export function orderRequestFromIntent(
  intent: OrderIntent,
  quantity: number,
  tag: string,
): OrderRequest {
  return Object.freeze({
    instrument: intent.instrument,
    side: intent.side,
    quantity,
    orderType: intent.orderType,
    product: intent.product,
    validity: intent.validity,
    ...(intent.price === undefined ? {} : { price: intent.price }),
    ...(intent.triggerPrice === undefined ? {} : { triggerPrice: intent.triggerPrice }),
    tag,
  });
}
