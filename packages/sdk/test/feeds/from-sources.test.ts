import { lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  FeedOrderError,
  fromArray,
  fromAsyncIterable,
  fromIterable,
} from '../../src/feeds/index.js';
import type { MarketEvent } from '../../src/model/market-event.js';
import { bar, tick } from './events.js';

describe('fromArray', () => {
  it('emits every event synchronously, for each subscriber', () => {
    const events = [tick('NSE:INFY', 1), bar('NSE:INFY', 0), tick('NSE:INFY', 61)];
    const feed = fromArray(events);
    for (let run = 0; run < 2; run++) {
      const seen: MarketEvent[] = [];
      let completed = false;
      feed.subscribe({ next: (e) => seen.push(e), complete: () => (completed = true) });
      expect(seen).toEqual(events);
      expect(completed).toBe(true);
    }
  });

  it('errors with a FeedOrderError at the first event known earlier than the one before', () => {
    // A 09:15 bar is known at 09:16, so a tick at 09:15:30 after it goes back in time.
    const events = [bar('NSE:INFY', 0), tick('NSE:INFY', 30)];
    let error: unknown;
    const seen: MarketEvent[] = [];
    fromArray(events).subscribe({ next: (e) => seen.push(e), error: (e: unknown) => (error = e) });
    expect(seen).toEqual([events[0]]);
    expect(error).toBeInstanceOf(FeedOrderError);
    expect(error).toMatchObject({ source: 0, position: 1, knownAt: events[1]!.time });
  });

  it('stops emitting once the subscriber has had enough', async () => {
    const events = [tick('NSE:INFY', 1), tick('NSE:INFY', 2), tick('NSE:INFY', 3)];
    expect(await lastValueFrom(fromArray(events).pipe(take(2), toArray()))).toEqual(
      events.slice(0, 2),
    );
  });
});

describe('fromIterable', () => {
  it('reads a generator synchronously and closes it when unsubscribed', () => {
    let closed = false;
    function* ticks() {
      try {
        for (let s = 0; ; s++) yield tick('NSE:INFY', s);
      } finally {
        closed = true;
      }
    }
    const seen: number[] = [];
    fromIterable(ticks())
      .pipe(take(3))
      .subscribe((e) => seen.push(e.time - tick('NSE:INFY', 0).time));
    expect(seen).toEqual([0, 1000, 2000]);
    expect(closed).toBe(true);
  });

  it('errors with a FeedOrderError on an unordered iterable', () => {
    let error: unknown;
    fromIterable(new Set([tick('NSE:INFY', 2), tick('NSE:INFY', 1)])).subscribe({
      error: (e: unknown) => (error = e),
    });
    expect(error).toMatchObject({ code: 'FEED_ORDER', position: 1 });
  });
});

describe('fromAsyncIterable', () => {
  it('emits the events of an async generator, then completes', async () => {
    async function* ticks() {
      for (let s = 0; s < 3; s++) {
        await Promise.resolve();
        yield tick('NSE:INFY', s);
      }
    }
    const seen = await lastValueFrom(fromAsyncIterable(ticks()).pipe(toArray()));
    expect(seen.map((e) => e.time - tick('NSE:INFY', 0).time)).toEqual([0, 1000, 2000]);
  });

  it('passes on an error thrown by the source', async () => {
    async function* failing(): AsyncGenerator<MarketEvent> {
      yield await Promise.resolve(tick('NSE:INFY', 0));
      throw new Error('socket closed');
    }
    await expect(lastValueFrom(fromAsyncIterable(failing()))).rejects.toThrow('socket closed');
  });

  it('errors with a FeedOrderError on an unordered source and closes it', async () => {
    let closed = false;
    async function* unordered() {
      try {
        yield await Promise.resolve(tick('NSE:INFY', 5));
        yield tick('NSE:INFY', 4);
        yield tick('NSE:INFY', 6);
      } finally {
        closed = true;
      }
    }
    await expect(lastValueFrom(fromAsyncIterable(unordered()))).rejects.toBeInstanceOf(
      FeedOrderError,
    );
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(closed).toBe(true);
  });
});
