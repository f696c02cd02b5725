import { BarSchema, type Bar, type InstrumentId, type Timeframe } from '@pravah/sdk';
import type { z } from 'zod';
import { BrokerPayloadError, InputRejectedError } from '../errors/broker-errors.js';
import { intervalOf } from './smartapi-enums.js';
import { formatCandleTime } from './smartapi-time.js';
import type { WireCandleSchema } from './smartapi-wire-schemas.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** One getCandleData request span, as epoch ms (both ends inclusive at SmartAPI). */
export interface CandleChunk {
  readonly from: number;
  readonly to: number;
}

/**
 * Splits `[from, to]` into spans no longer than the interval's documented maximum. Chunks do
 * not overlap: each starts one minute (the API's resolution) after the previous one ends.
 *
 * @example
 * ```ts
 * candleChunks('1m', 0, 45 * 86_400_000).length; // 2 (30-day limit)
 * ```
 */
export function candleChunks(timeframe: Timeframe, from: number, to: number): CandleChunk[] {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) {
    throw new InputRejectedError(`smartapi candles need from <= to, got ${from} .. ${to}`, {
      broker: 'smartapi',
    });
  }
  const span = intervalOf(timeframe).maxDays * DAY_MS;
  const start = Math.floor(from / MINUTE_MS) * MINUTE_MS;
  const end = Math.floor(to / MINUTE_MS) * MINUTE_MS;
  const chunks: CandleChunk[] = [];
  for (let at = start; at <= end;) {
    const chunkEnd = Math.min(end, at + span);
    chunks.push({ from: at, to: chunkEnd });
    at = chunkEnd + MINUTE_MS;
  }
  return chunks;
}

/**
 * The getCandleData body of one chunk.
 *
 * @example
 * ```ts
 * candleRequestBody('NSE', '3045', '1m', { from, to }).interval; // 'ONE_MINUTE'
 * ```
 */
export function candleRequestBody(
  exchange: string,
  token: string,
  timeframe: Timeframe,
  chunk: CandleChunk,
): Record<string, string> {
  return {
    exchange,
    symboltoken: token,
    interval: intervalOf(timeframe).interval,
    fromdate: formatCandleTime(chunk.from),
    todate: formatCandleTime(chunk.to),
  };
}

/**
 * Appends candles to `bars` in time order, dropping any at or before the last one kept (chunk
 * edges and retried chunks never produce duplicates).
 *
 * @example
 * ```ts
 * appendCandles(bars, 'NSE:SBIN', '1m', rows);
 * ```
 */
export function appendCandles(
  bars: Bar[],
  instrument: InstrumentId,
  timeframe: Timeframe,
  rows: readonly z.output<typeof WireCandleSchema>[],
): void {
  const sorted = rows
    .map((row) => ({ row, time: Date.parse(row[0]) }))
    .sort((a, b) => a.time - b.time);
  for (const { row, time } of sorted) {
    if (!Number.isFinite(time)) {
      throw new BrokerPayloadError('smartapi', 'candle', [`time ${JSON.stringify(row[0])}`]);
    }
    const last = bars[bars.length - 1];
    if (last !== undefined && time <= last.time) continue;
    const parsed = BarSchema.safeParse({
      kind: 'bar',
      instrument,
      timeframe,
      time,
      open: row[1],
      high: row[2],
      low: row[3],
      close: row[4],
      volume: row[5],
    });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${row[0]} ${i.path.join('.')}: ${i.message}`);
      throw new BrokerPayloadError('smartapi', 'candle', issues);
    }
    bars.push(Object.freeze(parsed.data) as Bar);
  }
}
