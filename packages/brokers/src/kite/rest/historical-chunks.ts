import type { KiteInterval } from '../mapping/kite-enums.js';

const DAY_MS = 86_400_000;

/**
 * Longest span one historical request may cover, per interval: 60 days for intraday
 * intervals, 2000 days for `day` (production limits, BROKERS.md §1.2; OA zerodha data.py).
 */
export const KITE_MAX_SPAN_DAYS: Readonly<Record<KiteInterval, number>> = {
  minute: 60,
  '3minute': 60,
  '5minute': 60,
  '10minute': 60,
  '15minute': 60,
  '30minute': 60,
  '60minute': 60,
  day: 2000,
};

/** One request window, both ends inclusive, whole seconds (Kite's `from`/`to` resolution). */
export interface TimeChunk {
  readonly from: number;
  readonly to: number;
}

/**
 * Splits `[from, to]` (epoch ms, inclusive) into request windows no longer than the interval's
 * maximum span. Ends are aligned to whole seconds; each chunk starts one second after the
 * previous one ends, so the windows neither overlap nor leave a gap.
 *
 * @example
 * ```ts
 * historicalChunks(0, 100 * 86_400_000, 'minute').length; // 2
 * ```
 */
export function historicalChunks(
  from: number,
  to: number,
  interval: KiteInterval,
  maxSpanDays: number = KITE_MAX_SPAN_DAYS[interval],
): TimeChunk[] {
  const start = Math.ceil(from / 1000) * 1000;
  const end = Math.floor(to / 1000) * 1000;
  const span = maxSpanDays * DAY_MS;
  const chunks: TimeChunk[] = [];
  for (let a = start; a <= end;) {
    const b = Math.min(a + span - 1000, end);
    chunks.push({ from: a, to: b });
    a = b + 1000;
  }
  return chunks;
}
