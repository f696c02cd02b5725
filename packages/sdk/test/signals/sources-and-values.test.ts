import { describe, expect, it } from 'vitest';
import {
  SessionVwap,
  SignalValueError,
  crossoverSignal,
  thresholdSignal,
  type Indicator,
  type MarketEvent,
  type Series,
} from '../../src/index.js';
import { stockMinuteBars2016 } from './_data.js';
import { formatNumber } from '../../src/signals/internal/opinion.js';
import { INFY, T0, bar, runSync, tick } from './_helpers.js';

/** Emits once the chosen source price exceeds 100: the emitted reason shows the value read. */
const readOn = (source: Parameters<typeof thresholdSignal>[0]['source']) =>
  thresholdSignal({
    indicator: 'price',
    mode: 'momentum',
    lower: 0,
    upper: 100,
    exitUpper: 100,
    ...(source === undefined ? {} : { source }),
  });

const reasonOf = (source: Parameters<typeof thresholdSignal>[0]['source'], event: MarketEvent) =>
  runSync(readOn(source), [event])[0]?.reason;

describe('price sources', () => {
  const b = bar(INFY, T0, 110, { open: 104, high: 120, low: 101 });

  it('read the named field of a bar', () => {
    expect(reasonOf(undefined, b)).toBe('threshold: 110 > 100 (upper): long');
    expect(reasonOf('open', b)).toBe('threshold: 104 > 100 (upper): long');
    expect(reasonOf('high', b)).toBe('threshold: 120 > 100 (upper): long');
    expect(reasonOf('low', b)).toBe('threshold: 101 > 100 (upper): long');
    expect(reasonOf('hl2', b)).toBe('threshold: 110.5 > 100 (upper): long');
    expect(reasonOf('hlc3', b)).toBe('threshold: 110.3333 > 100 (upper): long');
    expect(reasonOf('ohlc4', b)).toBe('threshold: 108.75 > 100 (upper): long');
    expect(reasonOf((e) => (e.kind === 'bar' ? e.volume : 0), b)).toBe(
      'threshold: 1000 > 100 (upper): long',
    );
  });

  it('read a tick`s price whatever the field', () => {
    for (const source of ['open', 'high', 'low', 'close', 'hl2', 'hlc3', 'ohlc4'] as const) {
      expect(reasonOf(source, tick(INFY, T0, 101.5))).toBe('threshold: 101.5 > 100 (upper): long');
    }
  });

  it('feed a tick to an { ohlcv } indicator as a one-price bar', () => {
    const seen: unknown[] = [];
    const recorder: Indicator<{ high: number; low: number; close: number }, number> = {
      update: (input) => (seen.push(input), input.close),
      value: undefined,
      isReady: true,
      reset: () => undefined,
    };
    runSync(thresholdSignal({ indicator: { ohlcv: () => recorder }, lower: 0, upper: 1 }), [
      tick(INFY, T0 + 5, 99),
    ]);
    expect(seen).toEqual([{ open: 99, high: 99, low: 99, close: 99, time: T0 + 5 }]);
    runSync(thresholdSignal({ indicator: { ohlcv: () => recorder }, lower: 0, upper: 1 }), [
      { ...tick(INFY, T0 + 6, 98), quantity: 25 },
    ]);
    expect(seen[1]).toEqual({ open: 98, high: 98, low: 98, close: 98, time: T0 + 6, volume: 25 });
  });

  it('take bar indicators with their own input type, e.g. price against the session VWAP', () => {
    const vwap: Series = { ohlcv: () => new SessionVwap() };
    const bars = stockMinuteBars2016('HDFCBANK');
    const out = runSync(crossoverSignal({ fast: 'price', slow: vwap, allowShort: true }), bars);
    expect(out.length).toBeGreaterThan(18);
    const reference = new SessionVwap();
    const vwapByClose = new Map(bars.map((b) => [b.time + 60_000, reference.update(b)!]));
    for (const s of out) {
      const level = vwapByClose.get(s.time)!;
      expect(s.direction === 'long' ? s.price > level : s.price < level).toBe(true);
    }
  });
});

describe('bad values', () => {
  it('an indicator returning NaN fails with a SignalValueError naming the series', () => {
    const broken: Indicator<number, number> = {
      update: () => Number.NaN,
      value: undefined,
      isReady: false,
      reset: () => undefined,
    };
    const signal = thresholdSignal({ indicator: () => broken, lower: 0, upper: 1, name: 'broken' });
    expect(() => runSync(signal, [bar(INFY, T0, 10)])).toThrow(SignalValueError);
    try {
      runSync(signal, [bar(INFY, T0, 10)]);
    } catch (e) {
      expect(e).toMatchObject({
        signal: 'broken',
        field: 'indicator',
        instrument: INFY,
        time: T0,
        code: 'SIGNAL_VALUE',
      });
      expect((e as Error).message).toContain('broken: indicator must be a finite number (got NaN)');
    }
  });

  it('a source returning Infinity fails before reaching the indicator', () => {
    const signal = thresholdSignal({
      indicator: () => ({
        update: (x: number) => x,
        value: undefined,
        isReady: true,
        reset: () => undefined,
      }),
      lower: 0,
      upper: 1,
      source: () => Infinity,
    });
    expect(() => runSync(signal, [bar(INFY, T0, 10)])).toThrow(
      /source price must be a finite number \(got Infinity\)/,
    );
  });
});

describe('formatNumber (reasons)', () => {
  it('rounds to the digits and drops trailing zeros and negative zero', () => {
    expect(formatNumber(14801.2345, 2)).toBe('14801.23');
    expect(formatNumber(100, 2)).toBe('100');
    expect(formatNumber(26.666666, 4)).toBe('26.6667');
    expect(formatNumber(0.1 + 0.2, 4)).toBe('0.3');
    expect(formatNumber(-0.0001, 2)).toBe('0');
    expect(formatNumber(-1.5, 2)).toBe('-1.5');
    expect(formatNumber(7.25, 0)).toBe('7');
  });
});
