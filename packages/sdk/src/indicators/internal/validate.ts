import { IndicatorInputError, IndicatorParameterError } from '../errors.js';

/** Throws unless `value` is an integer >= `min` (periods and lengths). Returns it typed as number. */
export function checkPeriod(indicator: string, field: string, value: unknown, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new IndicatorParameterError(indicator, field, value, `an integer >= ${min}`);
  }
  return value;
}

/** Throws unless `value` is a finite number >= `min`. */
export function checkFiniteParameter(
  indicator: string,
  field: string,
  value: unknown,
  min: number,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new IndicatorParameterError(indicator, field, value, `a finite number >= ${min}`);
  }
  return value;
}

/**
 * The hot-path input guard. `x - x` is 0 for every finite number and NaN for NaN and
 * +-Infinity, so one subtraction and one comparison reject every non-finite input
 * (non-numbers included, since `undefined - undefined` is NaN as well).
 */
export function checkInput(indicator: string, field: string, x: number): void {
  if (x - x !== 0) throw new IndicatorInputError(indicator, field, x);
}
