import Decimal from 'decimal.js';

/** Where an amount is rounded to: the rupee or the paisa. */
export type RoundingUnit = 'rupee' | 'paisa';

/** Decimal places of a rounding unit. */
export function decimalsOf(unit: RoundingUnit): number {
  return unit === 'rupee' ? 0 : 2;
}

/** Rounds half-up to the unit, or returns the amount unchanged for `null` (no rounding). */
export function roundTo(amount: Decimal, unit: RoundingUnit | null): Decimal {
  if (unit === null) return amount;
  return amount.toDecimalPlaces(unit === 'rupee' ? 0 : 2, Decimal.ROUND_HALF_UP);
}
