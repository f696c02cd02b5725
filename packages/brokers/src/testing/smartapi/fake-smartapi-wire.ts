import type { InstrumentId, OrderStatus } from '@pravah/sdk';
import type { BrokerOrder } from '../../port/order-request.js';
import type { FakePosition, FakeTrade } from '../fake-exchange/index.js';
import { fakeExchangeCode, type FakeScripRecord } from './fake-smartapi-scrips.js';

// How the fake says things on the wire (BROKERS.md §3.2-3.3), written from the reference, not
// from the adapter's mapping tables.

/** SDK id of a scrip record: cash symbols without the `-EQ` suffix, index names upper-cased. */
export function fakeInstrumentId(record: FakeScripRecord): InstrumentId {
  const exchange = fakeExchangeCode(record.exch_seg);
  let symbol = record.symbol.toUpperCase();
  if ((exchange === 'NSE' || exchange === 'BSE') && symbol.endsWith('-EQ'))
    symbol = symbol.slice(0, -3);
  return `${exchange}:${symbol}` as InstrumentId;
}

export const WIRE_PRODUCT = { MIS: 'INTRADAY', CNC: 'DELIVERY', NRML: 'CARRYFORWARD' } as const;
export const SDK_PRODUCT: Readonly<Record<string, 'MIS' | 'CNC' | 'NRML'>> = {
  INTRADAY: 'MIS',
  DELIVERY: 'CNC',
  CARRYFORWARD: 'NRML',
};
export const WIRE_ORDER_TYPE = {
  MARKET: 'MARKET',
  LIMIT: 'LIMIT',
  SL: 'STOPLOSS_LIMIT',
  'SL-M': 'STOPLOSS_MARKET',
} as const;
export const SDK_ORDER_TYPE: Readonly<Record<string, 'MARKET' | 'LIMIT' | 'SL' | 'SL-M'>> = {
  MARKET: 'MARKET',
  LIMIT: 'LIMIT',
  STOPLOSS_LIMIT: 'SL',
  STOPLOSS_MARKET: 'SL-M',
};

const WIRE_STATUS: Readonly<Record<OrderStatus, string>> = {
  PENDING: 'open pending',
  OPEN: 'open',
  PARTIALLY_FILLED: 'open',
  TRIGGER_PENDING: 'trigger pending',
  FILLED: 'complete',
  CANCELLED: 'cancelled',
  REJECTED: 'rejected',
  EXPIRED: 'cancelled',
};

/** Order-update socket code of a status (AB01 open ... AB10 trigger pending). */
export function updateCodeOf(status: OrderStatus): string {
  const codes: Readonly<Record<OrderStatus, string>> = {
    PENDING: 'AB09',
    OPEN: 'AB01',
    PARTIALLY_FILLED: 'AB01',
    TRIGGER_PENDING: 'AB10',
    FILLED: 'AB05',
    CANCELLED: 'AB02',
    REJECTED: 'AB03',
    EXPIRED: 'AB02',
  };
  return codes[status];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `20-Oct-2020 13:10:59` in IST. */
export function wireDateTime(epochMs: number): string {
  const ist = new Date(epochMs + 19_800_000);
  const dd = String(ist.getUTCDate()).padStart(2, '0');
  return `${dd}-${MONTHS[ist.getUTCMonth()]}-${ist.getUTCFullYear()} ${wireTime(epochMs)}`;
}

/** `13:10:59` in IST. */
export function wireTime(epochMs: number): string {
  return new Date(epochMs + 19_800_000).toISOString().slice(11, 19);
}

/**
 * An order as SmartAPI reports it. The order book sends numbers as strings (`"194.00"`); the
 * details route and postbacks send JSON numbers (BROKERS.md §3.2), hence `numbers`.
 */
export function wireOrder(
  order: BrokerOrder,
  record: FakeScripRecord,
  variety: string,
  numbers: 'text' | 'json',
): Record<string, string | number> {
  const num = (value: number, decimals: number): string | number =>
    numbers === 'json' ? value : value.toFixed(decimals);
  const status = WIRE_STATUS[order.status];
  return {
    variety,
    ordertype: WIRE_ORDER_TYPE[order.orderType],
    producttype: WIRE_PRODUCT[order.product],
    duration: order.validity,
    price: num(order.price, 2),
    triggerprice: num(order.triggerPrice, 2),
    quantity: num(order.quantity, 0),
    disclosedquantity: num(0, 0),
    squareoff: num(0, 2),
    stoploss: num(0, 2),
    trailingstoploss: num(0, 2),
    tradingsymbol: record.symbol,
    transactiontype: order.side,
    exchange: fakeExchangeCode(record.exch_seg),
    symboltoken: record.token,
    ordertag: order.tag ?? '',
    instrumenttype: record.instrumenttype,
    strikeprice: num(Number(record.strike), 2),
    optiontype: record.symbol.endsWith('CE') ? 'CE' : record.symbol.endsWith('PE') ? 'PE' : '',
    expirydate: record.expiry,
    lotsize: num(Number(record.lotsize), 0),
    cancelsize: num(order.cancelledQuantity, 0),
    averageprice: num(order.averagePrice, 2),
    filledshares: num(order.filledQuantity, 0),
    unfilledshares: num(order.pendingQuantity, 0),
    orderid: order.orderId,
    text: order.statusMessage ?? '',
    status,
    orderstatus: status,
    updatetime: wireDateTime(order.updatedAt),
    exchtime: wireDateTime(order.placedAt),
    exchorderupdatetime: wireDateTime(order.updatedAt),
    fillid: '',
    filltime: '',
    parentorderid: '',
    uniqueorderid: uniqueOrderId(order.orderId),
    exchangeorderid: order.exchangeOrderId ?? '',
  };
}

/** The fake's `uniqueorderid` (a UUID at SmartAPI). */
export function uniqueOrderId(orderId: string): string {
  const hex = Buffer.from(orderId).toString('hex').padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A trade book row: fill price a JSON number, size as text (the docs do not fix either). */
export function wireTrade(
  trade: FakeTrade,
  record: FakeScripRecord,
): Record<string, string | number> {
  return {
    exchange: fakeExchangeCode(record.exch_seg),
    producttype: WIRE_PRODUCT[trade.product],
    tradingsymbol: record.symbol,
    instrumenttype: record.instrumenttype,
    symbolgroup: 'EQ',
    strikeprice: record.strike,
    optiontype: '',
    expirydate: record.expiry,
    marketlot: record.lotsize,
    precision: '2',
    multiplier: '-1',
    tradevalue: (trade.price * trade.quantity).toFixed(2),
    transactiontype: trade.side,
    fillprice: trade.price,
    fillsize: String(trade.quantity),
    orderid: trade.orderId,
    fillid: trade.tradeId,
    filltime: wireTime(trade.time),
  };
}

/** A position row: every number as text. */
export function wirePosition(p: FakePosition, record: FakeScripRecord): Record<string, string> {
  const buyAvg = p.buyQuantity > 0 ? p.buyValue / p.buyQuantity : 0;
  const sellAvg = p.sellQuantity > 0 ? p.sellValue / p.sellQuantity : 0;
  return {
    exchange: fakeExchangeCode(record.exch_seg),
    symboltoken: record.token,
    producttype: WIRE_PRODUCT[p.product],
    tradingsymbol: record.symbol,
    symbolname: record.name,
    instrumenttype: record.instrumenttype,
    priceden: '1.00',
    pricenum: '1.00',
    genden: '1.00',
    gennum: '1.00',
    precision: '2',
    multiplier: '-1',
    boardlotsize: record.lotsize,
    buyqty: String(p.buyQuantity),
    sellqty: String(p.sellQuantity),
    buyamount: p.buyValue.toFixed(2),
    sellamount: p.sellValue.toFixed(2),
    symbolgroup: 'EQ',
    strikeprice: record.strike,
    optiontype: '',
    expirydate: record.expiry,
    lotsize: record.lotsize,
    cfbuyqty: '0',
    cfsellqty: '0',
    cfbuyamount: '0.00',
    cfsellamount: '0.00',
    buyavgprice: buyAvg.toFixed(2),
    sellavgprice: sellAvg.toFixed(2),
    avgnetprice: p.averagePrice.toFixed(2),
    netvalue: (p.sellValue - p.buyValue).toFixed(2),
    netqty: String(p.quantity),
    totalbuyvalue: p.buyValue.toFixed(2),
    totalsellvalue: p.sellValue.toFixed(2),
    netprice: p.averagePrice.toFixed(2),
    ltp: p.lastPrice.toFixed(2),
    realised: p.realised.toFixed(2),
  };
}
