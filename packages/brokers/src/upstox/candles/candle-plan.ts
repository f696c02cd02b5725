import type { Timeframe } from '@pravah/sdk';
import { InputRejectedError } from '../../errors/broker-errors.js';
import { istDate, istMidnight } from '../wire/wire-time.js';

/** Upstox v3 candle unit. */
export type UpstoxCandleUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months';

/** Unit, interval and the largest date span one request may cover. */
export interface UpstoxCandleSpec {
  readonly unit: UpstoxCandleUnit;
  readonly interval: number;
  /** Days one request may span, inclusive of both ends (conservative: 1 month = 28 days). */
  readonly maxSpanDays: number;
}

const MONTH_DAYS = 28;
const QUARTER_DAYS = 89;
const DECADE_DAYS = 3_650;
const DAY_MS = 86_400_000;

/**
 * The v3 unit/interval of an SDK timeframe and its per-request range (UDOC v3: minutes 1-15 one
 * month, above 15 one quarter, hours one quarter, days one decade). `1s` has no Upstox candles.
 *
 * @example
 * ```ts
 * upstoxCandleSpec('60m'); // { unit: 'hours', interval: 1, maxSpanDays: 89 }
 * ```
 */
export function upstoxCandleSpec(timeframe: Timeframe): UpstoxCandleSpec {
  switch (timeframe) {
    case '1m':
    case '3m':
    case '5m':
    case '10m':
    case '15m':
      return { unit: 'minutes', interval: Number(timeframe.slice(0, -1)), maxSpanDays: MONTH_DAYS };
    case '30m':
      return { unit: 'minutes', interval: 30, maxSpanDays: QUARTER_DAYS };
    case '60m':
      return { unit: 'hours', interval: 1, maxSpanDays: QUARTER_DAYS };
    case '1d':
      return { unit: 'days', interval: 1, maxSpanDays: DECADE_DAYS };
    case '1s':
      throw new InputRejectedError('Upstox has no 1-second candles: use 1m or longer', {
        broker: 'upstox',
      });
  }
}

/** One request's inclusive IST date range. */
export interface CandleChunk {
  readonly fromDate: string;
  readonly toDate: string;
}

/**
 * Splits `[from, to]` (epoch ms) into consecutive, non-overlapping IST date ranges of at most
 * `maxSpanDays` days each, oldest first.
 *
 * @example
 * ```ts
 * candleChunks(Date.parse('2024-01-01T09:15:00+05:30'), Date.parse('2024-02-15T15:30:00+05:30'), 28);
 * // [{ fromDate: '2024-01-01', toDate: '2024-01-28' }, { fromDate: '2024-01-29', toDate: '2024-02-15' }]
 * ```
 */
export function candleChunks(from: number, to: number, maxSpanDays: number): CandleChunk[] {
  if (!(Number.isFinite(from) && Number.isFinite(to)) || from > to) {
    throw new InputRejectedError(`candle range from ${from} to ${to} is empty or not finite`, {
      broker: 'upstox',
    });
  }
  const chunks: CandleChunk[] = [];
  const last = istMidnight(istDate(to));
  for (let start = istMidnight(istDate(from)); start <= last; start += maxSpanDays * DAY_MS) {
    const end = Math.min(start + (maxSpanDays - 1) * DAY_MS, last);
    chunks.push({ fromDate: istDate(start), toDate: istDate(end) });
  }
  return chunks;
}
