import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Rsi,
  Stochastic,
  mapIndicator,
  ValidationError,
  parseSignalEvent,
  thresholdSignal,
  type Direction,
  type SignalEvent,
} from '../../src/index.js';
import { stockMinuteBars2016 } from './_data.js';
import { INFY, MINUTE, T0, TCS, closes, ctx, marbles, runSync } from './_helpers.js';

/** The price itself is the "indicator", so the values below are exactly what the bands see. */
const bands = (extra: Partial<Parameters<typeof thresholdSignal>[0]> = {}) =>
  thresholdSignal({
    indicator: 'price',
    lower: 30,
    upper: 70,
    exitLower: 50,
    exitUpper: 50,
    ...extra,
  });

const summary = (out: readonly SignalEvent[]) => out.map((s) => `${s.direction}@${s.price}`);

describe('thresholdSignal', () => {
  it('reversion: long below lower until above exitLower (RSI < 30 -> long until > 50)', () => {
    const out = runSync(bands(), closes(INFY, [40, 29, 35, 45, 50, 51, 40]));
    expect(summary(out)).toEqual(['long@29', 'flat@51']);
    expect(out[0]).toEqual({
      kind: 'signal',
      instrument: INFY,
      time: T0 + 2 * MINUTE,
      direction: 'long',
      confidence: 1,
      price: 29,
      reason: 'threshold: 29 < 30 (lower): long',
    });
    expect(out[1]!.reason).toBe('threshold: 51 > 50 (long exit): flat');
  });

  it('never fires on a value exactly on a level', () => {
    expect(runSync(bands({ allowShort: true }), closes(INFY, [30, 70, 30]))).toEqual([]);
    const out = runSync(bands(), closes(INFY, [29, 50, 50, 30]));
    expect(summary(out)).toEqual(['long@29']);
  });

  it('reversion shorts above upper until below exitUpper, only with allowShort', () => {
    const prices = [60, 71, 55, 50, 49, 60];
    expect(runSync(bands(), closes(INFY, prices))).toEqual([]);
    expect(summary(runSync(bands({ allowShort: true }), closes(INFY, prices)))).toEqual([
      'short@71',
      'flat@49',
    ]);
  });

  it('turns a long straight into a short when one value exits and enters', () => {
    const out = runSync(bands({ allowShort: true }), closes(INFY, [25, 75]));
    expect(summary(out)).toEqual(['long@25', 'short@75']);
    expect(out[1]!.reason).toBe('threshold: 75 > 50 (long exit), 75 > 70 (upper): short');
    // without shorts the same jump only exits
    expect(summary(runSync(bands(), closes(INFY, [25, 75])))).toEqual(['long@25', 'flat@75']);
  });

  it('momentum: long above upper until below exitUpper, short below lower until above exitLower', () => {
    const signal = bands({ mode: 'momentum', allowShort: true, exitUpper: 60, exitLower: 40 });
    const out = runSync(signal, closes(INFY, [50, 71, 65, 61, 59, 45, 29, 35, 41, 50]));
    expect(summary(out)).toEqual(['long@71', 'flat@59', 'short@29', 'flat@41']);
    expect(out[0]!.reason).toBe('threshold: 71 > 70 (upper): long');
    expect(out[1]!.reason).toBe('threshold: 59 < 60 (long exit): flat');
  });

  it('defaults both exits to the middle of the band', () => {
    const signal = thresholdSignal({ indicator: 'price', lower: 20, upper: 80, allowShort: true });
    expect(summary(runSync(signal, closes(INFY, [19, 49, 51, 81, 51, 49])))).toEqual([
      'long@19',
      'flat@51',
      'short@81',
      'flat@49',
    ]);
  });

  it('reads bar indicators through { ohlcv } (Stochastic %K on high/low/close)', () => {
    const stochasticK = {
      ohlcv: mapIndicator(
        () => new Stochastic(3, 1),
        (s) => s.k,
      ),
    };
    const signal = thresholdSignal({ indicator: stochasticK, lower: 20, upper: 80, name: '%K' });
    // closes 10, 11, 12 (K = 100), then a close at the 3-bar low (K = 0): long
    const out = runSync(signal, closes(INFY, [10, 11, 12, 12, 10]));
    expect(summary(out)).toEqual(['long@10']);
    expect(out[0]!.reason).toBe('%K: 0 < 20 (lower): long');
  });

  it('keeps state per instrument', () => {
    const [a0, a1] = closes(INFY, [25, 35]);
    const [b0, b1] = closes(TCS, [35, 60]);
    expect(runSync(bands(), [a0!, b0!, a1!, b1!]).map((s) => s.instrument)).toEqual([INFY]);
  });

  it('is a marble-testable operator', () => {
    marbles().run(({ cold, expectObservable }) => {
      const [a, b, c] = closes(INFY, [40, 20, 60]);
      const source = cold('a-b--c|', { a: a!, b: b!, c: c! });
      expectObservable(source.pipe(bands()(ctx))).toBe('--x--y|', {
        x: expect.objectContaining({ direction: 'long', price: 20 }) as SignalEvent,
        y: expect.objectContaining({ direction: 'flat', price: 60 }) as SignalEvent,
      });
    });
  });

  it('rejects inconsistent levels with a ValidationError naming the field', () => {
    const make = (o: object) => () =>
      thresholdSignal({ indicator: 'price', lower: 30, upper: 70, ...o });
    expect(make({ lower: 80 })).toThrow(ValidationError);
    expect(make({ lower: 80 })).toThrow(/lower/);
    expect(make({ exitLower: 20 })).toThrow(/exitLower/);
    expect(make({ exitUpper: 71 })).toThrow(/exitUpper/);
    expect(make({ upper: Number.NaN })).toThrow(/upper/);
    expect(make({ mode: 'trend' })).toThrow(/mode/);
    expect(make({ indicator: {} })).toThrow(/indicator/);
  });

  const values = fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 150 });

  it('matches a plain reference of the hysteresis rules, in both modes', () => {
    fc.assert(
      fc.property(
        values,
        fc.boolean(),
        fc.constantFrom('reversion', 'momentum' as const),
        (xs, allowShort, mode) => {
          const out = runSync(bands({ allowShort, mode }), closes(INFY, xs));
          expect(summary(out)).toEqual(referenceBands(xs, mode, allowShort));
          out.forEach((s) => parseSignalEvent(s));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('two instances give equal outputs on equal inputs', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const events = closes(INFY, xs);
        const make = () =>
          thresholdSignal({ indicator: () => new Rsi(3), lower: 30, upper: 70, allowShort: true });
        const shared = make();
        const first = runSync(shared, events);
        expect(runSync(shared, events)).toEqual(first);
        expect(runSync(make(), events)).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it('RSI(14) 30/50/70 on RELIANCE 1-minute 2016 follows the RSI values bar by bar', () => {
    const bars = stockMinuteBars2016('RELIANCE');
    expect(bars).toHaveLength(6750);
    const signal = thresholdSignal({
      indicator: () => new Rsi(14),
      lower: 30,
      upper: 70,
      exitLower: 50,
      exitUpper: 50,
      allowShort: true,
      name: 'RSI(14)',
    });
    const out = runSync(signal, bars);
    const rsi = new Rsi(14);
    const rsiValues = bars.map((b) => rsi.update(b.close) ?? 50);
    const expected = referenceBands(rsiValues, 'reversion', true);
    expect(out.map((s) => s.direction)).toEqual(expected.map((e) => e.split('@')[0]));
    expect(out).toHaveLength(EXPECTED_RELIANCE_RSI_SIGNALS);
    for (const s of out) {
      const index = bars.findIndex((b) => b.time + MINUTE === s.time);
      const value = rsiValues[index]!;
      if (s.direction === 'long') expect(value).toBeLessThan(30);
      if (s.direction === 'short') expect(value).toBeGreaterThan(70);
    }
  });
});

const EXPECTED_RELIANCE_RSI_SIGNALS = 178;

/** The band rules written out plainly (levels 30/70, exits 50), as `direction@value`. */
function referenceBands(
  xs: readonly number[],
  mode: 'reversion' | 'momentum',
  allowShort: boolean,
): string[] {
  const out: string[] = [];
  let side: Direction = 'flat';
  for (const x of xs) {
    let next: Direction = side;
    if (mode === 'reversion') {
      if (next === 'long' && x > 50) next = 'flat';
      if (next === 'short' && x < 50) next = 'flat';
      if (next === 'flat' && x < 30) next = 'long';
      else if (next === 'flat' && x > 70 && allowShort) next = 'short';
    } else {
      if (next === 'long' && x < 50) next = 'flat';
      if (next === 'short' && x > 50) next = 'flat';
      if (next === 'flat' && x > 70) next = 'long';
      else if (next === 'flat' && x < 30 && allowShort) next = 'short';
    }
    if (next !== side) out.push(`${next}@${x}`);
    side = next;
  }
  return out;
}
