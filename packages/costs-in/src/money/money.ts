import Decimal from 'decimal.js';

/**
 * The Decimal constructor every charge is computed with: 40 significant digits (a product of an
 * order value and a rate never needs more, so nothing is rounded before a rule says so) and
 * half-up rounding, the rule of the STT Rules 2004 (≥ 50 paise rounds up). Its instances are
 * ordinary decimal.js `Decimal`s (`instanceof Decimal` holds).
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** A money amount. */
export type Money = Decimal;

/** Zero rupees, shared (Decimals are immutable). */
export const ZERO: Decimal = new Money(0);

/**
 * Exact decimal value of a JS number as written: decimal.js reads a number through its shortest
 * round-trip string, so `1498.1` becomes exactly 1498.1, never 1498.0999999999999.
 */
export function exact(value: number): Decimal {
  return new Money(value);
}

/** A rate given as a percentage string (`'0.0030699'`) as an exact fraction (`0.000030699`). */
export function percentToFraction(percent: string): Decimal {
  return new Money(percent).dividedBy(100);
}
