import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  parseSignalEvent,
  zScoreReversion,
  type Direction,
  type SignalEvent,
} from '../../src/index.js';
import { stockMinuteBars2016 } from './_data.js';
import { INFY, MINUTE, T0, closes, ctx, marbles, runSync } from './_helpers.js';

/** Mean and population sd of the last `period` values ending at `i`, computed plainly. */
function window(
  values: readonly number[],
  i: number,
  period: number,
): { mean: number; sd: number } {
  const slice = values.slice(i + 1 - period, i + 1);
  const mean = slice.reduce((a, b) => a + b, 0) / period;
  const sd = Math.sqrt(slice.reduce((a, b) => a + (b - mean) ** 2, 0) / period);
  return { mean, sd };
}

describe('zScoreReversion', () => {
  it('goes long when z < -entry, with the mean as target, and flat when z > -exit', () => {
    const prices = [10, 12, 11, 8, 9, 11];
    const out = runSync(zScoreReversion({ period: 3, entry: 1.2 }), closes(INFY, prices));
    const at3 = window(prices, 3, 3); // [12, 11, 8]: z = -1.37
    expect((8 - at3.mean) / at3.sd).toBeCloseTo(-1.3728, 4);
    expect(out.map((s) => `${s.direction}@${s.price}`)).toEqual(['long@8', 'flat@11']);
    expect(out[0]).toEqual({
      kind: 'signal',
      instrument: INFY,
      time: T0 + 4 * MINUTE,
      direction: 'long',
      confidence: 1,
      price: 8,
      target: at3.mean,
      reason: 'z-score: -1.37 < -1.2 (lower): long (mean 10.33, sd 1.6997)',
    });
    // [11, 8, 9]: z = -0.27, still below the mean; [8, 9, 11]: z = 1.34 > 0, back past it
    expect(out[1]!.reason).toBe('z-score: 1.34 > 0 (long exit): flat (mean 9.33, sd 1.2472)');
    expect(out[1]).not.toHaveProperty('target');
  });

  it('shorts above +entry with allowShort, exits below +exit', () => {
    const prices = [10, 8, 9, 12, 11, 9];
    const signal = zScoreReversion({ period: 3, entry: 1.2, exit: 0.5, allowShort: true });
    const out = runSync(signal, closes(INFY, prices));
    // [8, 9, 12]: z = 1.37 short; [9, 12, 11]: z = 0.27 < 0.5 flat; [12, 11, 9]: z = -1.34 long
    expect(out.map((s) => `${s.direction}@${s.price}`)).toEqual(['short@12', 'flat@11', 'long@9']);
    expect(out[0]!.target).toBeCloseTo(window(prices, 3, 3).mean, 12);
    const longOnly = runSync(zScoreReversion({ period: 3, entry: 1.2 }), closes(INFY, prices));
    expect(longOnly.map((s) => `${s.direction}@${s.price}`)).toEqual(['long@9']);
  });

  it('attaches stop = mean - stopZ * sd, and skips an entry already beyond stopZ', () => {
    const prices = [10, 12, 11, 8];
    const { mean, sd } = window(prices, 3, 3);
    const withStop = runSync(
      zScoreReversion({ period: 3, entry: 1.2, stopZ: 1.4 }),
      closes(INFY, prices),
    );
    expect(withStop[0]!.stop).toBeCloseTo(mean - 1.4 * sd, 12);
    expect(withStop[0]!.stop).toBeLessThan(8);
    parseSignalEvent(withStop[0]);
    const beyond = runSync(
      zScoreReversion({ period: 3, entry: 1.2, stopZ: 1.3 }),
      closes(INFY, prices),
    );
    expect(beyond).toEqual([]);
  });

  it('decides nothing on a flat window (sd = 0)', () => {
    expect(
      runSync(zScoreReversion({ period: 3, entry: 0.5 }), closes(INFY, [10, 10, 10, 10, 10])),
    ).toEqual([]);
  });

  it('is a marble-testable operator', () => {
    marbles().run(({ cold, expectObservable }) => {
      const [a, b, c, d] = closes(INFY, [10, 12, 11, 8]);
      const source = cold('ab-c-d|', { a: a!, b: b!, c: c!, d: d! });
      expectObservable(source.pipe(zScoreReversion({ period: 3, entry: 1.2 })(ctx))).toBe(
        '-----x|',
        {
          x: expect.objectContaining({ direction: 'long', price: 8 }) as SignalEvent,
        },
      );
    });
  });

  it('rejects bad options with a ValidationError naming the field', () => {
    const make = (o: object) => () => zScoreReversion({ period: 20, ...o });
    expect(make({ period: 1 })).toThrow(ValidationError);
    expect(make({ period: 1 })).toThrow(/period/);
    expect(make({ period: 2.5 })).toThrow(/period/);
    expect(make({ entry: 0 })).toThrow(/entry/);
    expect(make({ entry: 2, exit: 2 })).toThrow(/exit/);
    expect(make({ entry: 2, exit: -2 })).toThrow(/exit/);
    expect(make({ entry: 2, stopZ: 2 })).toThrow(/stopZ/);
  });

  const prices = fc.array(
    fc.integer({ min: 1900, max: 2100 }).map((n) => n / 20),
    { maxLength: 120 },
  );

  it('matches a plain O(n) reference, and every opinion is a valid SignalEvent', () => {
    fc.assert(
      fc.property(prices, fc.boolean(), (xs, allowShort) => {
        const out = runSync(
          zScoreReversion({ period: 5, entry: 1.5, exit: 0.25, stopZ: 1.9, allowShort }),
          closes(INFY, xs),
        );
        expect(out.map((s) => `${s.direction}@${s.time}`)).toEqual(
          reference(xs, 5, 1.5, 0.25, 1.9, allowShort),
        );
        for (const s of out) parseSignalEvent(s);
      }),
      { numRuns: 200 },
    );
  });

  it('two instances give equal outputs on equal inputs', () => {
    fc.assert(
      fc.property(prices, (xs) => {
        const events = closes(INFY, xs);
        const make = () => zScoreReversion({ period: 4, entry: 1, allowShort: true });
        const shared = make();
        const first = runSync(shared, events);
        expect(runSync(shared, events)).toEqual(first);
        expect(runSync(make(), events)).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it('z(20) 2/0 on INFY 1-minute 2016 matches the reference and targets the mean', () => {
    const bars = stockMinuteBars2016('INFY');
    const xs = bars.map((b) => b.close);
    const out = runSync(zScoreReversion({ period: 20, entry: 2, exit: 0, allowShort: true }), bars);
    const times = bars.map((b) => b.time + MINUTE);
    expect(out.map((s) => `${s.direction}@${s.time}`)).toEqual(
      reference(xs, 20, 2, 0, undefined, true, times),
    );
    expect(out).toHaveLength(EXPECTED_INFY_SIGNALS);
    for (const s of out) {
      parseSignalEvent(s);
      if (s.direction === 'long') expect(s.target).toBeGreaterThan(s.price);
      if (s.direction === 'short') expect(s.target).toBeLessThan(s.price);
    }
  });
});

const EXPECTED_INFY_SIGNALS = 497;

function reference(
  xs: readonly number[],
  period: number,
  entry: number,
  exit: number,
  stopZ: number | undefined,
  allowShort: boolean,
  times: readonly number[] = xs.map((_, i) => T0 + (i + 1) * MINUTE),
): string[] {
  const out: string[] = [];
  let side: Direction = 'flat';
  xs.forEach((x, i) => {
    if (i + 1 < period) return;
    const { mean, sd } = window(xs, i, period);
    const allEqual = xs.slice(i + 1 - period, i + 1).every((v) => v === x);
    if (allEqual) return;
    const zValue = (x - mean) / sd;
    let next: Direction = side;
    if (next === 'long' && zValue > -exit) next = 'flat';
    if (next === 'short' && zValue < exit) next = 'flat';
    const tooFar = stopZ !== undefined && Math.abs(zValue) >= stopZ;
    if (next === 'flat' && zValue < -entry && !tooFar) next = 'long';
    else if (next === 'flat' && zValue > entry && allowShort && !tooFar) next = 'short';
    if (next !== side) out.push(`${next}@${times[i]!}`);
    side = next;
  });
  return out;
}
