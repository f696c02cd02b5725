import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  Crossover,
  IndicatorInputError,
  IndicatorParameterError,
  SessionVwap,
  Sma,
  crossover,
  sessionVwap,
  type CrossoverInput,
  type VwapInput,
} from '../../src/indicators/index.js';
import { pricePath } from './_arbitraries.js';
import { assertSeriesClose, runIndicator } from './_compare.js';
import { readdirSync } from 'node:fs';
import {
  NSE_DATA,
  istDay,
  istToEpoch,
  niftyQuarter,
  readNiftyMonth,
  readStockMinutes2016,
} from './_data.js';
import { crossoverRef, sessionVwapRef } from './_reference.js';

describe('SessionVwap', () => {
  const reliance = readStockMinutes2016('RELIANCE');

  it('matches the batch reference on 18 real sessions of RELIANCE minutes', () => {
    expect(reliance).toHaveLength(6750);
    assertSeriesClose(runIndicator(new SessionVwap(), reliance), sessionVwapRef(reliance), 1e-9);
  });

  it('restarts at each IST date: the first bar of a session gives its typical price', () => {
    const vwap = new SessionVwap();
    const out = runIndicator(vwap, reliance);
    for (let i = 1; i < reliance.length; i++) {
      const bar = reliance[i]!;
      if (istDay(bar.time) !== istDay(reliance[i - 1]!.time)) {
        expect(out[i]).toBeCloseTo((bar.high + bar.low + bar.close) / 3, 10);
      }
    }
  });

  it('an IST date boundary, not a UTC one, starts a session', () => {
    // 05:29 IST and 05:31 IST straddle UTC midnight (00:00 UTC = 05:30 IST): same IST day.
    const a: VwapInput = {
      time: istToEpoch(2024, 1, 2, 5, 29),
      high: 10,
      low: 10,
      close: 10,
      volume: 1,
    };
    const b: VwapInput = {
      time: istToEpoch(2024, 1, 2, 5, 31),
      high: 20,
      low: 20,
      close: 20,
      volume: 1,
    };
    const c: VwapInput = {
      time: istToEpoch(2024, 1, 3, 0, 0),
      high: 30,
      low: 30,
      close: 30,
      volume: 5,
    };
    expect(runIndicator(new SessionVwap(), [a, b, c])).toEqual([10, 15, 30]);
  });

  it('weights by volume, and falls back to the mean typical price while volume is 0 (NIFTY index)', () => {
    const t = istToEpoch(2024, 1, 2, 9, 15);
    const bars: VwapInput[] = [
      { time: t, high: 12, low: 9, close: 9, volume: 0 },
      { time: t + 60_000, high: 13, low: 10, close: 10, volume: 0 },
      { time: t + 120_000, high: 30, low: 30, close: 30, volume: 2 },
      { time: t + 180_000, high: 60, low: 60, close: 60, volume: 1 },
    ];
    expect(runIndicator(new SessionVwap(), bars)).toEqual([10, 10.5, 30, 40]);
    const nifty = niftyQuarter().map((r) => ({ ...r, time: r.endTime }));
    const out = runIndicator(new SessionVwap(), nifty);
    expect(out.every((v) => Number.isFinite(v))).toBe(true);
    assertSeriesClose(out, sessionVwapRef(nifty), 1e-9);
  });

  it('streaming equals batch on random multi-day bars (property)', () => {
    const arb = fc.array(
      fc.record({
        gap: fc.integer({ min: 1, max: 600 }),
        price: fc.integer({ min: 1, max: 1000 }),
        spread: fc.nat(20),
        volume: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000 })),
      }),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(arb, (steps) => {
        let time = istToEpoch(2024, 3, 1, 9, 15);
        const bars = steps.map((s) => {
          time += s.gap * 60_000;
          const low = s.price * 0.05;
          return { time, high: low + s.spread * 0.05, low, close: low, volume: s.volume };
        });
        assertSeriesClose(runIndicator(new SessionVwap(), bars), sessionVwapRef(bars), 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects negative or non-finite volume and bad prices', () => {
    const v = new SessionVwap();
    const ok = { time: 0, high: 1, low: 1, close: 1, volume: 1 };
    for (const volume of [-1, Number.NaN, Infinity]) {
      expect(() => v.update({ ...ok, volume })).toThrow(IndicatorInputError);
    }
    expect(() => v.update({ ...ok, close: Number.NaN })).toThrow(IndicatorInputError);
    expect(() => v.update({ ...ok, time: Number.NaN })).toThrow(IndicatorInputError);
  });

  it('operator twin emits after every bar; reset forgets the session', async () => {
    const out = await lastValueFrom(from(reliance.slice(0, 10)).pipe(sessionVwap(), toArray()));
    expect(out).toEqual(runIndicator(new SessionVwap(), reliance.slice(0, 10)));
    const v = new SessionVwap();
    runIndicator(v, reliance.slice(0, 5));
    v.reset();
    expect(v.isReady).toBe(false);
    expect(v.update(reliance[3]!)).toBeCloseTo(
      (reliance[3]!.high + reliance[3]!.low + reliance[3]!.close) / 3,
      10,
    );
  });
});

describe('Crossover', () => {
  it('follows the documented tie rule exactly', () => {
    const seq = (diffs: number[]) =>
      runIndicator(
        new Crossover(),
        diffs.map((d): CrossoverInput => [d, 0]),
      );
    expect(seq([-1, 0, 1])).toEqual([undefined, 'none', 'above']);
    expect(seq([1, 0, 1])).toEqual([undefined, 'none', 'above']);
    expect(seq([1, 0, -1])).toEqual([undefined, 'none', 'below']);
    expect(seq([-1, 0, -1])).toEqual([undefined, 'none', 'below']);
    expect(seq([0, 0, 0])).toEqual([undefined, 'none', 'none']);
    expect(seq([-1, 1, 2, -2])).toEqual([undefined, 'above', 'none', 'below']);
    expect(seq([0, 1])).toEqual([undefined, 'above']);
  });

  it('accepts update(a, b) as well as update([a, b])', () => {
    const c = new Crossover();
    expect(c.update(1, 2)).toBeUndefined();
    expect(c.update(3, 2)).toBe('above');
    expect(c.update([1, 2])).toBe('below');
    expect(c.value).toBe('below');
    expect(c.isReady).toBe(true);
    c.reset();
    expect(c.isReady).toBe(false);
    expect(c.update(5, 1)).toBeUndefined();
  });

  it('SMA(10) x SMA(30) on all 194,423 real NIFTY minutes: near-ties exist; epsilon makes them ties', () => {
    const closes = readdirSync(new URL('nifty_index_1min/', NSE_DATA))
      .flatMap(readNiftyMonth)
      .map((r) => r.close);
    expect(closes).toHaveLength(194_423);
    const pairs: CrossoverInput[] = [];
    const f = new Sma(10);
    const s = new Sma(30);
    for (const x of closes) {
      const a = f.update(x);
      const b = s.update(x);
      if (a !== undefined && b !== undefined) pairs.push([a, b]);
    }
    expect(pairs.filter(([a, b]) => a === b)).toHaveLength(3);
    expect(pairs.filter(([a, b]) => Math.abs(a - b) <= 1e-9)).toHaveLength(13);
    const exact = runIndicator(new Crossover(), pairs);
    expect(exact).toEqual(crossoverRef(pairs));
    const tolerant = runIndicator(new Crossover({ epsilon: 1e-9 }), pairs);
    expect(tolerant).toEqual(crossoverRef(pairs, 1e-9));
    const count = (xs: unknown[], v: string) => xs.filter((x) => x === v).length;
    expect([count(exact, 'above'), count(exact, 'below')]).toEqual([3684, 3684]);
    // With true ties recognised, a touch-and-return fires its direction again (tie rule).
    expect([count(tolerant, 'above'), count(tolerant, 'below')]).toEqual([3682, 3684]);
    expect(tolerant).not.toEqual(exact);
  });

  it('epsilon is validated', () => {
    expect(() => new Crossover({ epsilon: -1 })).toThrow(IndicatorParameterError);
    expect(() => crossover({ epsilon: Number.NaN })).toThrow(IndicatorParameterError);
  });

  it('streaming equals the batch rule on random pairs with many ties (property)', () => {
    fc.assert(
      fc.property(pricePath, pricePath, (as, bs) => {
        const n = Math.min(as.length, bs.length);
        const pairs = Array.from({ length: n }, (_, i): CrossoverInput => [
          as[i]!,
          bs[i]! - bs[0]! + as[0]!,
        ]);
        expect(runIndicator(new Crossover(), pairs)).toEqual(crossoverRef(pairs));
      }),
      { numRuns: 200 },
    );
  });

  it('operator twin emits from the second pair; bad input is rejected', async () => {
    const out = await lastValueFrom(
      from([
        [1, 2],
        [2, 2],
        [3, 2],
        [1, 2],
      ] as CrossoverInput[]).pipe(crossover(), toArray()),
    );
    expect(out).toEqual(['none', 'above', 'below']);
    expect(() => new Crossover().update(Number.NaN, 1)).toThrow(IndicatorInputError);
    expect(() => new Crossover().update(1)).toThrow(IndicatorInputError);
  });
});
