/** Which way a price may move when it is put on the tick grid. */
export type TickRounding = 'down' | 'up';

/** A price this close to a grid point (in ticks, plus a relative part) is on it: binary float noise. */
const GRID_TOLERANCE = 1e-9;
const GRID_RELATIVE_TOLERANCE = 1e-12;

/**
 * Puts `price` on the instrument's tick grid, moving it only in the given direction, and returns
 * a clean decimal (e.g. 101.15, not 101.15000000000001). Never returns less than one tick.
 *
 * @example
 * ```ts
 * roundToTick(101.17, 0.05, 'down'); // 101.15 (a buy limit never pays more)
 * roundToTick(101.17, 0.05, 'up'); // 101.2 (a sell limit never asks less)
 * ```
 */
export function roundToTick(price: number, tickSize: number, rounding: TickRounding): number {
  const ticks = price / tickSize;
  const tolerance = GRID_TOLERANCE + Math.abs(ticks) * GRID_RELATIVE_TOLERANCE;
  const n = rounding === 'down' ? Math.floor(ticks + tolerance) : Math.ceil(ticks - tolerance);
  return tickPrice(Math.max(1, n), tickSize);
}

/** `n` ticks as a clean decimal. */
export function tickPrice(n: number, tickSize: number): number {
  const decimals = Math.min(12, Math.max(0, 2 - Math.floor(Math.log10(tickSize))));
  return Number((n * tickSize).toFixed(decimals));
}
