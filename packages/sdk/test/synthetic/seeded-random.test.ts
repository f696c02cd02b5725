import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSeed, SeededRandom, simulateRegimePath } from '../../src/synthetic/index.js';
import { DEFAULT_TRANSITIONS } from '../../src/synthetic/index.js';

describe('SeededRandom (xoshiro128**)', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const seqA = Array.from({ length: 8 }, () => a.nextUint32());
    expect(Array.from({ length: 8 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 8 }, () => c.nextUint32())).not.toEqual(seqA);
    for (const x of seqA) expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
  });

  it('keeps uniforms in range for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const r = new SeededRandom(seed);
        let ok = true;
        for (let i = 0; i < 50; i++) {
          const u = r.uniform();
          const p = r.uniformPositive();
          ok &&= u >= 0 && u < 1 && p > 0 && p <= 1;
        }
        expect(ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('draws uniforms evenly and standard normals with mean 0 and variance 1', () => {
    const r = new SeededRandom(7);
    const n = 200_000;
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) buckets[Math.floor(r.uniform() * 10)]!++;
    // Chi-square with 9 degrees of freedom: 27.9 is the 0.1% critical value.
    const chi2 = buckets.reduce((s, b) => s + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
    let sum = 0;
    let sumSq = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) > 1.96) beyond2++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.015);
    expect(Math.abs(beyond2 / n - 0.05)).toBeLessThan(0.003);
  });

  it('derives distinct, stable sub-seeds per label', () => {
    expect(deriveSeed(42, 'NSE:SYNBANK')).toBe(deriveSeed(42, 'NSE:SYNBANK'));
    expect(deriveSeed(42, 'NSE:SYNBANK')).not.toBe(deriveSeed(42, 'NSE:SYNTECH'));
    expect(deriveSeed(42, 'market')).not.toBe(deriveSeed(43, 'market'));
  });
});

describe('regime path (Markov switching)', () => {
  it('visits regimes in the stationary shares and switches as the matrix says', () => {
    const days = 200_000;
    const path = simulateRegimePath(new SeededRandom(11), days, DEFAULT_TRANSITIONS, 0);
    const counts = [0, 0, 0];
    const moves = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    for (let k = 0; k < days; k++) {
      counts[path[k]!]!++;
      if (k > 0) moves[path[k - 1]!]![path[k]!]!++;
    }
    // Stationary distribution of DEFAULT_TRANSITIONS: (0.50, 0.35, 0.15).
    [0.5, 0.35, 0.15].forEach((share, i) =>
      expect(Math.abs(counts[i]! / days - share)).toBeLessThan(0.02),
    );
    moves.forEach((row, i) => {
      const total = row.reduce((a, b) => a + b, 0);
      row.forEach((m, j) =>
        expect(Math.abs(m / total - DEFAULT_TRANSITIONS[i]![j]!)).toBeLessThan(0.01),
      );
    });
    expect(path[0]).toBe(0);
  });

  it('stays put under an identity matrix', () => {
    const path = simulateRegimePath(
      new SeededRandom(1),
      50,
      [
        [1, 0],
        [0, 1],
      ],
      1,
    );
    expect([...path].every((r) => r === 1)).toBe(true);
  });
});
