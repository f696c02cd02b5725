import { describe, expect, it } from 'vitest';
import {
  isBar,
  isTick,
  knownAt,
  lastPrice,
  parseBar,
  parseMarketEvent,
  parseTick,
  timeframeMs,
} from '../../src/model/index.js';
import { expectValidationError } from '../errors/expect-validation-error.js';
import { T0, barInput, tickInput } from './fixtures.js';

describe('market events', () => {
  const bar = parseBar(barInput);
  const tick = parseTick(tickInput);

  it('parses either kind and rejects anything else, naming kind', () => {
    expect(parseMarketEvent(barInput)).toEqual(bar);
    expect(parseMarketEvent(tickInput)).toEqual(tick);
    expectValidationError(() => parseMarketEvent({ ...barInput, kind: 'quote' }), 'kind', 'quote');
    expectValidationError(() => parseMarketEvent({ ...barInput, high: 1 }), 'high', 1);
  });

  it('narrows by kind', () => {
    expect([isBar(bar), isTick(bar), isBar(tick), isTick(tick)]).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  it('reads the last price: a bar close, a tick price', () => {
    expect(lastPrice(bar)).toBe(1503);
    expect(lastPrice(tick)).toBe(25_990.5);
  });

  it('knows a bar at its close and a tick at its time', () => {
    expect(knownAt(bar)).toBe(T0 + 60_000);
    expect(knownAt({ ...bar, timeframe: '15m' })).toBe(T0 + 900_000);
    expect(knownAt(tick)).toBe(T0 + 1_250);
  });

  it('gives every timeframe its length', () => {
    expect(timeframeMs('1s')).toBe(1_000);
    expect(timeframeMs('3m')).toBe(180_000);
    expect(timeframeMs('60m')).toBe(3_600_000);
    expect(timeframeMs('1d')).toBe(86_400_000);
  });
});
