// Indicators with object outputs or bar inputs: Macd, BollingerBands, Atr, Adx, Stochastic.
import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  Adx,
  Atr,
  BollingerBands,
  IndicatorInputError,
  IndicatorParameterError,
  Macd,
  Stochastic,
  adx,
  atr,
  bollingerBands,
  macd,
  stochastic,
  type OhlcvInput,
} from '../../src/indicators/index.js';
import { barPath, pricePath } from './_arbitraries.js';
import { assertSeriesClose, runIndicator } from './_compare.js';
import { niftyQuarter } from './_data.js';
import { adxRef, atrRef, bollingerRef, macdRef, stochasticRef } from './_reference.js';

const rows = niftyQuarter();
const closes = rows.map((r) => r.close);
const bars: OhlcvInput[] = rows.map((r) => ({ high: r.high, low: r.low, close: r.close }));

function expectParameterError(attempt: () => unknown, field: string, value: unknown): void {
  let caught: unknown;
  try {
    attempt();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(IndicatorParameterError);
  expect((caught as IndicatorParameterError).field).toBe(field);
  expect((caught as IndicatorParameterError).value).toBe(value);
}

describe('Macd', () => {
  it('matches the batch reference on real NIFTY closes', () => {
    for (const [f, s, g] of [
      [12, 26, 9],
      [3, 10, 16],
      [1, 2, 1],
    ] as const) {
      assertSeriesClose(runIndicator(new Macd(f, s, g), closes), macdRef(closes, f, s, g), 1e-9);
    }
  });

  it('streaming equals batch on random paths (property)', () => {
    fc.assert(
      fc.property(
        pricePath,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (xs, f, extra, g) => {
          const s = f + extra;
          assertSeriesClose(runIndicator(new Macd(f, s, g), xs), macdRef(xs, f, s, g), 1e-8);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('first reading at input slow + signal - 1, with exact values on a simple ramp', () => {
    const out = runIndicator(new Macd(2, 3, 2), [1, 2, 3, 4, 5]);
    // fast EMA(2) from input 2: 1.5, 2.5, 3.5, 4.5; slow EMA(3) from input 3: 2, 3, 4.
    // MACD line from input 3: 0.5, 0.5, 0.5; signal EMA(2) seeded at input 4 with 0.5.
    expect(out.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(out[3]).toEqual({ macd: 0.5, signal: 0.5, histogram: 0 });
    expect(out[4]).toEqual({ macd: 0.5, signal: 0.5, histogram: 0 });
  });

  it('validates its periods', () => {
    expectParameterError(() => new Macd(0, 26, 9), 'fast', 0);
    expectParameterError(() => new Macd(12, 26.5, 9), 'slow', 26.5);
    expectParameterError(() => new Macd(12, 26, -1), 'signal', -1);
    expectParameterError(() => new Macd(26, 12, 9), 'fast', 26);
    expectParameterError(() => macd(5, 5, 3), 'fast', 5);
  });

  it('operator twin emits { macd, signal, histogram } from the first ready input', async () => {
    const xs = closes.slice(0, 100);
    const out = await lastValueFrom(from(xs).pipe(macd(12, 26, 9), toArray()));
    expect(out).toHaveLength(100 - (26 + 9 - 1) + 1);
    expect(out).toEqual(runIndicator(new Macd(12, 26, 9), xs).filter((v) => v !== undefined));
  });
});

describe('BollingerBands', () => {
  it('matches the batch reference on real NIFTY closes', () => {
    for (const [p, k] of [
      [20, 2],
      [5, 1.5],
      [2, 3],
    ] as const) {
      assertSeriesClose(
        runIndicator(new BollingerBands(p, k), closes),
        bollingerRef(closes, p, k),
        1e-9,
      );
    }
  });

  it('streaming equals batch on random paths (property)', () => {
    fc.assert(
      fc.property(
        pricePath,
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 4, noNaN: true }),
        (xs, p, k) => {
          assertSeriesClose(
            runIndicator(new BollingerBands(p, k), xs),
            bollingerRef(xs, p, k),
            1e-8,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('uses the population std; a flat window gives three equal bands', () => {
    expect(runIndicator(new BollingerBands(2, 2), [1, 3])[1]).toEqual({
      middle: 2,
      upper: 4,
      lower: 0,
    });
    const flat = runIndicator(new BollingerBands(3, 2), [7.05, 7.05, 7.05, 7.05]);
    expect(flat[3]).toEqual({ middle: 7.05, upper: 7.05, lower: 7.05 });
  });

  it('validates period and k', () => {
    expectParameterError(() => new BollingerBands(0, 2), 'period', 0);
    expectParameterError(() => new BollingerBands(20, -1), 'k', -1);
    expectParameterError(() => bollingerBands(20, Number.NaN), 'k', Number.NaN);
  });

  it('operator twin', async () => {
    const out = await lastValueFrom(
      from(closes.slice(0, 30)).pipe(bollingerBands(20, 2), toArray()),
    );
    expect(out).toHaveLength(11);
  });
});

describe('Atr', () => {
  it('matches the batch reference on real NIFTY bars', () => {
    for (const p of [1, 14, 30]) {
      assertSeriesClose(runIndicator(new Atr(p), bars), atrRef(bars, p), 1e-9);
    }
  });

  it('streaming equals batch on random bars (property)', () => {
    fc.assert(
      fc.property(barPath, fc.integer({ min: 1, max: 30 }), (bs, p) => {
        assertSeriesClose(runIndicator(new Atr(p), bs), atrRef(bs, p), 1e-8);
      }),
      { numRuns: 150 },
    );
  });

  it('first true range is high - low; gaps count from the previous close', () => {
    const out = runIndicator(new Atr(2), [
      { high: 11, low: 9, close: 10 }, // tr 2
      { high: 16, low: 15, close: 15.5 }, // gap up: tr = 16 - 10 = 6 -> atr (2 + 6) / 2 = 4
      { high: 15.5, low: 15, close: 15 }, // tr 0.5 -> (4 * 1 + 0.5) / 2 = 2.25
    ]);
    expect(out).toEqual([undefined, 4, 2.25]);
  });

  it('rejects high < low and non-finite prices', () => {
    const a = new Atr(3);
    expect(() => a.update({ high: 9, low: 10, close: 9.5 })).toThrow(IndicatorInputError);
    expect(() => a.update({ high: 10, low: 9, close: Number.NaN })).toThrow(IndicatorInputError);
    expectParameterError(() => atr(0), 'period', 0);
  });
});

describe('Adx', () => {
  it('matches the batch reference on real NIFTY bars', () => {
    for (const p of [14, 5, 1]) {
      assertSeriesClose(runIndicator(new Adx(p), bars), adxRef(bars, p), 1e-9);
    }
  });

  it('streaming equals batch on random bars (property)', () => {
    fc.assert(
      fc.property(barPath, fc.integer({ min: 1, max: 20 }), (bs, p) => {
        assertSeriesClose(runIndicator(new Adx(p), bs), adxRef(bs, p), 1e-8);
      }),
      { numRuns: 150 },
    );
  });

  it('first reading at bar 2 * period; a flat market gives zeros, not NaN', () => {
    const flat = Array.from({ length: 10 }, () => ({ high: 100, low: 100, close: 100 }));
    const out = runIndicator(new Adx(3), flat);
    expect(out.slice(0, 5).every((v) => v === undefined)).toBe(true);
    expect(out[5]).toEqual({ adx: 0, plusDi: 0, minusDi: 0 });
  });

  it('a steady uptrend: +DI = 100 * DM / TR = 50, -DI 0, ADX 100', () => {
    const up = Array.from({ length: 12 }, (_, i) => ({
      high: 101 + i,
      low: 99 + i,
      close: 100 + i,
    }));
    // +DM is 1 and the true range 2 on every bar.
    expect(runIndicator(new Adx(3), up)[11]).toEqual({ adx: 100, plusDi: 50, minusDi: 0 });
  });

  it('validates period and input', () => {
    expectParameterError(() => new Adx(1.5), 'period', 1.5);
    expectParameterError(() => adx(-3), 'period', -3);
    expect(() => new Adx(3).update({ high: 1, low: 2, close: 1.5 })).toThrow(IndicatorInputError);
  });
});

describe('Stochastic', () => {
  it('matches the batch reference on real NIFTY bars (fast and slow)', () => {
    for (const [k, d, s] of [
      [14, 3, 1],
      [14, 3, 3],
      [5, 1, 2],
    ] as const) {
      assertSeriesClose(
        runIndicator(new Stochastic(k, d, s), bars),
        stochasticRef(bars, k, d, s),
        1e-9,
      );
    }
  });

  it('streaming equals batch on random bars (property)', () => {
    fc.assert(
      fc.property(
        barPath,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (bs, k, d, s) => {
          assertSeriesClose(
            runIndicator(new Stochastic(k, d, s), bs),
            stochasticRef(bs, k, d, s),
            1e-8,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('exact %K and %D; a zero range gives 50', () => {
    const out = runIndicator(new Stochastic(2, 2), [
      { high: 10, low: 8, close: 9 },
      { high: 12, low: 9, close: 12 }, // range 8..12, close 12 -> 100
      { high: 12, low: 10, close: 10 }, // range 9..12, close 10 -> 33.33; d = (100 + 33.33) / 2
    ]);
    expect(out[1]).toBeUndefined();
    expect(out[2]!.k).toBeCloseTo(100 / 3, 12);
    expect(out[2]!.d).toBeCloseTo((100 + 100 / 3) / 2, 12);
    const flat = runIndicator(
      new Stochastic(3, 1),
      [1, 2, 3].map(() => ({ high: 5, low: 5, close: 5 })),
    );
    expect(flat[2]).toEqual({ k: 50, d: 50 });
  });

  it('validates kPeriod, dPeriod and smooth', () => {
    expectParameterError(() => new Stochastic(0, 3), 'kPeriod', 0);
    expectParameterError(() => new Stochastic(14, 0), 'dPeriod', 0);
    expectParameterError(() => stochastic(14, 3, 0), 'smooth', 0);
  });

  it('operator twin', async () => {
    const out = await lastValueFrom(from(bars.slice(0, 40)).pipe(stochastic(14, 3, 3), toArray()));
    expect(out).toHaveLength(40 - (14 + 3 + 3 - 2) + 1);
  });
});
