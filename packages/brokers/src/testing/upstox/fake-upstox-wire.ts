import type { InstrumentId } from '@pravah/sdk';
import type { BrokerOrder } from '../../port/order-request.js';
import { upstoxStatusOf } from '../../upstox/wire/enums.js';
import type { FakePosition, FakeTrade } from '../fake-exchange/fake-types.js';

/** What the fake knows about an instrument to print it on the wire. */
export interface FakeListing {
  readonly key: string;
  readonly id: InstrumentId;
  readonly segment: string;
  readonly tradingSymbol: string;
  readonly isin?: string;
}

const IST_OFFSET_MS = 19_800_000;

/** `YYYY-MM-DD HH:mm:ss` IST, the order book's time format. */
export function istWallTime(epochMs: number): string {
  return new Date(epochMs + IST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** `YYYY-MM-DDTHH:mm:ss+05:30`, the candle and quote time format. */
export function istIso(epochMs: number): string {
  return `${new Date(epochMs + IST_OFFSET_MS).toISOString().slice(0, 19)}+05:30`;
}

function wireExchange(id: InstrumentId): string {
  return id.slice(0, id.indexOf(':'));
}

/** A fake order as the v2 order book prints it. */
export function wireOrder(order: BrokerOrder, listing: FakeListing): Record<string, unknown> {
  return {
    exchange: wireExchange(order.instrument),
    product: order.product === 'MIS' ? 'I' : 'D',
    price: order.price,
    quantity: order.quantity,
    status: upstoxStatusOf(order.status),
    guid: null,
    tag: order.tag ?? null,
    instrument_token: listing.key,
    placed_by: 'FAKE01',
    trading_symbol: listing.tradingSymbol,
    tradingsymbol: listing.tradingSymbol,
    order_type: order.orderType,
    validity: order.validity,
    trigger_price: order.triggerPrice,
    disclosed_quantity: 0,
    transaction_type: order.side,
    average_price: order.averagePrice,
    filled_quantity: order.filledQuantity,
    pending_quantity: order.pendingQuantity,
    status_message: order.statusMessage ?? null,
    status_message_raw: order.statusMessage ?? null,
    exchange_order_id: order.exchangeOrderId ?? '',
    parent_order_id: null,
    order_id: order.orderId,
    variety: 'SIMPLE',
    order_timestamp: istWallTime(order.placedAt),
    exchange_timestamp: istWallTime(order.updatedAt),
    is_amo: order.variety === 'amo',
    order_request_id: '1',
    order_ref_id: `UDAPI-${order.orderId}`,
  };
}

/** A fake execution as get-trades-for-day prints it. */
export function wireTrade(
  trade: FakeTrade,
  listing: FakeListing,
  orderType: string,
): Record<string, unknown> {
  return {
    exchange: wireExchange(trade.instrument),
    product: trade.product === 'MIS' ? 'I' : 'D',
    trading_symbol: listing.tradingSymbol,
    tradingsymbol: listing.tradingSymbol,
    instrument_token: listing.key,
    order_type: orderType,
    transaction_type: trade.side,
    quantity: trade.quantity,
    exchange_order_id: trade.exchangeOrderId,
    order_id: trade.orderId,
    exchange_timestamp: istWallTime(trade.time),
    average_price: trade.price,
    trade_id: trade.tradeId,
    order_ref_id: `UDAPI-${trade.orderId}`,
    order_timestamp: istWallTime(trade.time),
  };
}

/** A fake position as short-term-positions prints it (everything in the fake is "today"). */
export function wirePosition(p: FakePosition, listing: FakeListing): Record<string, unknown> {
  const buyPrice = p.buyQuantity === 0 ? 0 : p.buyValue / p.buyQuantity;
  const sellPrice = p.sellQuantity === 0 ? 0 : p.sellValue / p.sellQuantity;
  const unrealised = p.quantity * (p.lastPrice - p.averagePrice);
  return {
    exchange: wireExchange(p.instrument),
    multiplier: 1,
    value: p.sellValue - p.buyValue,
    pnl: p.realised + unrealised,
    product: p.product === 'MIS' ? 'I' : 'D',
    instrument_token: listing.key,
    average_price: p.averagePrice,
    quantity: p.quantity,
    last_price: p.lastPrice,
    unrealised,
    realised: p.realised,
    buy_value: p.buyValue,
    buy_price: buyPrice,
    sell_value: p.sellValue,
    sell_price: sellPrice,
    close_price: p.lastPrice,
    overnight_quantity: 0,
    overnight_buy_amount: 0,
    overnight_buy_quantity: 0,
    overnight_sell_amount: 0,
    overnight_sell_quantity: 0,
    day_buy_value: p.buyValue,
    day_buy_price: buyPrice,
    day_buy_quantity: p.buyQuantity,
    day_sell_value: p.sellValue,
    day_sell_price: sellPrice,
    day_sell_quantity: p.sellQuantity,
    tradingsymbol: listing.tradingSymbol,
    trading_symbol: listing.tradingSymbol,
  };
}

/** `{status:"error", errors:[…]}` with both key spellings, as Upstox emits it. */
export function wireError(
  code: string,
  message: string,
  propertyPath: string | null = null,
): string {
  return JSON.stringify({
    status: 'error',
    errors: [
      {
        error_code: code,
        message,
        property_path: propertyPath,
        invalid_value: null,
        errorCode: code,
        propertyPath,
        invalidValue: null,
      },
    ],
  });
}
