import { z } from 'zod';
import type { OhlcvInput } from '../../indicators/indicator.js';
import type { MarketEvent } from '../../model/market-event.js';
import type { IndicatorFactory, PriceSource, Series } from '../types.js';

/** A function (indicator factory, signal, projection); checked only for being callable. */
export function callable<T>(message: string): z.ZodType<T> {
  return z.custom<T>((value) => typeof value === 'function', { message });
}

export const confidenceSchema = z
  .number()
  .gt(0, 'must be above 0')
  .max(1, 'must be at most 1')
  .default(1);

export const nameSchema = (fallback: string) =>
  z.string().min(1, 'must not be empty').default(fallback);

export const allowShortSchema = z.boolean().default(false);

export const priceSourceSchema: z.ZodType<PriceSource> = z.union([
  z.enum(['open', 'high', 'low', 'close', 'hl2', 'hlc3', 'ohlc4']),
  callable<(event: MarketEvent) => number>(
    'must be a price field name or a function (event) => number',
  ),
]);

export const seriesSchema: z.ZodType<Series> = z.union([
  z.literal('price'),
  callable<IndicatorFactory>('must be a factory such as () => new Sma(10)'),
  z.object({
    ohlcv: callable<IndicatorFactory<OhlcvInput, number>>(
      'must be a factory such as () => new Atr(14)',
    ),
  }),
]);

/** `HH:MM` on the 24-hour clock, returned as minutes after midnight. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM, e.g. 09:15')
  .transform((text) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3)));
