import { SweepInputError } from './sweep-input-error.js';

/** A parameter grid: each parameter name maps to the values to try. */
export type ParameterGrid = Readonly<Record<string, readonly unknown[]>>;

/**
 * Every combination of a grid's values, merged over `base`, in a fixed order: the last
 * parameter varies fastest, so point `i` is the same for every run of the same grid.
 *
 * @example
 * ```ts
 * expandGrid({ fast: [5, 10], slow: [20, 30] });
 * // [{fast:5,slow:20},{fast:5,slow:30},{fast:10,slow:20},{fast:10,slow:30}]
 * ```
 */
export function expandGrid(
  grid: unknown,
  base: Readonly<Record<string, unknown>> = {},
): Record<string, unknown>[] {
  if (typeof grid !== 'object' || grid === null || Array.isArray(grid))
    throw new SweepInputError(
      'grid',
      grid,
      'must be a JSON object of parameter -> array of values',
    );
  const entries = Object.entries(grid as Record<string, unknown>);
  if (entries.length === 0) throw new SweepInputError('grid', grid, 'name at least one parameter');
  for (const [name, values] of entries) {
    if (!Array.isArray(values) || values.length === 0)
      throw new SweepInputError(`grid.${name}`, values, 'must be a non-empty array of values');
  }
  let points: Record<string, unknown>[] = [{ ...base }];
  for (const [name, values] of entries) {
    const next: Record<string, unknown>[] = [];
    for (const point of points)
      for (const v of values as unknown[]) next.push({ ...point, [name]: v });
    points = next;
  }
  return points;
}
