import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedOrderError, mergeIterablesByTime } from '../../src/feeds/index.js';
import { knownAt, type MarketEvent } from '../../src/model/market-event.js';
import type { Tick } from '../../src/model/tick.js';
import { bar, sourcesArb, tick } from './events.js';

describe('mergeIterablesByTime', () => {
  it('interleaves sources by the time events become known', () => {
    const infy = [bar('NSE:INFY', 0), bar('NSE:INFY', 2)];
    const tcs = [tick('NSE:TCS', 30), tick('NSE:TCS', 150)];
    const merged = [...mergeIterablesByTime<MarketEvent>([infy, tcs])];
    // The 09:15 INFY bar is known at 09:16 (60 s), after the 30 s tick and before the 150 s one.
    expect(merged).toEqual([tcs[0], infy[0], tcs[1], infy[1]]);
  });

  it('breaks ties by source order, then by order within a source', () => {
    const a = [tick('NSE:INFY', 5, 1), tick('NSE:INFY', 5, 2)];
    const b = [tick('NSE:TCS', 5, 3)];
    const c = [tick('NSE:NIFTY 50', 4, 4), tick('NSE:NIFTY 50', 5, 5)];
    const prices = [...mergeIterablesByTime([a, b, c])].map((e) =>
      e.kind === 'tick' ? e.price : 0,
    );
    expect(prices).toEqual([4, 1, 2, 3, 5]);
  });

  it('handles no sources, empty sources and a single source', () => {
    expect([...mergeIterablesByTime([])]).toEqual([]);
    expect([...mergeIterablesByTime([[], []])]).toEqual([]);
    const only = [tick('NSE:INFY', 1), tick('NSE:INFY', 2)];
    expect([...mergeIterablesByTime([[], only])]).toEqual(only);
  });

  it('is lazy: it pulls from generators only as far as needed', () => {
    let pulled = 0;
    function* endless(): Generator<Tick> {
      for (let s = 0; ; s++) {
        pulled++;
        yield tick('NSE:INFY', s);
      }
    }
    const merged = mergeIterablesByTime([endless(), [tick('NSE:TCS', 1)]]);
    const nextTick = (): Tick | undefined => {
      const step = merged.next();
      return step.done === true ? undefined : step.value;
    };
    const firstThree = [nextTick(), nextTick(), nextTick()];
    expect(firstThree.map((e) => e?.instrument)).toEqual(['NSE:INFY', 'NSE:INFY', 'NSE:TCS']);
    expect(pulled).toBeLessThanOrEqual(4);
  });

  it('throws a FeedOrderError naming the source and position when a source goes back in time', () => {
    const bad = [tick('NSE:INFY', 5), tick('NSE:INFY', 3)];
    let error: unknown;
    try {
      Array.from(mergeIterablesByTime([[tick('NSE:TCS', 1)], bad]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeedOrderError);
    expect(error).toMatchObject({ code: 'FEED_ORDER', source: 1, position: 1 });
  });

  it('output is sorted by knownAt, a permutation of the inputs, and stable for ties', () => {
    fc.assert(
      fc.property(sourcesArb, (sources) => {
        const merged = [...mergeIterablesByTime(sources)];
        const all = sources.flat();
        expect(merged.length).toBe(all.length);
        expect(new Set(merged)).toEqual(new Set(all));
        for (let i = 1; i < merged.length; i++) {
          const previous = merged[i - 1]!;
          const current = merged[i]!;
          expect(knownAt(current)).toBeGreaterThanOrEqual(knownAt(previous));
          // Prices encode source * 1000 + position: equal times must come in that order.
          if (
            knownAt(current) === knownAt(previous) &&
            current.kind === 'tick' &&
            previous.kind === 'tick'
          ) {
            expect(current.price).toBeGreaterThan(previous.price);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
