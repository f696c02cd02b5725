import { splitInstrumentId, type InstrumentId } from '@pravah/sdk';
import { epochToKiteTime } from '../../kite/wire/kite-time.js';
import { orderStatusToKite } from '../../kite/mapping/kite-enums.js';
import type { BrokerOrder } from '../../port/order-request.js';
import type { FakePosition, FakeTrade } from '../fake-exchange/fake-types.js';

/** Instrument token lookup used while writing wire bodies; unknown instruments get 0. */
export type TokenOf = (instrument: InstrumentId) => number;

/**
 * A fake-book order as Kite's order object (the shape of KMK `orders.json`).
 *
 * @example
 * ```ts
 * kiteOrderJson(order, () => 408065).status; // 'COMPLETE'
 * ```
 */
export function kiteOrderJson(order: BrokerOrder, tokenOf: TokenOf): Record<string, unknown> {
  const { exchange, symbol } = splitInstrumentId(order.instrument);
  return {
    placed_by: 'FAKE01',
    order_id: order.orderId,
    exchange_order_id: order.exchangeOrderId ?? null,
    parent_order_id: null,
    status: orderStatusToKite(order.status),
    status_message: order.statusMessage ?? null,
    status_message_raw: order.statusMessage ?? null,
    order_timestamp: epochToKiteTime(order.placedAt),
    exchange_update_timestamp: epochToKiteTime(order.updatedAt),
    exchange_timestamp: epochToKiteTime(order.updatedAt),
    variety: order.variety,
    modified: false,
    exchange,
    tradingsymbol: symbol,
    instrument_token: tokenOf(order.instrument),
    order_type: order.orderType,
    transaction_type: order.side,
    validity: order.validity,
    validity_ttl: 0,
    product: order.product,
    quantity: order.quantity,
    disclosed_quantity: 0,
    price: order.price,
    trigger_price: order.triggerPrice,
    average_price: order.averagePrice,
    filled_quantity: order.filledQuantity,
    pending_quantity: order.pendingQuantity,
    cancelled_quantity: order.cancelledQuantity,
    market_protection: 0,
    meta: {},
    tag: order.tag ?? null,
    tags: order.tag === undefined ? [] : [order.tag],
    guid: `fake-${order.orderId}`,
  };
}

/**
 * A fake-book trade as Kite's trade object (KMK `trades.json`).
 *
 * @example
 * ```ts
 * kiteTradeJson(trade, () => 0).average_price; // trade.price
 * ```
 */
export function kiteTradeJson(trade: FakeTrade, tokenOf: TokenOf): Record<string, unknown> {
  const { exchange, symbol } = splitInstrumentId(trade.instrument);
  const time = epochToKiteTime(trade.time);
  return {
    trade_id: trade.tradeId,
    order_id: trade.orderId,
    exchange,
    tradingsymbol: symbol,
    instrument_token: tokenOf(trade.instrument),
    product: trade.product,
    average_price: trade.price,
    quantity: trade.quantity,
    exchange_order_id: trade.exchangeOrderId,
    transaction_type: trade.side,
    fill_timestamp: time,
    order_timestamp: time.slice(11),
    exchange_timestamp: time,
  };
}

/**
 * A fake-book position as Kite's position row (KMK `positions.json`); everything is "today".
 *
 * @example
 * ```ts
 * kitePositionJson(position, () => 0).quantity; // position.quantity
 * ```
 */
export function kitePositionJson(p: FakePosition, tokenOf: TokenOf): Record<string, unknown> {
  const { exchange, symbol } = splitInstrumentId(p.instrument);
  const buyPrice = p.buyQuantity === 0 ? 0 : p.buyValue / p.buyQuantity;
  const sellPrice = p.sellQuantity === 0 ? 0 : p.sellValue / p.sellQuantity;
  const unrealised = p.quantity * (p.lastPrice - p.averagePrice);
  return {
    tradingsymbol: symbol,
    exchange,
    instrument_token: tokenOf(p.instrument),
    product: p.product,
    quantity: p.quantity,
    overnight_quantity: 0,
    multiplier: 1,
    average_price: p.averagePrice,
    close_price: 0,
    last_price: p.lastPrice,
    value: p.sellValue - p.buyValue,
    pnl: p.realised + unrealised,
    m2m: p.realised + unrealised,
    unrealised,
    realised: p.realised,
    buy_quantity: p.buyQuantity,
    buy_price: buyPrice,
    buy_value: p.buyValue,
    buy_m2m: p.buyValue,
    sell_quantity: p.sellQuantity,
    sell_price: sellPrice,
    sell_value: p.sellValue,
    sell_m2m: p.sellValue,
    day_buy_quantity: p.buyQuantity,
    day_buy_price: buyPrice,
    day_buy_value: p.buyValue,
    day_sell_quantity: p.sellQuantity,
    day_sell_price: sellPrice,
    day_sell_value: p.sellValue,
  };
}
