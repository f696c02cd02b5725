import Decimal from 'decimal.js';
import {
  instrumentIdProblem,
  type Bar,
  type Fill,
  type InstrumentId,
  type Position,
  type Tick,
  type Timeframe,
} from '@pravah/sdk';
import { BrokerPayloadError } from '../../errors/broker-errors.js';
import type { Funds, Holding } from '../../port/account.js';
import type { BrokerOrder } from '../../port/order-request.js';
import type { UpstoxInstrumentKeys } from '../instruments/instrument-keys.js';
import {
  upstoxExchange,
  upstoxOrderStatus,
  upstoxOrderType,
  upstoxProduct,
  upstoxSide,
  upstoxValidity,
} from './enums.js';
import type {
  UpstoxHolding,
  UpstoxOrder,
  UpstoxPosition,
  UpstoxQuote,
  UpstoxTrade,
} from './schemas.js';
import { upstoxTime } from './wire-time.js';

interface InstrumentFields {
  readonly exchange: string;
  readonly instrument_token: string;
  readonly trading_symbol?: string | null | undefined;
  readonly tradingsymbol?: string | null | undefined;
}

/**
 * The SDK id of a wire record: through the instrument key when the master is loaded, else
 * `EXCHANGE:trading_symbol`.
 *
 * @example
 * ```ts
 * upstoxInstrumentId({ exchange: 'NSE', instrument_token: 'NSE_EQ|INE002A01018', trading_symbol: 'RELIANCE' }, keys);
 * ```
 */
export function upstoxInstrumentId(
  record: InstrumentFields,
  keys: UpstoxInstrumentKeys,
): InstrumentId {
  const known = keys.idOf(record.instrument_token);
  if (known !== undefined) return known;
  const symbol = (record.trading_symbol ?? record.tradingsymbol ?? '').toUpperCase();
  const id = `${upstoxExchange(record.exchange)}:${symbol}`;
  const problem = instrumentIdProblem(id);
  if (problem !== undefined) {
    throw new BrokerPayloadError('upstox', 'instrument', [
      `${record.instrument_token}: ${problem}`,
    ]);
  }
  return id as InstrumentId;
}

/**
 * Maps an order-book entry to a {@link BrokerOrder}.
 *
 * @example
 * ```ts
 * const order = toBrokerOrder(wireOrder, keys);
 * ```
 */
export function toBrokerOrder(o: UpstoxOrder, keys: UpstoxInstrumentKeys): BrokerOrder {
  const instrument = upstoxInstrumentId(o, keys);
  const exchange = upstoxExchange(o.exchange);
  const status = upstoxOrderStatus(o.status, o.filled_quantity);
  const placedAt = o.order_timestamp ? upstoxTime(o.order_timestamp, 'order_timestamp') : 0;
  const updatedAt = o.exchange_timestamp
    ? upstoxTime(o.exchange_timestamp, 'exchange_timestamp')
    : placedAt;
  const terminal = status === 'CANCELLED' || status === 'REJECTED';
  const order: { -readonly [K in keyof BrokerOrder]: BrokerOrder[K] } = {
    orderId: o.order_id,
    instrument,
    side: upstoxSide(o.transaction_type),
    orderType: upstoxOrderType(o.order_type),
    product: upstoxProduct(o.product, exchange),
    validity: upstoxValidity(o.validity),
    variety: o.is_amo === true ? 'amo' : 'regular',
    quantity: o.quantity,
    filledQuantity: o.filled_quantity,
    pendingQuantity: terminal ? 0 : o.pending_quantity,
    cancelledQuantity: status === 'CANCELLED' ? o.quantity - o.filled_quantity : 0,
    price: o.price,
    triggerPrice: o.trigger_price,
    averagePrice: o.average_price ?? 0,
    status,
    placedAt,
    updatedAt: Math.max(updatedAt, placedAt),
  };
  if (o.exchange_order_id) order.exchangeOrderId = o.exchange_order_id;
  if (o.tag) order.tag = o.tag;
  if (o.status_message) order.statusMessage = o.status_message;
  return order;
}

/**
 * Maps a trade of the day to an SDK {@link Fill}.
 *
 * @example
 * ```ts
 * const fill = toFill(wireTrade, keys);
 * ```
 */
export function toFill(t: UpstoxTrade, keys: UpstoxInstrumentKeys): Fill {
  const time = t.exchange_timestamp ?? t.order_timestamp;
  return {
    kind: 'fill',
    id: t.trade_id,
    orderId: t.order_id,
    instrument: upstoxInstrumentId(t, keys),
    time: time ? upstoxTime(time, 'exchange_timestamp') : 0,
    side: upstoxSide(t.transaction_type),
    quantity: t.quantity,
    price: t.average_price,
    rawPrice: t.average_price,
    product: upstoxProduct(t.product, upstoxExchange(t.exchange)),
  };
}

/**
 * Maps a short-term position to the net and the day position. The day side is rebuilt from the
 * day buy/sell quantities and prices (realised = matched quantity × (sell − buy price)).
 *
 * @example
 * ```ts
 * const { net, day } = toPositions(wirePosition, keys);
 * ```
 */
export function toPositions(
  p: UpstoxPosition,
  keys: UpstoxInstrumentKeys,
): { net: Position; day: Position } {
  const instrument = upstoxInstrumentId(p, keys);
  const product = upstoxProduct(p.product, upstoxExchange(p.exchange));
  const lastPrice = p.last_price ?? 0;
  const net: Position = {
    instrument,
    product,
    quantity: p.quantity,
    averagePrice: p.quantity === 0 ? 0 : (p.average_price ?? 0),
    realisedPnl: new Decimal(p.realised ?? 0),
    lastPrice,
  };
  const buyQ = p.day_buy_quantity ?? 0;
  const sellQ = p.day_sell_quantity ?? 0;
  const buyP = p.day_buy_price ?? 0;
  const sellP = p.day_sell_price ?? 0;
  const dayQ = buyQ - sellQ;
  const day: Position = {
    instrument,
    product,
    quantity: dayQ,
    averagePrice: dayQ > 0 ? buyP : dayQ < 0 ? sellP : 0,
    realisedPnl: new Decimal(Math.min(buyQ, sellQ)).times(new Decimal(sellP).minus(buyP)),
    lastPrice,
  };
  return { net, day };
}

/**
 * Maps a long-term holding.
 *
 * @example
 * ```ts
 * const holding = toHolding(wireHolding, keys);
 * ```
 */
export function toHolding(h: UpstoxHolding, keys: UpstoxInstrumentKeys): Holding {
  return {
    instrument: upstoxInstrumentId(h, keys),
    ...(h.isin ? { isin: h.isin } : {}),
    quantity: h.quantity,
    t1Quantity: h.t1_quantity ?? 0,
    averagePrice: h.average_price,
    lastPrice: h.last_price,
  };
}

/**
 * Equity-segment funds; Upstox reports no net value, so `net` is available + used margin.
 *
 * @example
 * ```ts
 * toFunds({ used_margin: 100, available_margin: 900 }); // { available: 900, used: 100, net: 1000 }
 * ```
 */
export function toFunds(equity: { used_margin: number; available_margin: number }): Funds {
  return {
    available: equity.available_margin,
    used: equity.used_margin,
    net: equity.available_margin + equity.used_margin,
  };
}

/**
 * Maps a full quote to a {@link Tick}; undefined when there is no last price yet (an untraded
 * instrument reports 0). Time is `last_trade_time`, else `timestamp`.
 *
 * @example
 * ```ts
 * const tick = quoteToTick(quote, 'NSE:RELIANCE');
 * ```
 */
export function quoteToTick(q: UpstoxQuote, instrument: InstrumentId): Tick | undefined {
  if (!(q.last_price > 0)) return undefined;
  const stamp = q.last_trade_time ?? q.timestamp;
  const time = stamp === null || stamp === undefined ? 0 : upstoxTime(stamp, 'last_trade_time');
  const tick: { -readonly [K in keyof Tick]: Tick[K] } = {
    kind: 'tick',
    instrument,
    time,
    price: q.last_price,
  };
  if (q.volume !== null && q.volume !== undefined) tick.volume = q.volume;
  if (q.oi !== null && q.oi !== undefined) tick.oi = q.oi;
  if (q.depth) {
    const level = (l: { price: number; quantity: number; orders: number }) => ({
      price: l.price,
      quantity: l.quantity,
      orders: l.orders,
    });
    tick.depth = { buy: q.depth.buy.map(level), sell: q.depth.sell.map(level) };
    tick.bid = q.depth.buy[0]?.price ?? 0;
    tick.ask = q.depth.sell[0]?.price ?? 0;
  }
  return tick;
}

/**
 * Maps candle arrays (any order) to bars keyed by open time.
 *
 * @example
 * ```ts
 * candlesToBars(data.candles, 'NSE:INFY', '1m', bars);
 * ```
 */
export function candlesToBars(
  candles: readonly (readonly [string, number, number, number, number, number, ...number[]])[],
  instrument: InstrumentId,
  timeframe: Timeframe,
  into: Map<number, Bar>,
): void {
  for (const c of candles) {
    const time = upstoxTime(c[0], 'candle time');
    const bar: { -readonly [K in keyof Bar]: Bar[K] } = {
      kind: 'bar',
      instrument,
      timeframe,
      time,
      open: c[1],
      high: c[2],
      low: c[3],
      close: c[4],
      volume: c[5],
    };
    const oi = c[6];
    if (oi !== undefined) bar.oi = oi;
    into.set(time, bar);
  }
}
