import { ValidationError } from '../errors/validation-error.js';
import type { Side } from '../model/exchange.js';

/** Prices within a millionth of a tick of the grid count as on it (floating-point noise). */
const GRID_TOLERANCE = 1e-6;

function invalid(field: string, value: number, message: string): ValidationError {
  return new ValidationError('price to round to the tick size', [{ field, value, message }]);
}

/** `steps` ticks as a price, exact for ticks that are 1/n of a rupee or whole rupees. */
function onGrid(steps: number, tickSize: number): number {
  const perRupee = Math.round(1 / tickSize);
  // Dividing by an integer gives the double nearest the decimal (46901 / 20 is exactly 2345.05).
  if (perRupee > 0 && Math.abs(perRupee * tickSize - 1) < 1e-12) return steps / perRupee;
  if (Number.isInteger(tickSize)) return steps * tickSize;
  return Number((steps * tickSize).toPrecision(15));
}

/**
 * Rounds a price to the tick grid against the trader: up for a buy, down for a sell. Throws a
 * ValidationError for a tick size or price that is not positive and finite, or a price below
 * one tick, so that a sell can never round to zero.
 *
 * @example
 * ```ts
 * roundToTickAdverse(2345.01, 'BUY', 0.05);  // 2345.05
 * roundToTickAdverse(2345.09, 'SELL', 0.05); // 2345.05
 * roundToTickAdverse(2345.05, 'BUY', 0.05);  // 2345.05 (already on the grid)
 * ```
 */
export function roundToTickAdverse(price: number, side: Side, tickSize: number): number {
  if (!(tickSize > 0) || !Number.isFinite(tickSize)) {
    throw invalid('tickSize', tickSize, 'must be a positive finite number, e.g. 0.05');
  }
  if (!(price > 0) || !Number.isFinite(price)) {
    throw invalid('price', price, 'must be a positive finite number');
  }
  const steps = price / tickSize;
  if (steps < 1 - GRID_TOLERANCE) {
    throw invalid('price', price, `must be at least one tick (${tickSize})`);
  }
  const rounded =
    side === 'BUY' ? Math.ceil(steps - GRID_TOLERANCE) : Math.floor(steps + GRID_TOLERANCE);
  return onGrid(rounded, tickSize);
}
