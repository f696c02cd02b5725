import { TIMEFRAMES, timeframeMs, type Timeframe } from '../../model/timeframe.js';

const DAILY_FROM_MS = 20 * 3_600_000;

/**
 * The timeframe whose length equals the median positive spacing between consecutive rows of
 * the same instrument (`1d` for anything of 20 hours or more: weekends and holidays make some
 * daily gaps longer, the median is still a day). Undefined when no timeframe fits.
 */
export function timeframeOfSpacing(medianMs: number): Timeframe | undefined {
  if (medianMs >= DAILY_FROM_MS) return '1d';
  return TIMEFRAMES.find((tf) => timeframeMs(tf) === medianMs);
}

/**
 * Median positive spacing between consecutive rows of each instrument, in row order, using at
 * most the first 10,000 spacings. NaN when there is none.
 */
export function medianSpacing(
  times: Float64Array,
  keys: Int32Array,
  order: Int32Array | null,
  count: number,
  instruments: number,
): number {
  const last = new Float64Array(Math.max(1, instruments)).fill(Number.NaN);
  const gaps: number[] = [];
  for (let p = 0; p < count && gaps.length < 10_000; p++) {
    const i = order === null ? p : order[p]!;
    const t = times[i]!;
    const k = keys[i]!;
    const gap = t - last[k]!;
    if (gap > 0) gaps.push(gap);
    last[k] = t;
  }
  if (gaps.length === 0) return Number.NaN;
  gaps.sort((a, b) => a - b);
  return gaps[gaps.length >> 1]!;
}
