import type { Bar } from '@pravah/sdk';

/**
 * The explicit path a bar's price is assumed to take: open, then the nearer of high and low,
 * then the other extreme, then close. When open is equidistant from both, the low comes first
 * (the adverse path for a long entry's stop, so a backtest never flatters longs on ties).
 * Returned as four prices; segments between consecutive points are monotonic.
 */
export function intrabarPath(
  bar: Pick<Bar, 'open' | 'high' | 'low' | 'close'>,
  out: Float64Array,
): Float64Array {
  const highFirst = bar.high - bar.open < bar.open - bar.low;
  out[0] = bar.open;
  out[1] = highFirst ? bar.high : bar.low;
  out[2] = highFirst ? bar.low : bar.high;
  out[3] = bar.close;
  return out;
}

/** Where along a path a level was first reached: segment index and the price at that point. */
export interface PathTouch {
  /** Index of the segment (0..2) in which the level was reached; 0 also covers the open itself. */
  readonly segment: number;
  /** Price at the touch: the segment's start when it already satisfied the level (a gap), else the level. */
  readonly price: number;
}

/**
 * Walks `path` from `from` (a price inside segment `segment`) and returns the first point where
 * price >= level (`up`) or price <= level (`!up`), or undefined when the bar never gets there.
 * A start that already satisfies the level returns the start price: that is how gaps fill.
 */
export function firstTouch(
  path: Float64Array,
  segment: number,
  from: number,
  level: number,
  up: boolean,
): PathTouch | undefined {
  for (let s = segment; s < 3; s++) {
    const start = s === segment ? from : path[s]!;
    const end = path[s + 1]!;
    if (up ? start >= level : start <= level) return { segment: s, price: start };
    if (up ? end >= level : end <= level) return { segment: s, price: level };
  }
  return undefined;
}
