import type { BrokerOrder, OrderRequest, OrderModification } from '../../port/order-request.js';
import type { KiteOrder } from '../wire/order-wire.js';
import {
  orderStatusFromKite,
  orderTypeFromKite,
  productFromKite,
  sideFromKite,
  validityFromKite,
  varietyFromKite,
} from './kite-enums.js';
import { kiteInstrumentId } from './kite-instrument-id.js';
import { splitInstrumentId } from '@pravah/sdk';

/**
 * A Kite order (book, history or postback) as a port {@link BrokerOrder}.
 *
 * @example
 * ```ts
 * const order = brokerOrderFromKite(wire); // { orderId: '151220000000000', status: 'FILLED', ... }
 * ```
 */
export function brokerOrderFromKite(o: KiteOrder): BrokerOrder {
  const updatedAt = o.exchange_update_timestamp ?? o.exchange_timestamp ?? o.order_timestamp;
  return {
    orderId: o.order_id,
    ...(o.exchange_order_id ? { exchangeOrderId: o.exchange_order_id } : {}),
    ...(o.tag ? { tag: o.tag } : {}),
    instrument: kiteInstrumentId(o.exchange, o.tradingsymbol),
    side: sideFromKite(o.transaction_type),
    orderType: orderTypeFromKite(o.order_type),
    product: productFromKite(o.product),
    validity: validityFromKite(o.validity),
    variety: varietyFromKite(o.variety),
    quantity: o.quantity,
    filledQuantity: o.filled_quantity,
    pendingQuantity: o.pending_quantity,
    cancelledQuantity: o.cancelled_quantity,
    price: o.price,
    triggerPrice: o.trigger_price,
    averagePrice: o.average_price,
    status: orderStatusFromKite(o.status, o.filled_quantity),
    ...(o.status_message ? { statusMessage: o.status_message } : {}),
    placedAt: o.order_timestamp,
    updatedAt,
  };
}

/**
 * The form fields of `POST /orders/{variety}` for a placement (prices only where they apply).
 *
 * @example
 * ```ts
 * placeOrderForm({ instrument: 'NSE:INFY', side: 'BUY', quantity: 1, orderType: 'LIMIT',
 *   price: 1500, product: 'CNC', validity: 'DAY', tag: 'a1' }).get('price'); // '1500'
 * ```
 */
export function placeOrderForm(request: OrderRequest): URLSearchParams {
  const { exchange, symbol } = splitInstrumentId(request.instrument);
  const form = new URLSearchParams({
    exchange,
    tradingsymbol: symbol,
    transaction_type: request.side,
    quantity: String(request.quantity),
    product: request.product,
    order_type: request.orderType,
    validity: request.validity,
    tag: request.tag,
  });
  if (request.price !== undefined) form.set('price', String(request.price));
  if (request.triggerPrice !== undefined) form.set('trigger_price', String(request.triggerPrice));
  if (request.validity === 'TTL' && request.validityTtlMinutes !== undefined) {
    form.set('validity_ttl', String(request.validityTtlMinutes));
  }
  return form;
}

/**
 * The form fields of `PUT /orders/{variety}/{id}`: only what changes.
 *
 * @example
 * ```ts
 * modifyOrderForm({ price: 1490 }).toString(); // 'price=1490'
 * ```
 */
export function modifyOrderForm(changes: OrderModification): URLSearchParams {
  const form = new URLSearchParams();
  if (changes.quantity !== undefined) form.set('quantity', String(changes.quantity));
  if (changes.price !== undefined) form.set('price', String(changes.price));
  if (changes.triggerPrice !== undefined) form.set('trigger_price', String(changes.triggerPrice));
  if (changes.orderType !== undefined) form.set('order_type', changes.orderType);
  if (changes.validity !== undefined) form.set('validity', changes.validity);
  return form;
}
