import type { Exchange, InstrumentType, OrderStatus, OrderType, Product, Side } from '@pravah/sdk';
import { InputRejectedError, UnmappedValueError } from '../../errors/broker-errors.js';
import type { BrokerValidity } from '../../port/order-request.js';
import type { SubscriptionMode } from '../../port/account.js';

// Every Upstox enumeration and its SDK counterpart, in one place (BROKERS.md §2.4, §2.3).

const ORDER_STATUS: Readonly<Record<string, OrderStatus>> = {
  'put order req received': 'PENDING',
  'validation pending': 'PENDING',
  'open pending': 'PENDING',
  open: 'OPEN',
  complete: 'FILLED',
  rejected: 'REJECTED',
  cancelled: 'CANCELLED',
  'trigger pending': 'TRIGGER_PENDING',
  // Modify/cancel in flight, or refused: the order itself is still working.
  'modify validation pending': 'OPEN',
  'modify pending': 'OPEN',
  modified: 'OPEN',
  'not modified': 'OPEN',
  'cancel pending': 'OPEN',
  'not cancelled': 'OPEN',
  'after market order req received': 'PENDING',
  'modify after market order req received': 'PENDING',
  'cancelled after market order': 'CANCELLED',
};

/**
 * Maps an Upstox order status string to the SDK status; an open order with fills becomes
 * PARTIALLY_FILLED. Unknown strings raise {@link UnmappedValueError}.
 *
 * @example
 * ```ts
 * upstoxOrderStatus('trigger pending', 0); // 'TRIGGER_PENDING'
 * upstoxOrderStatus('open', 5); // 'PARTIALLY_FILLED'
 * ```
 */
export function upstoxOrderStatus(status: string, filledQuantity: number): OrderStatus {
  const mapped = ORDER_STATUS[status.toLowerCase()];
  if (mapped === undefined) throw new UnmappedValueError('upstox', 'order status', status);
  return mapped === 'OPEN' && filledQuantity > 0 ? 'PARTIALLY_FILLED' : mapped;
}

/**
 * The Upstox status string the fake reports for an SDK status.
 *
 * @example
 * ```ts
 * upstoxStatusOf('FILLED'); // 'complete'
 * ```
 */
export function upstoxStatusOf(status: OrderStatus): string {
  switch (status) {
    case 'PENDING':
      return 'put order req received';
    case 'OPEN':
    case 'PARTIALLY_FILLED':
      return 'open';
    case 'TRIGGER_PENDING':
      return 'trigger pending';
    case 'FILLED':
      return 'complete';
    case 'CANCELLED':
    case 'EXPIRED':
      return 'cancelled';
    case 'REJECTED':
      return 'rejected';
  }
}

const CASH_EXCHANGES: ReadonlySet<Exchange> = new Set(['NSE', 'BSE']);

/**
 * Upstox product code to SDK product: `I` intraday, `D` delivery (CNC in cash, NRML in
 * derivatives). `MTF`, `CO`, `OCO` have no SDK product and raise {@link UnmappedValueError}.
 *
 * @example
 * ```ts
 * upstoxProduct('D', 'NFO'); // 'NRML'
 * ```
 */
export function upstoxProduct(product: string, exchange: Exchange): Product {
  if (product === 'I') return 'MIS';
  if (product === 'D') return CASH_EXCHANGES.has(exchange) ? 'CNC' : 'NRML';
  throw new UnmappedValueError('upstox', 'product', product);
}

/**
 * SDK product to the Upstox code.
 *
 * @example
 * ```ts
 * upstoxProductOf('CNC'); // 'D'
 * ```
 */
export function upstoxProductOf(product: Product): 'I' | 'D' {
  return product === 'MIS' ? 'I' : 'D';
}

const ORDER_TYPES: ReadonlySet<string> = new Set(['MARKET', 'LIMIT', 'SL', 'SL-M']);

/**
 * Upstox order type (same spelling as the SDK's).
 *
 * @example
 * ```ts
 * upstoxOrderType('SL-M'); // 'SL-M'
 * ```
 */
export function upstoxOrderType(orderType: string): OrderType {
  if (!ORDER_TYPES.has(orderType)) throw new UnmappedValueError('upstox', 'order type', orderType);
  return orderType as OrderType;
}

/**
 * Upstox validity: `DAY` and `IOC`; anything else (the order book's `EOS`) is unmapped.
 *
 * @example
 * ```ts
 * upstoxValidity('IOC'); // 'IOC'
 * ```
 */
export function upstoxValidity(validity: string): BrokerValidity {
  if (validity === 'DAY' || validity === 'IOC') return validity;
  throw new UnmappedValueError('upstox', 'validity', validity);
}

/**
 * SDK validity to Upstox; Upstox has no TTL validity, so TTL is rejected before sending.
 *
 * @example
 * ```ts
 * upstoxValidityOf('DAY'); // 'DAY'
 * ```
 */
export function upstoxValidityOf(validity: BrokerValidity): 'DAY' | 'IOC' {
  if (validity === 'TTL') {
    throw new InputRejectedError('Upstox has no TTL validity: use DAY or IOC', {
      broker: 'upstox',
    });
  }
  return validity;
}

/**
 * Upstox transaction type.
 *
 * @example
 * ```ts
 * upstoxSide('SELL'); // 'SELL'
 * ```
 */
export function upstoxSide(side: string): Side {
  if (side === 'BUY' || side === 'SELL') return side;
  throw new UnmappedValueError('upstox', 'transaction type', side);
}

const EXCHANGES: Readonly<Record<string, Exchange>> = {
  NSE: 'NSE',
  BSE: 'BSE',
  NFO: 'NFO',
  BFO: 'BFO',
  MCX: 'MCX',
  CDS: 'CDS',
  BCD: 'BCD',
};

/**
 * The `exchange` field of orders, trades, positions and holdings.
 *
 * @example
 * ```ts
 * upstoxExchange('NFO'); // 'NFO'
 * ```
 */
export function upstoxExchange(exchange: string): Exchange {
  const mapped = EXCHANGES[exchange];
  if (mapped === undefined) throw new UnmappedValueError('upstox', 'exchange', exchange);
  return mapped;
}

const SEGMENTS: Readonly<Record<string, Exchange>> = {
  NSE_EQ: 'NSE',
  NSE_INDEX: 'NSE',
  NSE_FO: 'NFO',
  NCD_FO: 'CDS',
  BSE_EQ: 'BSE',
  BSE_INDEX: 'BSE',
  BSE_FO: 'BFO',
  BCD_FO: 'BCD',
  MCX_FO: 'MCX',
  MCX_INDEX: 'MCX',
};

/** Segments Upstox lists that Pravah does not trade; instrument rows in them are skipped. */
export const UPSTOX_SKIPPED_SEGMENTS: ReadonlySet<string> = new Set([
  'NSE_COM',
  'GLOBAL_INDEX',
  'GLOBAL_INDICATOR',
]);

/**
 * Instrument-key segment (`NSE_EQ`, `NSE_FO`, ...) to SDK exchange.
 *
 * @example
 * ```ts
 * upstoxSegmentExchange('NSE_FO'); // 'NFO'
 * ```
 */
export function upstoxSegmentExchange(segment: string): Exchange {
  const mapped = SEGMENTS[segment];
  if (mapped === undefined) throw new UnmappedValueError('upstox', 'segment', segment);
  return mapped;
}

/**
 * Instrument type of a master row: `INDEX` and the index segments are IDX; futures and options
 * keep their type (accepting the deprecated CSV spellings FUTIDX, OPTSTK...); every other row of
 * a cash segment is equity (Upstox puts the NSE series, e.g. `BE`, in `instrument_type`).
 *
 * @example
 * ```ts
 * upstoxInstrumentType('NSE_FO', 'CE'); // 'CE'
 * ```
 */
export function upstoxInstrumentType(segment: string, type: string): InstrumentType {
  if (type === 'INDEX' || segment.endsWith('_INDEX')) return 'IDX';
  if (type === 'FUT' || type.startsWith('FUT')) return 'FUT';
  if (type === 'CE' || type === 'PE') return type;
  if (segment === 'NSE_EQ' || segment === 'BSE_EQ') return 'EQ';
  throw new UnmappedValueError('upstox', 'instrument type', type);
}

/**
 * Port subscription mode to the Upstox feed mode (`quote` needs OHLC and volume, which only
 * `full` carries).
 *
 * @example
 * ```ts
 * upstoxFeedMode('ltp'); // 'ltpc'
 * ```
 */
export function upstoxFeedMode(mode: SubscriptionMode): 'ltpc' | 'full' {
  return mode === 'ltp' ? 'ltpc' : 'full';
}
