import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  crossoverSignal,
  perInstrument,
  Sma,
  SignalValueError,
  ValidationError,
  type Bar,
  type SignalEvent,
} from '../../src/index.js';
import { niftyMinuteBars } from './_data.js';
import { Level } from './_indicators.js';
import {
  INFY,
  MINUTE,
  T0,
  TCS,
  bar,
  closes,
  ctx,
  directions,
  marbles,
  runSync,
  tick,
} from './_helpers.js';

const aroundHundred = (allowShort = false) =>
  crossoverSignal({ fast: 'price', slow: () => new Level(100), allowShort });

/** Times (knownAt) of the 1-minute bars at the given indexes. */
const at = (...indexes: number[]) => indexes.map((i) => T0 + (i + 1) * MINUTE);

describe('crossoverSignal', () => {
  it('goes long on a cross above and flat on a cross below, not on the first relation', () => {
    const out = runSync(aroundHundred(), closes(INFY, [101, 99, 98, 102, 103, 97]));
    // 101 only sets the side; 99 crosses below while already flat: nothing; 102 long; 97 flat.
    expect(directions(out)).toEqual([`long@${at(3)[0]!}`, `flat@${at(5)[0]!}`]);
    expect(out[0]).toEqual({
      kind: 'signal',
      instrument: INFY,
      time: T0 + 4 * MINUTE,
      direction: 'long',
      confidence: 1,
      price: 102,
      reason: 'crossover: fast crossed above slow (102 > 100): long',
    });
    expect(Object.isFrozen(out[0])).toBe(true);
  });

  it('treats ties as no cross: below, tie, tie, above is one cross on the "above" event', () => {
    const out = runSync(aroundHundred(), closes(INFY, [99, 100, 100, 101]));
    expect(directions(out)).toEqual([`long@${at(3)[0]!}`]);
  });

  it('treats a touch as no cross: below, tie, below and above, tie, above emit nothing', () => {
    expect(runSync(aroundHundred(true), closes(INFY, [99, 100, 99, 98]))).toEqual([]);
    expect(runSync(aroundHundred(true), closes(INFY, [101, 100, 101, 102]))).toEqual([]);
  });

  it('a tie does not reset the side: above, tie, below is a cross below on the "below" event', () => {
    const out = runSync(aroundHundred(true), closes(INFY, [99, 101, 100, 99]));
    expect(directions(out)).toEqual([`long@${at(1)[0]!}`, `short@${at(3)[0]!}`]);
  });

  it('with allowShort emits short on a cross below, and flips long/short directly', () => {
    const out = runSync(aroundHundred(true), closes(INFY, [101, 99, 102, 98]));
    expect(out.map((s) => s.direction)).toEqual(['short', 'long', 'short']);
    expect(out[0]!.reason).toBe('crossover: fast crossed below slow (99 < 100): short');
  });

  it('emitInitial turns the first untied relation into an opinion', () => {
    const signal = crossoverSignal({
      fast: 'price',
      slow: () => new Level(100),
      emitInitial: true,
    });
    const out = runSync(signal, closes(INFY, [100, 101, 102, 99]));
    expect(directions(out)).toEqual([`long@${at(1)[0]!}`, `flat@${at(3)[0]!}`]);
    expect(out[0]!.reason).toBe('crossover: fast is above slow (101 > 100): long');
  });

  it('waits until both series are ready, updating both on every event', () => {
    // SMA(3) of the price vs the price: ready from the third bar on.
    const signal = crossoverSignal({ fast: 'price', slow: () => new Sma(3), name: 'price/SMA3' });
    const out = runSync(signal, closes(INFY, [10, 20, 30, 10, 40]));
    // bar 2: price 30 > sma 20 sets the side; bar 3: 10 < 20 (below, flat: nothing); bar 4: 40 > 26.67: long
    expect(directions(out)).toEqual([`long@${at(4)[0]!}`]);
    expect(out[0]!.reason).toBe('price/SMA3: fast crossed above slow (40 > 26.6667): long');
  });

  it('applies the relative tie tolerance, and compares exactly with tieTolerance 0', () => {
    const nudge = 100 * (1 + 1e-12);
    const prices = [99, nudge, 98];
    expect(runSync(aroundHundred(true), closes(INFY, prices))).toEqual([]);
    const exact = crossoverSignal({
      fast: 'price',
      slow: () => new Level(100),
      allowShort: true,
      tieTolerance: 0,
    });
    expect(runSync(exact, closes(INFY, prices)).map((s) => s.direction)).toEqual(['long', 'short']);
  });

  it('reads the chosen source price', () => {
    const highs = [99, 99, 101].map((h, i) => bar(INFY, T0 + i * MINUTE, 98, { high: h, low: 97 }));
    const onHigh = crossoverSignal({ fast: 'price', slow: () => new Level(100), source: 'high' });
    expect(runSync(onHigh, highs).map((s) => s.price)).toEqual([98]);
    expect(runSync(aroundHundred(), highs)).toEqual([]);
  });

  it('works on ticks, stamping the tick time', () => {
    const ticks = [tick(INFY, T0 + 1, 99), tick(INFY, T0 + 2, 101)];
    expect(directions(runSync(aroundHundred(), ticks))).toEqual([`long@${T0 + 2}`]);
  });

  it('keeps state per instrument', () => {
    const infy = closes(INFY, [99, 101, 99]);
    const tcs = closes(TCS, [101, 99, 101]);
    const out = runSync(aroundHundred(), [infy[0]!, tcs[0]!, infy[1]!, tcs[1]!, infy[2]!, tcs[2]!]);
    expect(out.map((s) => `${s.instrument} ${s.direction}`)).toEqual([
      'NSE:INFY long',
      'NSE:INFY flat',
      'NSE:TCS long',
    ]);
  });

  it('is a marble-testable operator', () => {
    marbles().run(({ cold, expectObservable }) => {
      const [a, b, c, d] = closes(INFY, [99, 101, 100, 98]);
      const source = cold('a-b-c-d|', { a: a!, b: b!, c: c!, d: d! });
      const long = expect.objectContaining({ direction: 'long', price: 101 }) as SignalEvent;
      const flat = expect.objectContaining({ direction: 'flat', price: 98 }) as SignalEvent;
      expectObservable(source.pipe(aroundHundred()(ctx))).toBe('--x---y|', { x: long, y: flat });
    });
  });

  it('rejects bad options with a ValidationError naming the field', () => {
    const bad = (options: unknown) => () => crossoverSignal(options as never);
    expect(bad({ fast: 42, slow: 'price' })).toThrow(ValidationError);
    expect(bad({ fast: 42, slow: 'price' })).toThrow(/fast/);
    expect(bad({ fast: 'price', slow: 'price', tieTolerance: -1 })).toThrow(/tieTolerance/);
    expect(bad({ fast: 'price', slow: 'price', confidence: 0 })).toThrow(/confidence/);
    expect(bad({ fast: 'price', slow: 'price', source: 'vwap' })).toThrow(/source/);
    try {
      crossoverSignal({ fast: 'price', slow: 'price', confidence: 2 });
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field).toBe('confidence');
      expect((e as ValidationError).value).toBe(2);
    }
  });

  it('rejects a factory that does not return an indicator when the instrument first appears', () => {
    const signal = crossoverSignal({ fast: (() => 5) as never, slow: 'price' });
    expect(() => runSync(signal, closes(INFY, [1]))).toThrow(ValidationError);
  });

  it('fails with a SignalValueError instead of deciding on NaN', () => {
    const signal = crossoverSignal({ fast: 'price', slow: 'price', source: () => Number.NaN });
    expect(() => runSync(signal, closes(INFY, [1]))).toThrow(SignalValueError);
    try {
      runSync(signal, closes(INFY, [1]));
    } catch (e) {
      expect((e as SignalValueError).field).toBe('source price');
      expect((e as SignalValueError).instrument).toBe(INFY);
    }
  });

  // Prices on the 0.05 tick grid, as NSE quotes them.
  const tickPrices = fc.array(
    fc.integer({ min: 1990, max: 2010 }).map((n) => n / 20),
    {
      minLength: 1,
      maxLength: 120,
    },
  );

  it('equals an exact integer reference of the last-non-zero-difference rule (SMA 3/5)', () => {
    fc.assert(
      fc.property(tickPrices, (prices) => {
        const out = runSync(
          crossoverSignal({ fast: () => new Sma(3), slow: () => new Sma(5), allowShort: true }),
          closes(INFY, prices),
        );
        expect(directions(out)).toEqual(referenceCrosses(prices, 3, 5));
      }),
      { numRuns: 200 },
    );
  });

  it('two instances (and two subscriptions of one) give equal outputs: no shared state', () => {
    fc.assert(
      fc.property(tickPrices, (prices) => {
        const events = closes(INFY, prices);
        const make = () =>
          crossoverSignal({ fast: () => new Sma(2), slow: () => new Sma(4), allowShort: true });
        const shared = make();
        const first = runSync(shared, events);
        expect(runSync(shared, events)).toEqual(first);
        expect(runSync(make(), events)).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same per-instrument signals as perInstrument(() => itself) on interleaved feeds', () => {
    fc.assert(
      fc.property(
        tickPrices,
        tickPrices,
        fc.array(fc.boolean(), { maxLength: 240 }),
        (a, b, picks) => {
          const merged = interleave(closes(INFY, a), closes(TCS, b), picks);
          const make = () =>
            crossoverSignal({ fast: () => new Sma(2), slow: () => new Sma(3), allowShort: true });
          const together = runSync(make(), merged);
          expect(
            runSync(
              perInstrument(() => make()),
              merged,
            ),
          ).toEqual(together);
          expect(together.filter((s) => s.instrument === INFY)).toEqual(
            runSync(make(), closes(INFY, a)),
          );
          expect(together.filter((s) => s.instrument === TCS)).toEqual(
            runSync(make(), closes(TCS, b)),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('on NIFTY 1-minute (Apr 2022) SMA 10/30 crosses exactly where integer arithmetic says', () => {
    const bars = niftyMinuteBars('2022_APR');
    expect(bars).toHaveLength(7182);
    const out = runSync(
      crossoverSignal({ fast: () => new Sma(10), slow: () => new Sma(30), allowShort: true }),
      bars,
    );
    const expected = referenceCrosses(
      bars.map((b) => b.close),
      10,
      30,
      bars,
    );
    expect(directions(out)).toEqual(expected);
    expect(out).toHaveLength(EXPECTED_APR_2022_CROSSES);
    // This month has two exact SMA10 == SMA30 ties; both must count as ties, not crosses.
    expect(
      exactTies(
        bars.map((b) => b.close),
        10,
        30,
      ),
    ).toBe(2);
  });
});

const EXPECTED_APR_2022_CROSSES = 278;

/** Interleaves two sequences by a list of picks (true: next from `a`), then appends the rest. */
function interleave<T>(a: readonly T[], b: readonly T[], picks: readonly boolean[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  for (const pick of picks) {
    if (pick && i < a.length) out.push(a[i++]!);
    else if (!pick && j < b.length) out.push(b[j++]!);
  }
  return [...out, ...a.slice(i), ...b.slice(j)];
}

/** Signs of SMA(fast) - SMA(slow), computed exactly on prices in twentieths of a rupee. */
function exactSigns(prices: readonly number[], fast: number, slow: number): (number | undefined)[] {
  const units = prices.map((p) => Math.round(p * 20));
  return units.map((_, i) => {
    if (i + 1 < slow) return undefined;
    let sumFast = 0;
    let sumSlow = 0;
    for (let k = i + 1 - fast; k <= i; k++) sumFast += units[k]!;
    for (let k = i + 1 - slow; k <= i; k++) sumSlow += units[k]!;
    return Math.sign(sumFast * slow - sumSlow * fast);
  });
}

function exactTies(prices: readonly number[], fast: number, slow: number): number {
  return exactSigns(prices, fast, slow).filter((s) => s === 0).length;
}

/** Crosses by the last-non-zero-difference rule, long/short, as `direction@knownAt`. */
function referenceCrosses(
  prices: readonly number[],
  fast: number,
  slow: number,
  bars?: readonly Bar[],
): string[] {
  const out: string[] = [];
  let side = 0;
  exactSigns(prices, fast, slow).forEach((sign, i) => {
    if (sign === undefined || sign === 0) return;
    if (side !== 0 && sign !== side) {
      const time = bars ? bars[i]!.time + MINUTE : T0 + (i + 1) * MINUTE;
      out.push(`${sign > 0 ? 'long' : 'short'}@${time}`);
    }
    side = sign;
  });
  return out;
}
