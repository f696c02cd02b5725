import { describe, expect, it } from 'vitest';
import { BollingerBands, Macd, mapIndicator, thresholdSignal } from '../../src/index.js';
import { INFY, closes, runSync } from './_helpers.js';

describe('mapIndicator', () => {
  it('projects a structured output to a number, with the input at hand', () => {
    const percentB = mapIndicator(
      () => new BollingerBands(3, 1),
      (b, close) => (b.upper > b.lower ? (close - b.lower) / (b.upper - b.lower) : undefined),
    )();
    expect(percentB.update(1)).toBeUndefined();
    expect(percentB.update(2)).toBeUndefined();
    // mean 2, sd sqrt(2/3): close 3 sits at (3 - (2 - 0.8165)) / 1.633 = 1.1124
    expect(percentB.update(3)).toBeCloseTo(1.1124, 4);
    expect(percentB.isReady).toBe(true);
    expect(percentB.value).toBeCloseTo(1.1124, 4);
  });

  it('treats an undefined projection as not ready, and resets the inner indicator', () => {
    const percentB = mapIndicator(
      () => new BollingerBands(2, 2),
      (b, close) => (b.upper > b.lower ? (close - b.lower) / (b.upper - b.lower) : undefined),
    )();
    percentB.update(5);
    expect(percentB.update(5)).toBeUndefined(); // flat window: no band width
    expect(percentB.isReady).toBe(false);
    expect(percentB.update(6)).toBe(0.75);
    percentB.reset();
    expect(percentB.value).toBeUndefined();
    expect(percentB.update(7)).toBeUndefined();
  });

  it('makes a fresh inner indicator per call, so signals share no state', () => {
    const factory = mapIndicator(
      () => new Macd(2, 3, 2),
      (m) => m.histogram,
    );
    const a = factory();
    const b = factory();
    for (const x of [1, 2, 3, 4]) a.update(x);
    expect(b.value).toBeUndefined();
    expect(a.value).not.toBe(b.value);
  });

  it('feeds a threshold signal (MACD histogram sign, momentum)', () => {
    const histogram = mapIndicator(
      () => new Macd(2, 3, 2),
      (m) => m.histogram,
    );
    const signal = thresholdSignal({ indicator: histogram, lower: 0, upper: 0, mode: 'momentum' });
    const out = runSync(signal, closes(INFY, [10, 10, 10, 11, 12, 13, 12, 10, 9]));
    expect(out.map((s) => `${s.direction}@${s.price}`)).toEqual(['long@11', 'flat@12']);
  });
});
