import type { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { expect } from 'vitest';
import {
  parseInstrument,
  staticContext,
  type Bar,
  type Instrument,
  type MarketEvent,
  type OrderIntent,
  type StaticPortfolio,
  type StrategyContext,
} from '../../src/index.js';

/** Cash equity, lot 1, tick 0.1. */
export const reliance: Instrument = parseInstrument({
  id: 'NSE:RELIANCE',
  exchange: 'NSE',
  symbol: 'RELIANCE',
  type: 'EQ',
  lotSize: 1,
  tickSize: 0.1,
});

/** Cash equity, lot 1, tick 0.05. */
export const infy: Instrument = parseInstrument({
  id: 'NSE:INFY',
  exchange: 'NSE',
  symbol: 'INFY',
  type: 'EQ',
  lotSize: 1,
  tickSize: 0.05,
});

/** Index future, lot 75, tick 0.1. */
export const niftyFut: Instrument = parseInstrument({
  id: 'NFO:NIFTY26JANFUT',
  exchange: 'NFO',
  symbol: 'NIFTY26JANFUT',
  type: 'FUT',
  lotSize: 75,
  tickSize: 0.1,
  expiry: '2026-01-27',
});

export const instruments = [reliance, infy, niftyFut];

/** Monday 2025-01-06 09:15 IST, in epoch ms (UTC). */
export const MONDAY_0915_IST = Date.UTC(2025, 0, 6, 3, 45);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An order intent with sensible defaults: a MARKET MIS buy of 10 RELIANCE. */
export function intent(id: string, overrides: Partial<OrderIntent> = {}): OrderIntent {
  return {
    kind: 'intent',
    id,
    instrument: reliance.id,
    time: MONDAY_0915_IST,
    side: 'BUY',
    quantity: 10,
    orderType: 'MARKET',
    product: 'MIS',
    validity: 'DAY',
    reduceOnly: false,
    reason: 'test',
    ...overrides,
  };
}

/** A one-minute bar whose open, high, low and close are all `price`. */
export function bar(instrument: Instrument, price: number, time = MONDAY_0915_IST): Bar {
  return {
    kind: 'bar',
    instrument: instrument.id,
    timeframe: '1m',
    time,
    open: price,
    high: price,
    low: price,
    close: price,
    volume: 1000,
  };
}

/** A TestScheduler asserting with vitest's deep equality. */
export function marbles(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** A context for tests; `now` and `portfolio` may be functions read on every call. */
export function context(options: {
  now?: number | (() => number);
  portfolio?: StaticPortfolio | (() => StaticPortfolio);
  market$?: Observable<MarketEvent>;
}): StrategyContext<unknown> {
  return staticContext({ params: {}, instruments, ...options });
}
