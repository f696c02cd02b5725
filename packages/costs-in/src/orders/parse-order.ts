import { EXCHANGES, parseWith, PRODUCTS } from '@pravah/sdk';
import { z } from 'zod';
import {
  ChargeOrderSchema,
  isTradableCombination,
  TRADED_INSTRUMENT_TYPES,
  type ChargeOrder,
} from './charge-order.js';

const EXCHANGE_SET: ReadonlySet<unknown> = new Set(EXCHANGES);
const TYPE_SET: ReadonlySet<unknown> = new Set(TRADED_INSTRUMENT_TYPES);
const PRODUCT_SET: ReadonlySet<unknown> = new Set(PRODUCTS);
const ISO_DATE = z.iso.date();

/** Dates already checked; trade dates repeat endlessly in a run. Bounded. */
const validDates = new Set<string>();

/** True for a real calendar date `YYYY-MM-DD` (leap years included). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (validDates.has(value)) return true;
  if (!ISO_DATE.safeParse(value).success) return false;
  if (validDates.size >= 10_000) validDates.clear();
  validDates.add(value);
  return true;
}

/**
 * The schema's checks written as plain comparisons, for the hot path. It must accept only what
 * {@link ChargeOrderSchema} accepts (a property test holds it to that); anything it rejects goes
 * through the schema, which produces the error.
 */
function isValidOrder(input: unknown): input is ChargeOrder {
  if (typeof input !== 'object' || input === null) return false;
  const o = input as Record<string, unknown>;
  const { quantity, price, symbol, autoSquareOff } = o;
  return (
    EXCHANGE_SET.has(o.exchange) &&
    TYPE_SET.has(o.instrumentType) &&
    PRODUCT_SET.has(o.product) &&
    (o.side === 'BUY' || o.side === 'SELL') &&
    typeof quantity === 'number' &&
    Number.isSafeInteger(quantity) &&
    quantity > 0 &&
    typeof price === 'number' &&
    Number.isFinite(price) &&
    price > 0 &&
    isIsoDate(o.tradeDate) &&
    (symbol === undefined || (typeof symbol === 'string' && symbol.length > 0)) &&
    (autoSquareOff === undefined || typeof autoSquareOff === 'boolean') &&
    isTradableCombination(
      o.exchange as ChargeOrder['exchange'],
      o.instrumentType as string,
      o.product as ChargeOrder['product'],
    )
  );
}

/**
 * Validates an order: returns it when valid, else throws a ValidationError naming the first bad
 * field and its value (`exchange`, `quantity`, `price`, `tradeDate`, ...).
 *
 * @example
 * ```ts
 * parseChargeOrder({ exchange: 'NYSE', ... }); // ValidationError: field 'exchange', value 'NYSE'
 * ```
 */
export function parseChargeOrder(input: unknown, what = 'order'): ChargeOrder {
  if (isValidOrder(input)) return input;
  return parseWith(ChargeOrderSchema, input, what);
}

/** Exposed for the equivalence property test only. */
export const isValidOrderForTest = isValidOrder;
