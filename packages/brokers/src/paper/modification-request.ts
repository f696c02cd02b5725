import { InputRejectedError } from '../errors/broker-errors.js';
import type { BrokerOrder, OrderModification, OrderRequest } from '../port/order-request.js';
import type { PaperOrderRecord } from './paper-snapshot.js';

/**
 * The request for the exchange order that replaces an open order's live one: the changed
 * fields over the current ones, for the quantity not yet filled (a modification's quantity is
 * the order's new total, as at Kite). Prices that the new order type does not take are dropped.
 * Throws InputRejectedError when the new total does not exceed what already filled.
 *
 * @example
 * ```ts
 * modificationRequest(record, view, { price: 3100 }, { price: 3105 }); // same order, limit 3100
 * ```
 */
export function modificationRequest(
  record: PaperOrderRecord,
  current: BrokerOrder,
  changes: OrderModification,
  live: { readonly price?: number; readonly triggerPrice?: number },
): OrderRequest {
  const orderType = changes.orderType ?? current.orderType;
  const quantity = changes.quantity ?? current.quantity;
  if (!(quantity > current.filledQuantity)) {
    const message = `quantity ${quantity} must exceed the ${current.filledQuantity} already filled`;
    throw new InputRejectedError(message, {
      broker: 'paper',
      brokerCode: 'INVALID_QUANTITY',
      brokerMessage: message,
    });
  }
  const price = changes.price ?? live.price;
  const trigger = changes.triggerPrice ?? live.triggerPrice;
  const takesPrice = orderType === 'LIMIT' || orderType === 'SL';
  const takesTrigger = orderType === 'SL' || orderType === 'SL-M';
  return {
    instrument: current.instrument,
    side: current.side,
    quantity: quantity - current.filledQuantity,
    orderType,
    product: current.product,
    validity: changes.validity ?? record.validity,
    ...(record.validityTtlMinutes !== undefined
      ? { validityTtlMinutes: record.validityTtlMinutes }
      : {}),
    ...(takesPrice && price !== undefined ? { price } : {}),
    ...(takesTrigger && trigger !== undefined ? { triggerPrice: trigger } : {}),
    tag: record.tag ?? 'paper',
  };
}
