// Number-in, number-out indicators: exact examples, the real NIFTY minutes against the batch
// references, streaming == batch on random paths, constant series, reset and the operator twin.
import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  Ema,
  Highest,
  IndicatorInputError,
  IndicatorParameterError,
  Lowest,
  RollingStdDev,
  Rsi,
  Sma,
  Wma,
  ZScore,
  ema,
  highest,
  lowest,
  rollingStdDev,
  rsi,
  sma,
  wma,
  zScore,
  type Indicator,
} from '../../src/indicators/index.js';
import { pricePath, period as periodArb } from './_arbitraries.js';
import { assertSeriesClose, runIndicator } from './_compare.js';
import { niftyQuarter } from './_data.js';
import {
  emaRef,
  highestRef,
  lowestRef,
  rsiRef,
  smaRef,
  stdRef,
  wmaRef,
  zScoreRef,
} from './_reference.js';
import type { OperatorFunction } from 'rxjs';

interface ScalarSpec {
  readonly name: string;
  readonly create: (period: number) => Indicator<number, number>;
  readonly operator: (period: number) => OperatorFunction<number, number>;
  readonly reference: (xs: readonly number[], period: number) => (number | undefined)[];
  /** Inputs consumed before the first value. */
  readonly warmUp: (period: number) => number;
  /** The value on any constant series once ready. */
  readonly constant: (c: number) => number;
  readonly minPeriod: number;
}

const specs: readonly ScalarSpec[] = [
  {
    name: 'Sma',
    create: (p) => new Sma(p),
    operator: sma,
    reference: smaRef,
    warmUp: (p) => p,
    constant: (c) => c,
    minPeriod: 1,
  },
  {
    name: 'Ema',
    create: (p) => new Ema(p),
    operator: ema,
    reference: emaRef,
    warmUp: (p) => p,
    constant: (c) => c,
    minPeriod: 1,
  },
  {
    name: 'Wma',
    create: (p) => new Wma(p),
    operator: wma,
    reference: wmaRef,
    warmUp: (p) => p,
    constant: (c) => c,
    minPeriod: 1,
  },
  {
    name: 'Rsi',
    create: (p) => new Rsi(p),
    operator: rsi,
    reference: rsiRef,
    warmUp: (p) => p + 1,
    constant: () => 50,
    minPeriod: 1,
  },
  {
    name: 'RollingStdDev',
    create: (p) => new RollingStdDev(p),
    operator: rollingStdDev,
    reference: (xs, p) => stdRef(xs, p),
    warmUp: (p) => p,
    constant: () => 0,
    minPeriod: 1,
  },
  {
    name: 'ZScore',
    create: (p) => new ZScore(p),
    operator: zScore,
    reference: zScoreRef,
    warmUp: (p) => p,
    constant: () => 0,
    minPeriod: 1,
  },
  {
    name: 'Highest',
    create: (p) => new Highest(p),
    operator: highest,
    reference: highestRef,
    warmUp: (p) => p,
    constant: (c) => c,
    minPeriod: 1,
  },
  {
    name: 'Lowest',
    create: (p) => new Lowest(p),
    operator: lowest,
    reference: lowestRef,
    warmUp: (p) => p,
    constant: (c) => c,
    minPeriod: 1,
  },
];

const closes = niftyQuarter().map((r) => r.close);

describe.each(specs)('$name', (spec) => {
  it('matches the batch reference on three months of real NIFTY 1-minute closes', () => {
    expect(closes.length).toBeGreaterThan(20_000);
    for (const p of [2, 14, 50]) {
      assertSeriesClose(runIndicator(spec.create(p), closes), spec.reference(closes, p), 1e-9);
    }
  });

  it('streaming equals batch on random tick-grid paths (property)', () => {
    fc.assert(
      fc.property(pricePath, periodArb, (xs, p) => {
        assertSeriesClose(runIndicator(spec.create(p), xs), spec.reference(xs, p), 1e-8);
      }),
      { numRuns: 200 },
    );
  });

  it('is not ready until its warm-up is complete, then reports value and isReady', () => {
    const indicator = spec.create(5);
    const needed = spec.warmUp(5);
    for (let i = 1; i < needed; i++) {
      expect(indicator.update(100 + i)).toBeUndefined();
      expect(indicator.isReady).toBe(false);
      expect(indicator.value).toBeUndefined();
    }
    const first = indicator.update(100 + needed);
    expect(first).toBeTypeOf('number');
    expect(indicator.isReady).toBe(true);
    expect(indicator.value).toBe(first);
  });

  it('gives an exact, finite value on a constant series (never NaN)', () => {
    const indicator = spec.create(7);
    const out = runIndicator(
      indicator,
      Array.from({ length: 40 }, () => 0.1),
    );
    for (const v of out.slice(spec.warmUp(7) - 1)) expect(v).toBe(spec.constant(0.1));
  });

  it('reset() forgets all state', () => {
    const indicator = spec.create(4);
    const xs = closes.slice(0, 60);
    const once = runIndicator(indicator, xs);
    indicator.reset();
    expect(indicator.isReady).toBe(false);
    expect(indicator.value).toBeUndefined();
    expect(runIndicator(indicator, xs)).toEqual(once);
  });

  it('has an operator twin that emits exactly the ready values, with fresh state per subscription', async () => {
    const xs = closes.slice(0, 200);
    const expected = runIndicator(spec.create(10), xs).filter((v) => v !== undefined);
    const source = from(xs).pipe(spec.operator(10), toArray());
    expect(await lastValueFrom(source)).toEqual(expected);
    expect(await lastValueFrom(source)).toEqual(expected);
    expect(expected).toHaveLength(200 - spec.warmUp(10) + 1);
  });

  it('rejects a bad period with a typed error naming period and the value', () => {
    for (const bad of [spec.minPeriod - 1, 2.5, Number.NaN]) {
      const attempt = () => spec.create(bad);
      expect(attempt).toThrow(IndicatorParameterError);
      try {
        attempt();
      } catch (e) {
        expect((e as IndicatorParameterError).field).toBe('period');
        expect((e as IndicatorParameterError).value).toBe(bad);
        expect((e as Error).message).toContain('period');
      }
    }
    expect(() => spec.operator(0)).toThrow(IndicatorParameterError);
  });

  it('rejects non-finite input instead of turning into NaN', () => {
    const indicator = spec.create(3);
    indicator.update(10);
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      expect(() => indicator.update(bad)).toThrow(IndicatorInputError);
    }
  });
});

describe('exact values', () => {
  it('Sma, Ema, Wma on 1..6', () => {
    expect(runIndicator(new Sma(3), [1, 2, 3, 4, 5, 6])).toEqual([
      undefined,
      undefined,
      2,
      3,
      4,
      5,
    ]);
    // alpha = 0.5, seeded with mean(1, 2, 3) = 2
    expect(runIndicator(new Ema(3), [1, 2, 3, 4, 5, 6])).toEqual([
      undefined,
      undefined,
      2,
      3,
      4,
      5,
    ]);
    expect(runIndicator(new Ema(3), [1, 2, 3, 10])[3]).toBe(6);
    expect(runIndicator(new Wma(3), [1, 2, 3, 4])[2]).toBeCloseTo(14 / 6, 14);
    expect(runIndicator(new Wma(3), [1, 2, 3, 4])[3]).toBeCloseTo(20 / 6, 14);
  });

  it('Rsi(2): Wilder averages seeded by simple means', () => {
    // changes: +1, -1, +2 -> seed gain 0.5, loss 0.5 -> 50; then gain (0.5+2)/2=1.25, loss 0.25
    expect(runIndicator(new Rsi(2), [10, 11, 10, 12])).toEqual([
      undefined,
      undefined,
      50,
      100 - 100 / (1 + 1.25 / 0.25),
    ]);
    expect(runIndicator(new Rsi(2), [1, 2, 3])[2]).toBe(100);
    expect(runIndicator(new Rsi(2), [3, 2, 1])[2]).toBe(0);
  });

  it('RollingStdDev population by default and sample on request', () => {
    expect(runIndicator(new RollingStdDev(3), [1, 2, 3])[2]).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(runIndicator(new RollingStdDev(3, { sample: true }), [1, 2, 3])[2]).toBeCloseTo(1, 14);
    expect(() => new RollingStdDev(1, { sample: true })).toThrow(IndicatorParameterError);
    fc.assert(
      fc.property(pricePath, fc.integer({ min: 2, max: 30 }), (xs, p) => {
        assertSeriesClose(
          runIndicator(new RollingStdDev(p, { sample: true }), xs),
          stdRef(xs, p, true),
          1e-8,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('ZScore: (x - mean) / std, and 0 once the window turns flat again', () => {
    expect(runIndicator(new ZScore(3), [1, 2, 3])[2]).toBeCloseTo(1 / Math.sqrt(2 / 3), 14);
    const out = runIndicator(new ZScore(3), [5, 9, 1, 4, 4, 4, 4]);
    expect(out.slice(5)).toEqual([0, 0]);
    expect(out.every((v) => v === undefined || Number.isFinite(v))).toBe(true);
  });

  it('Highest / Lowest over a sliding window', () => {
    const xs = [2, 5, 1, 3, 0, 4, 4, 1];
    expect(runIndicator(new Highest(3), xs)).toEqual([undefined, undefined, 5, 5, 3, 4, 4, 4]);
    expect(runIndicator(new Lowest(3), xs)).toEqual([undefined, undefined, 1, 1, 0, 0, 0, 1]);
    expect(runIndicator(new Highest(1), xs)).toEqual(xs);
  });
});
