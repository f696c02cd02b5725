import fc from 'fast-check';
import { Subject, delay, filter, map, pairwise, throwError, type Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  knownAt,
  lastPrice,
  perInstrument,
  type InstrumentId,
  type MarketEvent,
  type Signal,
  type SignalEvent,
} from '../../src/index.js';
import { INFY, SBIN, TCS, closes, ctx, marbles, runSync } from './_helpers.js';

/** A naive signal that only makes sense for one instrument: long on every up-move. */
const upMove: Signal = () => (events) =>
  events.pipe(
    pairwise(),
    filter(([a, b]) => lastPrice(b) > lastPrice(a)),
    map(([, b]): SignalEvent => ({
      kind: 'signal',
      instrument: b.instrument,
      time: knownAt(b),
      direction: 'long',
      confidence: 1,
      price: lastPrice(b),
      reason: 'up move',
    })),
  );

describe('perInstrument', () => {
  it('makes a single-instrument signal safe on a mixed feed', () => {
    const infy = closes(INFY, [10, 11]);
    const tcs = closes(TCS, [20, 19]);
    const mixed = [infy[0]!, tcs[0]!, infy[1]!, tcs[1]!];
    // Without it, pairwise pairs prices across instruments: INFY 10 -> TCS 20 and INFY 11 -> TCS 19
    // look like up-moves, and INFY's real up-move is missed.
    expect(runSync(upMove, mixed).map((s) => `${s.instrument}@${s.price}`)).toEqual([
      'NSE:TCS@20',
      'NSE:TCS@19',
    ]);
    expect(
      runSync(
        perInstrument(() => upMove),
        mixed,
      ).map((s) => `${s.instrument}@${s.price}`),
    ).toEqual(['NSE:INFY@11']);
  });

  it('creates one instance per instrument, in first-seen order, passing the instrument id', () => {
    const created: InstrumentId[] = [];
    const signal = perInstrument((instrument) => {
      created.push(instrument);
      return upMove;
    });
    const [a0, a1] = closes(TCS, [1, 2]);
    const [b0] = closes(INFY, [1]);
    const [c0] = closes(SBIN, [1]);
    runSync(signal, [a0!, b0!, a1!, c0!]);
    expect(created).toEqual([TCS, INFY, SBIN]);
    runSync(signal, [b0!]);
    expect(created).toEqual([TCS, INFY, SBIN, INFY]); // a new subscription starts fresh
  });

  it('interleaving instruments in any order gives each instrument its signals alone', () => {
    const series = fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 40 });
    fc.assert(
      fc.property(
        series,
        series,
        series,
        fc.array(fc.nat(2), { maxLength: 120 }),
        (a, b, c, picks) => {
          const streams = [closes(INFY, a), closes(TCS, b), closes(SBIN, c)];
          const cursors = [0, 0, 0];
          const merged: MarketEvent[] = [];
          for (const pick of picks) {
            const next = streams[pick]![cursors[pick]!];
            if (next !== undefined) {
              merged.push(next);
              cursors[pick]! += 1;
            }
          }
          streams.forEach((s, i) => merged.push(...s.slice(cursors[i])));
          const together = runSync(
            perInstrument(() => upMove),
            merged,
          );
          for (const stream of streams) {
            const id = stream[0]?.instrument;
            if (id === undefined) continue;
            expect(together.filter((s) => s.instrument === id)).toEqual(runSync(upMove, stream));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('marbles: routes, completes every lane, and completes after the last lane', () => {
    marbles().run(({ cold, expectObservable }) => {
      const [a1, a2] = closes(INFY, [10, 11]);
      const [b1, b2] = closes(TCS, [5, 6]);
      const source = cold('a-b-c-d|', { a: a1!, b: b1!, c: a2!, d: b2! });
      expectObservable(source.pipe(perInstrument(() => upMove)(ctx))).toBe('----x-y|', {
        x: expect.objectContaining({ instrument: INFY, price: 11 }) as SignalEvent,
        y: expect.objectContaining({ instrument: TCS, price: 6 }) as SignalEvent,
      });
    });
  });

  it('marbles: waits for a lane that emits later before completing', () => {
    marbles().run(({ cold, expectObservable }) => {
      const late: Signal = () => (events) => upMove(ctx)(events).pipe(delay(3));
      const [a1, a2] = closes(INFY, [10, 11]);
      expectObservable(cold('ab|', { a: a1!, b: a2! }).pipe(perInstrument(() => late)(ctx))).toBe(
        '----(x|)',
        {
          x: expect.objectContaining({ price: 11 }) as SignalEvent,
        },
      );
    });
  });

  it('marbles: an error in one lane ends the stream with it', () => {
    marbles().run(({ cold, expectObservable }) => {
      const failing = (instrument: InstrumentId): Signal =>
        instrument === TCS
          ? () => (): Observable<SignalEvent> => throwError(() => new Error('TCS lane failed'))
          : upMove;
      const [a] = closes(INFY, [10]);
      const [b] = closes(TCS, [10]);
      expectObservable(cold('a-b-a|', { a: a!, b: b! }).pipe(perInstrument(failing)(ctx))).toBe(
        '--#',
        undefined,
        new Error('TCS lane failed'),
      );
    });
  });

  it('passes a factory error on as an error, and source errors too', () => {
    const thrower = perInstrument(() => {
      throw new Error('no signal for you');
    });
    expect(() => runSync(thrower, closes(INFY, [1]))).toThrow('no signal for you');
    marbles().run(({ cold, expectObservable }) => {
      expectObservable(cold<MarketEvent>('--#').pipe(perInstrument(() => upMove)(ctx))).toBe('--#');
    });
  });

  it('stops routing after unsubscribe', () => {
    const source = new Subject<MarketEvent>();
    const seen: SignalEvent[] = [];
    const subscription = source
      .pipe(perInstrument(() => upMove)(ctx))
      .subscribe((s) => seen.push(s));
    const [a, b, c] = closes(INFY, [1, 2, 3]);
    source.next(a!);
    source.next(b!);
    subscription.unsubscribe();
    source.next(c!);
    expect(seen.map((s) => s.price)).toEqual([2]);
    expect(source.observed).toBe(false);
  });
});
