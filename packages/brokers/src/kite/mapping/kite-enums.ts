import {
  EXCHANGES,
  type Exchange,
  type InstrumentType,
  type OrderStatus,
  type OrderType,
  type Product,
  type Side,
  type Timeframe,
} from '@pravah/sdk';
import { UnmappedValueError } from '../../errors/broker-errors.js';
import type { BrokerValidity, OrderVariety } from '../../port/order-request.js';

// Every Kite enumeration <-> SDK value, in one place. Unknown values raise UnmappedValueError:
// a new Kite value must never silently become a wrong SDK value.

function lookup<T>(table: ReadonlyMap<string, T>, field: string, value: string): T {
  const mapped = table.get(value);
  if (mapped === undefined) throw new UnmappedValueError('kite', field, value);
  return mapped;
}

const EXCHANGE_SET: ReadonlySet<string> = new Set(EXCHANGES);

/**
 * Kite exchange code to SDK exchange (they coincide for the segments Pravah trades).
 *
 * @example
 * ```ts
 * exchangeFromKite('NFO'); // 'NFO'
 * ```
 */
export function exchangeFromKite(exchange: string): Exchange {
  if (!EXCHANGE_SET.has(exchange)) throw new UnmappedValueError('kite', 'exchange', exchange);
  return exchange as Exchange;
}

const SIDES = new Map<string, Side>([
  ['BUY', 'BUY'],
  ['SELL', 'SELL'],
]);
/**
 * Kite `transaction_type` to SDK side.
 *
 * @example
 * ```ts
 * sideFromKite('SELL'); // 'SELL'
 * ```
 */
export function sideFromKite(value: string): Side {
  return lookup(SIDES, 'transaction_type', value);
}

const ORDER_TYPES = new Map<string, OrderType>([
  ['MARKET', 'MARKET'],
  ['LIMIT', 'LIMIT'],
  ['SL', 'SL'],
  ['SL-M', 'SL-M'],
]);
/**
 * Kite `order_type` to SDK order type.
 *
 * @example
 * ```ts
 * orderTypeFromKite('SL-M'); // 'SL-M'
 * ```
 */
export function orderTypeFromKite(value: string): OrderType {
  return lookup(ORDER_TYPES, 'order_type', value);
}

// CO and BO (cover / bracket) are intraday products squared off like MIS; MTF is a delivery
// position financed by the broker, held like CNC.
const PRODUCTS = new Map<string, Product>([
  ['MIS', 'MIS'],
  ['CNC', 'CNC'],
  ['NRML', 'NRML'],
  ['CO', 'MIS'],
  ['BO', 'MIS'],
  ['MTF', 'CNC'],
]);
/**
 * Kite `product` to SDK product (CO/BO count as MIS, MTF as CNC).
 *
 * @example
 * ```ts
 * productFromKite('CO'); // 'MIS'
 * ```
 */
export function productFromKite(value: string): Product {
  return lookup(PRODUCTS, 'product', value);
}

const VALIDITIES = new Map<string, BrokerValidity>([
  ['DAY', 'DAY'],
  ['IOC', 'IOC'],
  ['TTL', 'TTL'],
]);
/**
 * Kite `validity` to the port's validity.
 *
 * @example
 * ```ts
 * validityFromKite('TTL'); // 'TTL'
 * ```
 */
export function validityFromKite(value: string): BrokerValidity {
  return lookup(VALIDITIES, 'validity', value);
}

// The port's variety is about timing: `amo` waits for the next session, everything that works
// in the live session (iceberg legs, auction bids, cover orders) is `regular`.
const VARIETIES = new Map<string, OrderVariety>([
  ['regular', 'regular'],
  ['amo', 'amo'],
  ['iceberg', 'regular'],
  ['auction', 'regular'],
  ['co', 'regular'],
  ['bo', 'regular'],
]);
/**
 * Kite `variety` to the port's variety (amo stays amo; iceberg, auction, co, bo are regular).
 *
 * @example
 * ```ts
 * varietyFromKite('iceberg'); // 'regular'
 * ```
 */
export function varietyFromKite(value: string): OrderVariety {
  return lookup(VARIETIES, 'variety', value);
}

// Transient states before the exchange has the order.
const PENDING = new Set([
  'PUT ORDER REQ RECEIVED',
  'VALIDATION PENDING',
  'OPEN PENDING',
  'AMO REQ RECEIVED',
]);
// The order is live at the exchange while a change or cancel is in flight.
const LIVE = new Set([
  'OPEN',
  'MODIFY VALIDATION PENDING',
  'MODIFY PENDING',
  'MODIFIED',
  'CANCEL PENDING',
]);

/**
 * Kite order status (KDOC/orders, KMK `order_info.json`) to SDK status. A live order with fills
 * is PARTIALLY_FILLED; CANCELLED stays CANCELLED even when part of it filled.
 *
 * @example
 * ```ts
 * orderStatusFromKite('TRIGGER PENDING', 0); // 'TRIGGER_PENDING'
 * orderStatusFromKite('OPEN', 25);           // 'PARTIALLY_FILLED'
 * ```
 */
export function orderStatusFromKite(status: string, filledQuantity: number): OrderStatus {
  if (PENDING.has(status)) return 'PENDING';
  if (LIVE.has(status)) return filledQuantity > 0 ? 'PARTIALLY_FILLED' : 'OPEN';
  switch (status) {
    case 'TRIGGER PENDING':
      return 'TRIGGER_PENDING';
    case 'COMPLETE':
      return 'FILLED';
    case 'CANCELLED':
      return 'CANCELLED';
    case 'REJECTED':
      return 'REJECTED';
    default:
      throw new UnmappedValueError('kite', 'order status', status);
  }
}

/**
 * SDK status to the Kite status string the fake server reports.
 *
 * @example
 * ```ts
 * orderStatusToKite('FILLED'); // 'COMPLETE'
 * ```
 */
export function orderStatusToKite(status: OrderStatus): string {
  switch (status) {
    case 'PENDING':
      return 'OPEN PENDING';
    case 'OPEN':
    case 'PARTIALLY_FILLED':
      return 'OPEN';
    case 'TRIGGER_PENDING':
      return 'TRIGGER PENDING';
    case 'FILLED':
      return 'COMPLETE';
    case 'CANCELLED':
    case 'EXPIRED':
      return 'CANCELLED';
    case 'REJECTED':
      return 'REJECTED';
  }
}

/**
 * Kite instrument type and segment to SDK instrument type. Kite lists indices as `EQ` in the
 * `INDICES` segment.
 *
 * @example
 * ```ts
 * instrumentTypeFromKite('EQ', 'INDICES'); // 'IDX'
 * ```
 */
export function instrumentTypeFromKite(type: string, segment: string): InstrumentType {
  if (segment === 'INDICES') return 'IDX';
  switch (type) {
    case 'EQ':
    case 'FUT':
    case 'CE':
    case 'PE':
      return type;
    default:
      throw new UnmappedValueError('kite', 'instrument_type', type);
  }
}

/** Kite candle interval names (KDOC/historical). */
export type KiteInterval =
  'minute' | '3minute' | '5minute' | '10minute' | '15minute' | '30minute' | '60minute' | 'day';

const INTERVALS: Partial<Record<Timeframe, KiteInterval>> = {
  '1m': 'minute',
  '3m': '3minute',
  '5m': '5minute',
  '10m': '10minute',
  '15m': '15minute',
  '30m': '30minute',
  '60m': '60minute',
  '1d': 'day',
};

/**
 * SDK timeframe to Kite interval, or undefined when Kite has no such candles (`1s`).
 *
 * @example
 * ```ts
 * intervalOfTimeframe('15m'); // '15minute'
 * ```
 */
export function intervalOfTimeframe(timeframe: Timeframe): KiteInterval | undefined {
  return INTERVALS[timeframe];
}
