import { instrumentIdProblem, type InstrumentId } from '@pravah/sdk';
import { BrokerPayloadError, InputRejectedError } from '../errors/broker-errors.js';
import {
  CLIENT_TAG_PATTERN,
  type BrokerOrder,
  type OrderModification,
  type OrderRequest,
} from '../port/order-request.js';
import {
  durationFromSmartApi,
  durationToSmartApi,
  exchangeFromSmartApi,
  exchangeToSmartApi,
  orderStatusFromSmartApi,
  orderTypeFromSmartApi,
  orderTypeToSmartApi,
  productFromSmartApi,
  productToSmartApi,
  sideFromSmartApi,
  varietyFromSmartApi,
  varietyToSmartApi,
} from './smartapi-enums.js';
import { sdkSymbolOf, type SmartApiInstrument } from './smartapi-instruments.js';
import { parseSmartApiTime } from './smartapi-time.js';
import type { WireOrder } from './smartapi-wire-schemas.js';

/**
 * SDK instrument id of a SmartAPI exchange and trading symbol.
 *
 * @example
 * ```ts
 * instrumentOfWire('NSE', 'SBIN-EQ'); // 'NSE:SBIN'
 * ```
 */
export function instrumentOfWire(exchange: string, tradingSymbol: string): InstrumentId {
  const sdkExchange = exchangeFromSmartApi(exchange);
  const id = `${sdkExchange}:${sdkSymbolOf(sdkExchange, tradingSymbol)}`;
  const problem = instrumentIdProblem(id);
  if (problem !== undefined) {
    throw new BrokerPayloadError('smartapi', 'tradingsymbol', [`${tradingSymbol}: ${problem}`]);
  }
  return id as InstrumentId;
}

/** ADOC: ordertag "should be less than 20 characters", one fewer than the port allows. */
export const SMARTAPI_TAG_LIMIT = 20;

const TERMINAL = new Set(['FILLED', 'CANCELLED', 'REJECTED', 'EXPIRED']);

/**
 * Maps an order of the order book, `details` or the order-update socket to a BrokerOrder.
 *
 * @example
 * ```ts
 * const order = mapWireOrder(row); // row validated by WireOrderSchema
 * order.status; // e.g. 'OPEN'
 * ```
 */
export function mapWireOrder(order: WireOrder, now: number = Date.now()): BrokerOrder {
  const statusText = order.status !== '' ? order.status : order.orderstatus;
  if (statusText === '') {
    throw new BrokerPayloadError('smartapi', 'order', [`order ${order.orderid} has no status`]);
  }
  const filled = order.filledshares;
  const status = orderStatusFromSmartApi(statusText, filled);
  const open = !TERMINAL.has(status);
  const pending = open
    ? order.unfilledshares > 0
      ? order.unfilledshares
      : order.quantity - filled
    : 0;
  const cancelled =
    order.cancelsize > 0 ? order.cancelsize : status === 'CANCELLED' ? order.quantity - filled : 0;
  const updatedAt =
    parseSmartApiTime(order.updatetime, now) ??
    parseSmartApiTime(order.exchorderupdatetime, now) ??
    now;
  const placedAt = parseSmartApiTime(order.exchtime, now) ?? updatedAt;
  return Object.freeze({
    orderId: order.orderid,
    ...(order.exchangeorderid === '' ? {} : { exchangeOrderId: order.exchangeorderid }),
    ...(order.ordertag === '' ? {} : { tag: order.ordertag }),
    instrument: instrumentOfWire(order.exchange, order.tradingsymbol),
    side: sideFromSmartApi(order.transactiontype),
    orderType: orderTypeFromSmartApi(order.ordertype),
    product: productFromSmartApi(order.producttype),
    validity: durationFromSmartApi(order.duration),
    variety: varietyFromSmartApi(order.variety),
    quantity: order.quantity,
    filledQuantity: filled,
    pendingQuantity: pending,
    cancelledQuantity: cancelled,
    price: order.price,
    triggerPrice: order.triggerprice,
    averagePrice: order.averageprice,
    status,
    ...(order.text === '' ? {} : { statusMessage: order.text }),
    placedAt: Math.min(placedAt, updatedAt),
    updatedAt,
  });
}

function rejectInput(message: string): never {
  throw new InputRejectedError(message, { broker: 'smartapi' });
}

/** Price as SmartAPI expects it: a decimal string. */
function priceText(value: number | undefined): string {
  return value === undefined ? '0' : String(value);
}

/**
 * The placeOrder body of an SDK order (every value a string, as ADOC samples send them); the
 * client tag goes in `ordertag`.
 *
 * @example
 * ```ts
 * placeOrderBody(request, sbin).ordertag; // request.tag
 * ```
 */
export function placeOrderBody(
  request: OrderRequest,
  entry: SmartApiInstrument,
): Record<string, string> {
  if (!CLIENT_TAG_PATTERN.test(request.tag)) {
    rejectInput(`client tag ${JSON.stringify(request.tag)} must be 1-20 letters or digits`);
  }
  if (request.tag.length >= SMARTAPI_TAG_LIMIT) {
    rejectInput(
      `client tag ${JSON.stringify(request.tag)} is ${request.tag.length} characters; SmartAPI's ordertag must be shorter than ${SMARTAPI_TAG_LIMIT}`,
    );
  }
  if (!Number.isInteger(request.quantity) || request.quantity <= 0) {
    rejectInput(`quantity must be a positive integer, got ${request.quantity}`);
  }
  const needsPrice = request.orderType === 'LIMIT' || request.orderType === 'SL';
  const needsTrigger = request.orderType === 'SL' || request.orderType === 'SL-M';
  if (needsPrice && !(request.price !== undefined && request.price > 0)) {
    rejectInput(`${request.orderType} orders need a price > 0`);
  }
  if (needsTrigger && !(request.triggerPrice !== undefined && request.triggerPrice > 0)) {
    rejectInput(`${request.orderType} orders need a trigger price > 0`);
  }
  return {
    variety: varietyToSmartApi(request.variety ?? 'regular', request.orderType),
    tradingsymbol: entry.wireSymbol,
    symboltoken: entry.token,
    transactiontype: request.side,
    exchange: exchangeToSmartApi(entry.instrument.exchange),
    ordertype: orderTypeToSmartApi(request.orderType),
    producttype: productToSmartApi(request.product),
    duration: durationToSmartApi(request.validity),
    price: needsPrice ? priceText(request.price) : '0',
    triggerprice: needsTrigger ? priceText(request.triggerPrice) : '0',
    squareoff: '0',
    stoploss: '0',
    quantity: String(request.quantity),
    ordertag: request.tag,
  };
}

/**
 * The modifyOrder body: SmartAPI wants the whole order again, so unchanged fields come from the
 * current order.
 *
 * @example
 * ```ts
 * modifyOrderBody(current, { price: 101.5 }).price; // '101.5'
 * ```
 */
export function modifyOrderBody(
  current: WireOrder,
  changes: OrderModification,
): Record<string, string> {
  const orderType = changes.orderType ?? orderTypeFromSmartApi(current.ordertype);
  const quantity = changes.quantity ?? current.quantity;
  if (!Number.isInteger(quantity) || quantity <= 0) {
    rejectInput(`quantity must be a positive integer, got ${quantity}`);
  }
  const body: Record<string, string> = {
    variety: current.variety,
    orderid: current.orderid,
    ordertype: orderTypeToSmartApi(orderType),
    producttype: current.producttype,
    duration:
      changes.validity === undefined ? current.duration : durationToSmartApi(changes.validity),
    price: priceText(changes.price ?? current.price),
    quantity: String(quantity),
    tradingsymbol: current.tradingsymbol,
    symboltoken: current.symboltoken,
    exchange: current.exchange,
  };
  const trigger = changes.triggerPrice ?? current.triggerprice;
  if (orderType === 'SL' || orderType === 'SL-M') body.triggerprice = priceText(trigger);
  return body;
}
