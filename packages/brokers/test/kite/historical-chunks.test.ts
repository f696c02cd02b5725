import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historicalChunks, KITE_MAX_SPAN_DAYS, type KiteInterval } from '../../src/kite/index.js';

const INTERVALS = Object.keys(KITE_MAX_SPAN_DAYS) as KiteInterval[];
const DAY = 86_400_000;

describe('historicalChunks', () => {
  it('splits 100 days of minutes at the 60-day limit', () => {
    const chunks = historicalChunks(0, 100 * DAY, 'minute');
    expect(chunks).toEqual([
      { from: 0, to: 60 * DAY - 1000 },
      { from: 60 * DAY, to: 100 * DAY },
    ]);
  });

  it('returns one chunk for a range within the limit and none for an empty range', () => {
    expect(historicalChunks(5_000, 9_000, 'day')).toEqual([{ from: 5_000, to: 9_000 }]);
    expect(historicalChunks(10_000, 9_000, 'day')).toEqual([]);
  });

  it('covers [from, to] in whole seconds without overlap or gap, each within the span limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 0, max: 3000 * DAY }),
        fc.constantFrom(...INTERVALS),
        (from, length, interval) => {
          const to = from + length;
          const chunks = historicalChunks(from, to, interval);
          const start = Math.ceil(from / 1000) * 1000;
          const end = Math.floor(to / 1000) * 1000;
          if (start > end) return chunks.length === 0;
          expect(chunks[0]?.from).toBe(start);
          expect(chunks.at(-1)?.to).toBe(end);
          for (let i = 0; i < chunks.length; i++) {
            const chunk = chunks[i]!;
            expect(chunk.from).toBeLessThanOrEqual(chunk.to);
            expect(chunk.to - chunk.from).toBeLessThan(KITE_MAX_SPAN_DAYS[interval] * DAY);
            if (i > 0) expect(chunk.from).toBe(chunks[i - 1]!.to + 1000);
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});
