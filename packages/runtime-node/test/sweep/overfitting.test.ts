import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deflatedSharpeRatio,
  expectedMaxSharpe,
  normalCdf,
  normalQuantile,
  probabilityOfBacktestOverfitting,
  returnMoments,
  SweepInputError,
} from '../../src/sweep/index.js';

describe('normal distribution helpers', () => {
  it('match tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.99)).toBeCloseTo(2.326348, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it('quantile inverts the CDF', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
      }),
      { numRuns: 200 },
    );
  });
});

describe('deflated Sharpe ratio (Bailey & López de Prado 2014)', () => {
  it("reproduces the paper's numerical example: SR0 = 0.1132, DSR = 0.9004", () => {
    // N = 100 trials, annualised V[SR] = 0.5, best SR 2.5 annualised, T = 1250 daily returns,
    // skew -3, kurtosis 10; daily figures = annual / 250 (variance) and / sqrt(250) (Sharpe).
    expect(expectedMaxSharpe(100, 0.5 / 250)).toBeCloseTo(0.1132, 4);
    const dsr = deflatedSharpeRatio({
      sharpe: 2.5 / Math.sqrt(250),
      observations: 1250,
      skewness: -3,
      kurtosis: 10,
      trials: 100,
      sharpeVariance: 0.5 / 250,
    });
    expect(dsr).toBeCloseTo(0.9004, 3);
  });

  it('with one trial is the probabilistic Sharpe ratio against 0 (hand-checked)', () => {
    // SR 0.1, T 101, normal moments: z = 0.1 * 10 / sqrt(1 + 0.5 * 0.01) = 0.997509; Φ(z) = 0.84073
    const dsr = deflatedSharpeRatio({
      sharpe: 0.1,
      observations: 101,
      skewness: 0,
      kurtosis: 3,
      trials: 1,
      sharpeVariance: 0,
    });
    expect(dsr).toBeCloseTo(0.84073, 4);
  });

  it('falls as trials grow', () => {
    const at = (trials: number) =>
      deflatedSharpeRatio({
        sharpe: 0.1,
        observations: 500,
        skewness: 0,
        kurtosis: 3,
        trials,
        sharpeVariance: 0.001,
      });
    expect(at(10)).toBeGreaterThan(at(100));
    expect(at(100)).toBeGreaterThan(at(1000));
  });

  it('rejects a series too short to judge with a typed error', () => {
    expect(() =>
      deflatedSharpeRatio({
        sharpe: 0.1,
        observations: 1,
        skewness: 0,
        kurtosis: 3,
        trials: 5,
        sharpeVariance: 0.01,
      }),
    ).toThrow(SweepInputError);
  });

  it('computes population moments (hand-checked)', () => {
    // [1, 2, 3, 6]: mean 3, deviations -2 -1 0 3, m2 = 14/4 = 3.5, m3 = (-8 - 1 + 27)/4 = 4.5,
    // m4 = (16 + 1 + 81)/4 = 24.5
    const m = returnMoments([1, 2, 3, 6]);
    expect(m.sharpe).toBeCloseTo(3 / Math.sqrt(3.5), 12);
    expect(m.skewness).toBeCloseTo(4.5 / 3.5 ** 1.5, 12);
    expect(m.kurtosis).toBeCloseTo(24.5 / 3.5 ** 2, 12);
    expect(returnMoments([0.01, 0.01])).toEqual({ sharpe: 0, skewness: 0, kurtosis: 3, count: 2 });
  });
});

describe('probability of backtest overfitting (CSCV)', () => {
  it('is 0 when one trial is best in every block', () => {
    const good = [0.02, 0.01, 0.03, 0.02, 0.02, 0.01, 0.03, 0.02];
    const bad = good.map((r) => r - 0.02);
    expect(probabilityOfBacktestOverfitting([bad, good], 4)).toMatchObject({ pbo: 0, splits: 6 });
  });

  it('gives the hand-computed logits of a 3-trial, 2-block case', () => {
    // Block Sharpe ratios (mean / population sd): A 3 | 2, B 0 | 4, C 1 | -2.
    // IS block 0: A best; OOS block 1: A (2) beats only C -> rank 2 of 3, ω = 2/4, λ = 0.
    // IS block 1: B best; OOS block 0: B (0) is last -> rank 1, ω = 1/4, λ = ln(1/3).
    const a = [0.02, 0.01, 0.01, 0.03];
    const b = [0.01, -0.01, 0.03, 0.05];
    const c = [0.0, 0.02, -0.01, -0.03];
    const result = probabilityOfBacktestOverfitting([a, b, c], 2);
    expect(result.splits).toBe(2);
    expect(result.logits[0]).toBeCloseTo(0, 12);
    expect(result.logits[1]).toBeCloseTo(Math.log(1 / 3), 12);
    expect(result.pbo).toBe(1);
  });

  it('is 1 when the in-sample winner always loses out of sample', () => {
    // Each trial is good in exactly one half and bad in the other, mirrored.
    const a = [0.02, 0.01, 0.02, 0.01, -0.02, -0.01, -0.02, -0.01];
    const b = [-0.02, -0.01, -0.02, -0.01, 0.02, 0.01, 0.02, 0.01];
    expect(probabilityOfBacktestOverfitting([a, b], 2).pbo).toBe(1);
  });

  it('is a probability with C(S, S/2) splits for any returns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.constantFrom(2, 4, 6),
        fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), {
          minLength: 5 * 24,
          maxLength: 5 * 24,
        }),
        (trials, blocks, pool) => {
          const columns = Array.from({ length: trials }, (_, t) => pool.slice(t * 24, t * 24 + 24));
          const r = probabilityOfBacktestOverfitting(columns, blocks);
          expect(r.pbo).toBeGreaterThanOrEqual(0);
          expect(r.pbo).toBeLessThanOrEqual(1);
          expect(r.splits).toBe({ 2: 2, 4: 6, 6: 20 }[blocks]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects unusable input with typed errors', () => {
    expect(() => probabilityOfBacktestOverfitting([[0.01, 0.02, 0.03, 0.04]], 2)).toThrow(
      SweepInputError,
    );
    expect(() => probabilityOfBacktestOverfitting([[0.01], [0.02]], 3)).toThrow(/even number/);
    expect(() =>
      probabilityOfBacktestOverfitting(
        [
          [0.01, 0.02],
          [0.02, 0.01],
        ],
        2,
      ),
    ).toThrow(/at least 4 periods/);
  });
});
