import Decimal from 'decimal.js';
import { ZERO } from './money.js';

/** Where an amount is rounded to: the rupee or the paisa. */
export type RoundingUnit = 'rupee' | 'paisa';

/** Decimal places of a rounding unit. */
export function decimalsOf(unit: RoundingUnit): number {
  return unit === 'rupee' ? 0 : 2;
}

/**
 * Rounds half-up to the unit, or returns the amount unchanged for `null` (no rounding) or when it
 * already has no more decimals than the unit (Decimals are immutable, so that is safe and cheap).
 * An amount below a tenth of the unit rounds to zero without arithmetic: decimal.js's exponent
 * `e` says so (|x| < 10^(e+1)).
 */
export function roundTo(amount: Decimal, unit: RoundingUnit | null): Decimal {
  if (unit === null) return amount;
  const places = unit === 'rupee' ? 0 : 2;
  if (amount.e < -places - 1) return ZERO;
  if (amount.decimalPlaces() <= places) return amount;
  return amount.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}
