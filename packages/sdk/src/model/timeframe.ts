import { z } from 'zod';

/** Bar timeframes Pravah understands. `1d` is one IST trading session. */
export const TIMEFRAMES = ['1s', '1m', '3m', '5m', '10m', '15m', '30m', '60m', '1d'] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];
/** Zod schema of a {@link Timeframe}. */
export const TimeframeSchema = z.enum(TIMEFRAMES);

const MS: Record<Timeframe, number> = {
  '1s': 1_000,
  '1m': 60_000,
  '3m': 180_000,
  '5m': 300_000,
  '10m': 600_000,
  '15m': 900_000,
  '30m': 1_800_000,
  '60m': 3_600_000,
  '1d': 86_400_000,
};

/**
 * Length of a timeframe in milliseconds (`1d` counts as 24 h; a daily bar is known at its
 * session close, see the calendar).
 *
 * @example
 * ```ts
 * timeframeMs('15m'); // 900000
 * ```
 */
export function timeframeMs(timeframe: Timeframe): number {
  return MS[timeframe];
}
