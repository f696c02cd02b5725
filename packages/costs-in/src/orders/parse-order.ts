import { EXCHANGES, parseWith, PRODUCTS } from '@pravah/sdk';
import { z } from 'zod';
import {
  ChargeOrderSchema,
  isTradableCombination,
  TRADED_INSTRUMENT_TYPES,
  type ChargeOrder,
} from './charge-order.js';

type Lookup = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, true>>>>>>;

/** exchange → instrument type → product → true, for every tradable combination. */
const TRADABLE: Lookup = (() => {
  // Null-prototype objects, so that keys like "__proto__" find nothing.
  const empty = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
  const table = empty<Record<string, Record<string, true>>>();
  for (const exchange of EXCHANGES) {
    table[exchange] = empty();
    for (const type of TRADED_INSTRUMENT_TYPES) {
      const products = empty<true>();
      for (const product of PRODUCTS)
        if (isTradableCombination(exchange, type, product)) products[product] = true;
      table[exchange][type] = products;
    }
  }
  return table;
})();

const ISO_DATE = z.iso.date();

/** Dates already checked; trade dates repeat endlessly in a run. Bounded. */
const validDates = new Set<string>();
let lastValidDate = '';

/** True for a real calendar date `YYYY-MM-DD` (leap years included). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (value === lastValidDate || validDates.has(value)) return true;
  if (!ISO_DATE.safeParse(value).success) return false;
  if (validDates.size >= 10_000) validDates.clear();
  validDates.add(value);
  lastValidDate = value;
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
  const { exchange, instrumentType, product, quantity, price, symbol, autoSquareOff } = o;
  return (
    typeof exchange === 'string' &&
    typeof instrumentType === 'string' &&
    typeof product === 'string' &&
    TRADABLE[exchange]?.[instrumentType]?.[product] === true &&
    (o.side === 'BUY' || o.side === 'SELL') &&
    typeof quantity === 'number' &&
    Number.isSafeInteger(quantity) &&
    quantity > 0 &&
    typeof price === 'number' &&
    Number.isFinite(price) &&
    price > 0 &&
    isIsoDate(o.tradeDate) &&
    (symbol === undefined || (typeof symbol === 'string' && symbol.length > 0)) &&
    (autoSquareOff === undefined || typeof autoSquareOff === 'boolean')
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
