import fc from 'fast-check';
import { Subject, firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  FeedOrderError,
  fromArray,
  fromAsyncIterable,
  mergeByTime,
  mergeIterablesByTime,
} from '../../src/feeds/index.js';
import type { Tick } from '../../src/model/tick.js';
import { sourcesArb, tick } from './events.js';

async function* slowly(events: readonly Tick[], delays: readonly number[]): AsyncGenerator<Tick> {
  for (let i = 0; i < events.length; i++) {
    await new Promise((resolve) => setTimeout(resolve, delays[i % delays.length]));
    yield events[i]!;
  }
}

describe('mergeByTime', () => {
  it('merges synchronous feeds like the iterable merge', async () => {
    const a = [tick('NSE:INFY', 1), tick('NSE:INFY', 4)];
    const b = [tick('NSE:TCS', 1), tick('NSE:TCS', 2)];
    const merged = await lastValueFrom(mergeByTime(fromArray(a), fromArray(b)).pipe(toArray()));
    expect(merged).toEqual([a[0], b[0], b[1], a[1]]);
  });

  it('waits for every open feed before emitting, so a late early event is not overtaken', () => {
    const a = new Subject<Tick>();
    const b = new Subject<Tick>();
    const seen: number[] = [];
    mergeByTime(a, b).subscribe((e) => seen.push(e.time));
    a.next(tick('NSE:INFY', 10));
    expect(seen).toEqual([]); // b might still send something earlier
    b.next(tick('NSE:TCS', 5));
    expect(seen).toEqual([tick('NSE:TCS', 5).time]);
    b.complete();
    expect(seen).toEqual([tick('NSE:TCS', 5).time, tick('NSE:INFY', 10).time]);
  });

  it('completes when every feed has completed and its events are out', async () => {
    const merged = mergeByTime(fromArray([tick('NSE:INFY', 1)]), fromArray<Tick>([]));
    expect(await lastValueFrom(merged.pipe(toArray()))).toHaveLength(1);
    expect(await lastValueFrom(mergeByTime<Tick>().pipe(toArray()))).toEqual([]);
  });

  it('errors with a FeedOrderError when a feed goes back in time', async () => {
    const bad = new Subject<Tick>();
    const result = lastValueFrom(
      mergeByTime(bad, fromArray([tick('NSE:TCS', 100)])).pipe(toArray()),
    );
    bad.next(tick('NSE:INFY', 50));
    bad.next(tick('NSE:INFY', 40));
    await expect(result).rejects.toMatchObject({ code: 'FEED_ORDER', source: 0, position: 1 });
    await expect(result).rejects.toBeInstanceOf(FeedOrderError);
  });

  it('stops pulling from its feeds when the subscriber unsubscribes', async () => {
    let returned = false;
    async function* endless(): AsyncGenerator<Tick> {
      try {
        for (let s = 0; ; s++) yield await Promise.resolve(tick('NSE:INFY', s));
      } finally {
        returned = true;
      }
    }
    const first = await firstValueFrom(mergeByTime(fromAsyncIterable(endless())).pipe(take(1)));
    expect(first.time).toBe(tick('NSE:INFY', 0).time);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(returned).toBe(true);
  });

  it('gives the same order as mergeIterablesByTime for async feeds with arbitrary timing', async () => {
    await fc.assert(
      fc.asyncProperty(
        sourcesArb,
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 5 }),
        async (sources, delays) => {
          const expected = [...mergeIterablesByTime(sources)];
          const feeds = sources.map((events, s) =>
            fromAsyncIterable(
              slowly(
                events,
                delays.map((d) => d + (s % 2)),
              ),
            ),
          );
          const merged = await lastValueFrom(mergeByTime(...feeds).pipe(toArray()));
          expect(merged).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });
});
