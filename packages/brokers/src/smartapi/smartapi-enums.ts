import type { Exchange, OrderStatus, OrderType, Product, Side, Timeframe } from '@pravah/sdk';
import { InputRejectedError, UnmappedValueError } from '../errors/broker-errors.js';
import type { SubscriptionMode } from '../port/account.js';
import type { BrokerValidity, OrderVariety } from '../port/order-request.js';

// Every SmartAPI enumeration and its SDK counterpart, in one place (BROKERS.md §3.3, §3.5).
// Values the broker sends that are not listed here raise UnmappedValueError instead of being
// guessed; SDK values SmartAPI cannot express raise InputRejectedError before any request.

function rejectInput(field: string, value: unknown, hint: string): never {
  throw new InputRejectedError(`smartapi cannot send ${field} ${JSON.stringify(value)}: ${hint}`, {
    broker: 'smartapi',
  });
}

function lookup<K extends string, V>(
  table: Readonly<Record<K, V>>,
  field: string,
  value: string,
): V {
  if (Object.prototype.hasOwnProperty.call(table, value)) return table[value as K];
  throw new UnmappedValueError('smartapi', field, value);
}

/** SmartAPI exchange codes that map to SDK exchanges (NCDEX has no SDK counterpart). */
const EXCHANGE_FROM_WIRE = {
  NSE: 'NSE',
  BSE: 'BSE',
  NFO: 'NFO',
  BFO: 'BFO',
  MCX: 'MCX',
  CDS: 'CDS',
} as const satisfies Record<string, Exchange>;

/** The SmartAPI exchange code sent for an SDK exchange. */
export type SmartApiExchange = (typeof EXCHANGE_FROM_WIRE)[keyof typeof EXCHANGE_FROM_WIRE];

/**
 * SDK exchange of a SmartAPI `exchange` field.
 *
 * @example
 * ```ts
 * exchangeFromSmartApi('NFO'); // 'NFO'
 * ```
 */
export function exchangeFromSmartApi(value: string): Exchange {
  return lookup(EXCHANGE_FROM_WIRE, 'exchange', value);
}

/**
 * SmartAPI `exchange` for an SDK exchange; BCD is not offered by SmartAPI.
 *
 * @example
 * ```ts
 * exchangeToSmartApi('NSE'); // 'NSE'
 * ```
 */
export function exchangeToSmartApi(exchange: Exchange): SmartApiExchange {
  if (exchange === 'BCD') rejectInput('exchange', exchange, 'SmartAPI has no BSE currency segment');
  return exchange;
}

/** SmartWebSocket V2 `exchangeType` numbers (BROKERS.md §3.5). */
const EXCHANGE_TYPES = {
  NSE: 1,
  NFO: 2,
  BSE: 3,
  BFO: 4,
  MCX: 5,
  CDS: 13,
} as const satisfies Record<SmartApiExchange, number>;

/** ncx_fo (7) is a valid wire value without an SDK exchange. */
export const KNOWN_EXCHANGE_TYPES: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 7, 13]);

/**
 * Socket `exchangeType` of an SDK exchange.
 *
 * @example
 * ```ts
 * exchangeTypeOf('NFO'); // 2
 * ```
 */
export function exchangeTypeOf(exchange: Exchange): number {
  return EXCHANGE_TYPES[exchangeToSmartApi(exchange)];
}

/**
 * Price divisor of an exchange type: paise everywhere, 10^7 for currency (cde_fo).
 *
 * @example
 * ```ts
 * priceDivisorOf(1); // 100
 * ```
 */
export function priceDivisorOf(exchangeType: number): number {
  return exchangeType === 13 ? 10_000_000 : 100;
}

/** Scrip master `exch_seg`: OA's upper-case codes and ADOC's `nse_cm` style (unverified). */
const SEGMENT_FROM_WIRE = {
  NSE: 'NSE',
  BSE: 'BSE',
  NFO: 'NFO',
  BFO: 'BFO',
  MCX: 'MCX',
  CDS: 'CDS',
  NCDEX: undefined,
  nse_cm: 'NSE',
  bse_cm: 'BSE',
  nse_fo: 'NFO',
  bse_fo: 'BFO',
  mcx_fo: 'MCX',
  cde_fo: 'CDS',
  ncx_fo: undefined,
} as const satisfies Record<string, Exchange | undefined>;

/**
 * SDK exchange of a scrip master `exch_seg`; undefined for segments the SDK does not trade
 * (NCDEX).
 *
 * @example
 * ```ts
 * exchangeFromSegment('nse_cm'); // 'NSE'
 * ```
 */
export function exchangeFromSegment(value: string): Exchange | undefined {
  return lookup(SEGMENT_FROM_WIRE, 'exch_seg', value);
}

const PRODUCT_TO_WIRE = { MIS: 'INTRADAY', CNC: 'DELIVERY', NRML: 'CARRYFORWARD' } as const;
const PRODUCT_FROM_WIRE = { INTRADAY: 'MIS', DELIVERY: 'CNC', CARRYFORWARD: 'NRML' } as const;

/**
 * SmartAPI `producttype` of an SDK product.
 *
 * @example
 * ```ts
 * productToSmartApi('MIS'); // 'INTRADAY'
 * ```
 */
export function productToSmartApi(product: Product): string {
  return PRODUCT_TO_WIRE[product];
}

/**
 * SDK product of a SmartAPI `producttype` (MARGIN and BO have no SDK counterpart).
 *
 * @example
 * ```ts
 * productFromSmartApi('CARRYFORWARD'); // 'NRML'
 * ```
 */
export function productFromSmartApi(value: string): Product {
  return lookup(PRODUCT_FROM_WIRE, 'producttype', value);
}

const ORDER_TYPE_TO_WIRE = {
  MARKET: 'MARKET',
  LIMIT: 'LIMIT',
  SL: 'STOPLOSS_LIMIT',
  'SL-M': 'STOPLOSS_MARKET',
} as const satisfies Record<OrderType, string>;
const ORDER_TYPE_FROM_WIRE = {
  MARKET: 'MARKET',
  LIMIT: 'LIMIT',
  STOPLOSS_LIMIT: 'SL',
  STOPLOSS_MARKET: 'SL-M',
} as const satisfies Record<string, OrderType>;

/**
 * SmartAPI `ordertype` of an SDK order type.
 *
 * @example
 * ```ts
 * orderTypeToSmartApi('SL-M'); // 'STOPLOSS_MARKET'
 * ```
 */
export function orderTypeToSmartApi(orderType: OrderType): string {
  return ORDER_TYPE_TO_WIRE[orderType];
}

/**
 * SDK order type of a SmartAPI `ordertype`.
 *
 * @example
 * ```ts
 * orderTypeFromSmartApi('STOPLOSS_LIMIT'); // 'SL'
 * ```
 */
export function orderTypeFromSmartApi(value: string): OrderType {
  return lookup(ORDER_TYPE_FROM_WIRE, 'ordertype', value);
}

/**
 * SmartAPI `variety`: stop-loss orders must go as STOPLOSS, after-market orders as AMO.
 *
 * @example
 * ```ts
 * varietyToSmartApi('regular', 'SL'); // 'STOPLOSS'
 * ```
 */
export function varietyToSmartApi(variety: OrderVariety, orderType: OrderType): string {
  if (variety === 'amo') return 'AMO';
  return orderType === 'SL' || orderType === 'SL-M' ? 'STOPLOSS' : 'NORMAL';
}

const VARIETY_FROM_WIRE = {
  NORMAL: 'regular',
  STOPLOSS: 'regular',
  AMO: 'amo',
} as const satisfies Record<string, OrderVariety>;

/**
 * SDK variety of a SmartAPI `variety` (ROBO bracket orders are not mapped).
 *
 * @example
 * ```ts
 * varietyFromSmartApi('AMO'); // 'amo'
 * ```
 */
export function varietyFromSmartApi(value: string): OrderVariety {
  return lookup(VARIETY_FROM_WIRE, 'variety', value);
}

/**
 * SmartAPI `duration` of a validity; TTL does not exist at SmartAPI.
 *
 * @example
 * ```ts
 * durationToSmartApi('IOC'); // 'IOC'
 * ```
 */
export function durationToSmartApi(validity: BrokerValidity): 'DAY' | 'IOC' {
  if (validity === 'TTL') rejectInput('validity', validity, 'use DAY or IOC');
  return validity;
}

/**
 * Validity of a SmartAPI `duration`.
 *
 * @example
 * ```ts
 * durationFromSmartApi('DAY'); // 'DAY'
 * ```
 */
export function durationFromSmartApi(value: string): BrokerValidity {
  return lookup({ DAY: 'DAY', IOC: 'IOC' } as const, 'duration', value);
}

/**
 * SDK side of a SmartAPI `transactiontype`.
 *
 * @example
 * ```ts
 * sideFromSmartApi('SELL'); // 'SELL'
 * ```
 */
export function sideFromSmartApi(value: string): Side {
  return lookup({ BUY: 'BUY', SELL: 'SELL' } as const, 'transactiontype', value);
}

/** Order book `status` (lower case at SmartAPI; compared case-insensitively). */
const STATUS_FROM_WIRE = {
  open: 'OPEN',
  complete: 'FILLED',
  rejected: 'REJECTED',
  cancelled: 'CANCELLED',
  modified: 'OPEN',
  'trigger pending': 'TRIGGER_PENDING',
  'open pending': 'PENDING',
  'modify pending': 'OPEN',
  'cancel pending': 'OPEN',
  'validation pending': 'PENDING',
  'put order req received': 'PENDING',
  pending: 'PENDING',
  'after market order req received': 'PENDING',
  'cancelled after market order': 'CANCELLED',
  'modify after market order req received': 'PENDING',
} as const satisfies Record<string, OrderStatus>;

/**
 * SDK status of a SmartAPI order status; an open order with fills becomes PARTIALLY_FILLED.
 *
 * @example
 * ```ts
 * orderStatusFromSmartApi('trigger pending', 0); // 'TRIGGER_PENDING'
 * orderStatusFromSmartApi('open', 5); // 'PARTIALLY_FILLED'
 * ```
 */
export function orderStatusFromSmartApi(value: string, filledQuantity: number): OrderStatus {
  const status = lookup(STATUS_FROM_WIRE, 'order status', value.trim().toLowerCase());
  return status === 'OPEN' && filledQuantity > 0 ? 'PARTIALLY_FILLED' : status;
}

/** Order-update socket `order-status` codes (AB00 is the connection greeting, not an order). */
const UPDATE_CODE_STATUS = {
  AB01: 'OPEN',
  AB02: 'CANCELLED',
  AB03: 'REJECTED',
  AB04: 'OPEN',
  AB05: 'FILLED',
  AB06: 'PENDING',
  AB07: 'CANCELLED',
  AB08: 'PENDING',
  AB09: 'PENDING',
  AB10: 'TRIGGER_PENDING',
  AB11: 'OPEN',
} as const satisfies Record<string, OrderStatus>;

/**
 * SDK status of an order-update `order-status` code.
 *
 * @example
 * ```ts
 * orderStatusFromUpdateCode('AB05'); // 'FILLED'
 * ```
 */
export function orderStatusFromUpdateCode(code: string): OrderStatus {
  return lookup(UPDATE_CODE_STATUS, 'order-status code', code);
}

/** Candle interval and the documented maximum span of one request. */
export interface SmartApiInterval {
  readonly interval: string;
  readonly maxDays: number;
}

const INTERVALS = {
  '1m': { interval: 'ONE_MINUTE', maxDays: 30 },
  '3m': { interval: 'THREE_MINUTE', maxDays: 60 },
  '5m': { interval: 'FIVE_MINUTE', maxDays: 100 },
  '10m': { interval: 'TEN_MINUTE', maxDays: 100 },
  '15m': { interval: 'FIFTEEN_MINUTE', maxDays: 200 },
  '30m': { interval: 'THIRTY_MINUTE', maxDays: 200 },
  '60m': { interval: 'ONE_HOUR', maxDays: 400 },
  '1d': { interval: 'ONE_DAY', maxDays: 2000 },
} as const satisfies Partial<Record<Timeframe, SmartApiInterval>>;

/**
 * Candle interval of a timeframe with its per-request span limit; SmartAPI has no 1s candles.
 *
 * @example
 * ```ts
 * intervalOf('1m'); // { interval: 'ONE_MINUTE', maxDays: 30 }
 * ```
 */
export function intervalOf(timeframe: Timeframe): SmartApiInterval {
  if (timeframe === '1s') rejectInput('timeframe', timeframe, 'the smallest candle is 1m');
  return INTERVALS[timeframe];
}

/** Every candle interval by its wire name, for the fake server. */
export const INTERVAL_MAX_DAYS: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(Object.values(INTERVALS).map((i) => [i.interval, i.maxDays])),
);

/** Socket subscription modes: 1 LTP, 2 Quote, 3 SnapQuote (best five). */
export type SmartApiMode = 1 | 2 | 3;

/**
 * Socket mode of a port subscription mode.
 *
 * @example
 * ```ts
 * modeOf('full'); // 3
 * ```
 */
export function modeOf(mode: SubscriptionMode): SmartApiMode {
  return mode === 'ltp' ? 1 : mode === 'quote' ? 2 : 3;
}
