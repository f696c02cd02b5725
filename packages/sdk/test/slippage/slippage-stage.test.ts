import { describe, expect, it } from 'vitest';
import {
  fixedBps,
  halfSpread,
  slippageStage,
  UnknownInstrumentError,
  ValidationError,
  volumeShare,
  type Fill,
  type MarketEvent,
} from '../../src/index.js';
import { bar, context, fill, infy, marbles, niftyFut, reliance, tick } from './fixtures.js';

describe('slippageStage', () => {
  it('prices each fill from the latest market event of its own instrument', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const market$ = hot<MarketEvent>('-q-n-r---', {
        q: tick(2400, { bid: 2399.9, ask: 2400.3 }),
        n: { ...tick(24_000), instrument: niftyFut.id },
        r: tick(2401, { bid: 2400.5, ask: 2401.5 }),
      });
      const stage = slippageStage(halfSpread())(context({ market$ }));
      const early = fill({ id: 'e' });
      const first = fill({ id: 'a' });
      const future = fill({
        id: 'b',
        instrument: niftyFut.id,
        side: 'SELL',
        quantity: 75,
        price: 24_000,
      });
      const later = fill({ id: 'c', side: 'SELL', price: 2401 });
      expectObservable(
        hot('e-a-b--c|', { e: early, a: first, b: future, c: later }).pipe(stage),
      ).toBe('e-a-b--c|', {
        // No quote yet: the fallback, one 0.1 tick.
        e: { ...early, price: 2400.1 },
        a: { ...first, price: 2400.2 },
        // NIFTY's tick carries no quotes: one tick against the seller.
        b: { ...future, price: 23_999.9 },
        c: { ...later, price: 2400.5 },
      });
    });
  });

  it("feeds a bar's volume to the volume-share model", () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const market$ = hot<MarketEvent>('m--', { m: { ...bar(reliance, 2400), volume: 40_000 } });
      const stage = slippageStage(volumeShare({ impact: 0.1 }))(context({ market$ }));
      const big = fill({ quantity: 400 });
      // sqrt(400 / 40000) = 0.1, times 0.1 is a 1% move: 2,424.00.
      expectObservable(hot('-a|', { a: big }).pipe(stage)).toBe('-a|', {
        a: { ...big, price: 2424 },
      });
    });
  });

  it('errors the stream on a fill for an unknown instrument', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const stage = slippageStage(fixedBps(5))(context({}));
      const stray = fill({ instrument: 'NSE:UNLISTED' });
      expectObservable(hot('-a-b|', { a: fill(), b: stray }).pipe(stage)).toBe(
        '-a-#',
        { a: { ...fill(), price: 2401.2 } },
        new UnknownInstrumentError('NSE:UNLISTED'),
      );
    });
  });

  it('keeps no state across subscriptions and rejects a non-model', () => {
    const scheduler = marbles();
    scheduler.run(({ cold, hot, expectObservable }) => {
      const market$ = hot<MarketEvent>('q----', {
        q: { ...tick(1500, { bid: 1499, ask: 1501 }), instrument: infy.id },
      });
      const stage = slippageStage(halfSpread())(context({ market$ }));
      const a: Fill = fill({ instrument: infy.id, price: 1500 });
      const fills = cold('-a|', { a });
      // The first subscription saw the 1499 / 1501 quote: half the spread is a rupee.
      expectObservable(fills.pipe(stage)).toBe('-a|', { a: { ...a, price: 1501 } });
      // The second starts after it, with no quote of its own: the one-tick fallback.
      expectObservable(fills.pipe(stage), '--^----').toBe('---a|', { a: { ...a, price: 1500.05 } });
    });
    expect(() => slippageStage({ name: 'x' } as never)).toThrow(ValidationError);
  });
});
