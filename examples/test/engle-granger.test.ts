import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom, ValidationError } from '@pravah/sdk';
import {
  StatisticsInputError,
  engleGranger,
  engleGrangerCriticalValue,
  leastSquares,
} from '../src/index.js';
import { stockMinutes2016, thrown } from './_data.js';

/** Closes of the 2016-08-17 and 2016-08-18 sessions (750 minutes each stock). */
function twoSessions(symbol: string): number[] {
  return stockMinutes2016(symbol)
    .filter((b) => {
      const date = new Date(b.time + 19_800_000).toISOString().slice(0, 10);
      return date === '2016-08-17' || date === '2016-08-18';
    })
    .map((b) => b.close);
}

function randomWalk(random: SeededRandom, n: number, start: number): number[] {
  const out = [start];
  for (let i = 1; i < n; i++) out.push(out[i - 1]! + random.normal());
  return out;
}

describe('leastSquares', () => {
  it('recovers an exact line and reports zero residual error', () => {
    const ones = new Float64Array(4).fill(1);
    const fit = leastSquares([ones, Float64Array.of(1, 2, 3, 4)], Float64Array.of(3, 5, 7, 9));
    expect(fit.coefficients[0]).toBeCloseTo(1, 12);
    expect(fit.coefficients[1]).toBeCloseTo(2, 12);
    expect(fit.ssr).toBeCloseTo(0, 12);
  });

  it('matches the textbook standard errors of a small regression', () => {
    // y = 1, 3, 2, 5, 4 on x = 1..5 with intercept: slope 0.8, intercept 0.6, s² = 3.6/3,
    // se(slope) = sqrt(1.2 / 10), se(intercept) = sqrt(1.2 · (1/5 + 9/10)).
    const fit = leastSquares(
      [new Float64Array(5).fill(1), Float64Array.of(1, 2, 3, 4, 5)],
      Float64Array.of(1, 3, 2, 5, 4),
    );
    expect(fit.coefficients[0]).toBeCloseTo(0.6, 12);
    expect(fit.coefficients[1]).toBeCloseTo(0.8, 12);
    expect(fit.ssr).toBeCloseTo(3.6, 12);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(0.12), 12);
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(1.2 * 1.1), 12);
  });

  it('refuses collinear columns and short or ragged input', () => {
    const ones = new Float64Array(4).fill(1);
    expect(
      thrown(() => leastSquares([ones, Float64Array.of(2, 2, 2, 2)], Float64Array.of(1, 2, 3, 4))),
    ).toBeInstanceOf(StatisticsInputError);
    expect(
      (thrown(() => leastSquares([ones], Float64Array.of(1, 2))) as StatisticsInputError).field,
    ).toBe('columns[0].length');
    expect(
      (thrown(() => leastSquares([Float64Array.of(1)], Float64Array.of(1))) as StatisticsInputError)
        .field,
    ).toBe('y.length');
  });
});

describe('engleGrangerCriticalValue (MacKinnon 2010, N = 2, constant)', () => {
  it('evaluates the response surface', () => {
    expect(engleGrangerCriticalValue(749, '5%')).toBeCloseTo(-3.344299839091196, 12);
    expect(engleGrangerCriticalValue(749, '1%')).toBeCloseTo(-3.911102184381133, 12);
    expect(engleGrangerCriticalValue(Infinity, '10%')).toBe(-3.04445);
  });
});

describe('engleGranger', () => {
  it('reproduces a numpy hand check on HDFCBANK ~ KOTAKBANK minutes (2016-08-17/18, 750 pairs)', () => {
    const y = twoSessions('HDFCBANK');
    const x = twoSessions('KOTAKBANK');
    expect(y.length).toBe(750);
    expect(x.length).toBe(750);
    // numpy.linalg.lstsq on [1, x] and on [u(t-1), Δu(t-1..t-p)], t-value with s² = SSR/(rows-k).
    const expected = [
      { lags: 0, adf: -5.5986236090792625 },
      { lags: 1, adf: -4.6946862179972175 },
      { lags: 2, adf: -4.339684352948022 },
    ];
    for (const { lags, adf } of expected) {
      const test = engleGranger(y, x, { lags });
      expect(test.hedgeRatio).toBeCloseTo(1.0817052856438425, 10);
      expect(test.intercept).toBeCloseTo(403.93863445088385, 7);
      expect(test.residualStdDev).toBeCloseTo(1.8750960720892607, 10);
      expect(test.adfStatistic).toBeCloseTo(adf, 9);
      expect(test.observations).toBe(750);
      expect(test.criticalValue).toBeCloseTo(-3.344299839091196, 12);
      expect(test.cointegrated).toBe(true);
    }
  });

  it('finds a constructed cointegrated pair and rejects two independent random walks', () => {
    const random = new SeededRandom(7);
    const x = randomWalk(random, 500, 100);
    let noise = 0;
    const y = x.map((v) => {
      noise = 0.5 * noise + random.normal();
      return 5 + 0.8 * v + noise;
    });
    const pair = engleGranger(y, x);
    expect(pair.hedgeRatio).toBeCloseTo(0.8, 1);
    expect(pair.cointegrated).toBe(true);
    expect(pair.adfStatistic).toBeLessThan(-8);

    const apart = engleGranger(
      randomWalk(new SeededRandom(1), 500, 100),
      randomWalk(new SeededRandom(2), 500, 100),
    );
    expect(apart.cointegrated).toBe(false);
  });

  it('is invariant to the scale and level of y: β scales, the ADF statistic does not move', () => {
    const x = randomWalk(new SeededRandom(3), 120, 50);
    const base = randomWalk(new SeededRandom(4), 120, 80);
    const reference = engleGranger(base, x);
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (scale, shift) => {
          const moved = engleGranger(
            base.map((v) => scale * v + shift),
            x,
          );
          expect(moved.hedgeRatio).toBeCloseTo(scale * reference.hedgeRatio, 6);
          expect(moved.intercept).toBeCloseTo(scale * reference.intercept + shift, 4);
          expect(moved.adfStatistic).toBeCloseTo(reference.adfStatistic, 6);
          expect(moved.cointegrated).toBe(reference.cointegrated);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names the offending input', () => {
    const x = randomWalk(new SeededRandom(5), 40, 10);
    expect((thrown(() => engleGranger(x, x.slice(1))) as StatisticsInputError).field).toBe(
      'x.length',
    );
    expect(
      (thrown(() => engleGranger(x.slice(0, 10), x.slice(0, 10))) as StatisticsInputError).field,
    ).toBe('y.length');
    const withNaN = [...x];
    withNaN[7] = Number.NaN;
    expect((thrown(() => engleGranger(withNaN, x)) as StatisticsInputError).field).toBe('y[7]');
    expect(
      (
        thrown(() =>
          engleGranger(
            x,
            x.map(() => 3),
          ),
        ) as StatisticsInputError
      ).field,
    ).toBe('x');
    expect(thrown(() => engleGranger(x, x, { lags: -1 }))).toBeInstanceOf(ValidationError);
  });
});
