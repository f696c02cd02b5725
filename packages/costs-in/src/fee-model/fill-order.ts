import type { Fill, Instrument } from '@pravah/sdk';
import type { ContractNoteFill } from '../contract-note/contract-note-fill.js';
import { parseChargeOrder } from '../orders/parse-order.js';
import { istDate } from './ist-date.js';

/** `Fill.reason` the backtester and brokers use for broker-initiated MIS square-offs. */
export const AUTO_SQUARE_OFF_REASON = 'auto square-off';

/**
 * The charge order of an sdk Fill: exchange from the instrument id's prefix, instrument type from
 * the instrument, trade date = the fill time's IST date, the order id (so partial fills are one
 * order), and auto square-off when `fill.reason` is `'auto square-off'`. Validated: a bad field
 * throws a ValidationError naming it (e.g. `instrumentType` `IDX`).
 *
 * @example
 * ```ts
 * const order = fillToChargeOrder(fill, ctx.instruments.get(fill.instrument));
 * order.tradeDate; // '2026-06-15'
 * ```
 */
export function fillToChargeOrder(fill: Fill, instrument: Instrument): ContractNoteFill {
  const id = fill.instrument;
  // One literal shape, every key present: objects assembled by spreading are slow to read.
  const candidate = {
    exchange: id.slice(0, id.indexOf(':')),
    instrumentType: instrument.type,
    product: fill.product,
    side: fill.side,
    quantity: fill.quantity,
    price: fill.price,
    tradeDate: istDate(fill.time),
    symbol: instrument.symbol,
    orderId: fill.orderId,
    isin: instrument.isin,
    autoSquareOff: fill.reason === AUTO_SQUARE_OFF_REASON ? true : undefined,
  };
  return parseChargeOrder(candidate, 'fill') as ContractNoteFill;
}
