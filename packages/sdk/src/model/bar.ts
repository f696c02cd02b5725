import { z } from 'zod';
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
  readonly volume: number;
  /** Open interest at the bar's close (derivatives). */
  readonly oi?: number;
}

const price = z.number().finite().positive();

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
    volume: z.number().finite().nonnegative(),
    oi: z.number().finite().nonnegative().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.high < b.low) ctx.addIssue({ code: 'custom', path: ['high'], message: `high ${b.high} is below low ${b.low}` });
    if (b.open > b.high || b.open < b.low) ctx.addIssue({ code: 'custom', path: ['open'], message: 'open lies outside [low, high]' });
    if (b.close > b.high || b.close < b.low) ctx.addIssue({ code: 'custom', path: ['close'], message: 'close lies outside [low, high]' });
  });
