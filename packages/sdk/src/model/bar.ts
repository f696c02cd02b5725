import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { freezeMessage } from './freeze.js';
import { InstrumentIdSchema, type InstrumentId } from './instrument.js';
import { TimeframeSchema, type Timeframe } from './timeframe.js';

/**
 * An OHLCV bar. `time` is the bar's OPEN time in epoch ms (UTC); the bar becomes known at
 * `time + timeframe` (for `1d`, at the session close).
 */
export interface Bar {
  readonly kind: 'bar';
  readonly instrument: InstrumentId;
  readonly timeframe: Timeframe;
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** Traded quantity in units (0 for an index). */
  readonly volume: number;
  /** Open interest at the bar's close (derivatives). */
  readonly oi?: number;
}

const price = z.number().positive();

/** Zod schema of a {@link Bar}: positive prices, low <= open, close <= high, volume >= 0. */
export const BarSchema = z
  .object({
    kind: z.literal('bar'),
    instrument: InstrumentIdSchema,
    timeframe: TimeframeSchema,
    time: z.number().int(),
    open: price,
    high: price,
    low: price,
    close: price,
    volume: z.number().nonnegative(),
    oi: z.number().nonnegative().optional(),
  })
  .superRefine((b, ctx) => {
    // `high` is checked first so that a bar with high < low is reported on `high`.
    if (b.high < b.low) {
      ctx.addIssue({
        code: 'custom',
        path: ['high'],
        message: `high ${b.high} is below low ${b.low}`,
      });
    }
    if (b.open > b.high || b.open < b.low) {
      ctx.addIssue({
        code: 'custom',
        path: ['open'],
        message: `open lies outside [low ${b.low}, high ${b.high}]`,
      });
    }
    if (b.close > b.high || b.close < b.low) {
      ctx.addIssue({
        code: 'custom',
        path: ['close'],
        message: `close lies outside [low ${b.low}, high ${b.high}]`,
      });
    }
  });

/**
 * Validates a bar (for example one read back from JSON) and returns it deep-frozen; throws a
 * ValidationError naming the field and value otherwise.
 *
 * @example
 * ```ts
 * const bar = parseBar({ kind: 'bar', instrument: 'NSE:INFY', timeframe: '1m',
 *   time: Date.UTC(2025, 0, 1, 3, 45), open: 1900, high: 1905, low: 1898, close: 1902, volume: 1200 });
 * ```
 */
export function parseBar(input: unknown): Bar {
  return freezeMessage(parseWith(BarSchema, input, 'bar'));
}
