import type { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { expect } from 'vitest';
import {
  parseInstrument,
  staticContext,
  type Bar,
  type Instrument,
  type MarketEvent,
  type Order,
  type OrderIntent,
  type PositionView,
  type Product,
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

/** Cash equities with lot 1 and tick 0.05, for tests needing many instruments. */
export const tcs: Instrument = equity('TCS');
export const sbin: Instrument = equity('SBIN');

function equity(symbol: string): Instrument {
  return parseInstrument({
    id: `NSE:${symbol}`,
    exchange: 'NSE',
    symbol,
    type: 'EQ',
    lotSize: 1,
    tickSize: 0.05,
  });
}

export const instruments = [reliance, infy, niftyFut, tcs, sbin];

/** A position view for a static portfolio. */
export function holding(
  instrument: Instrument,
  product: Product,
  quantity: number,
  price: number,
): PositionView {
  return {
    instrument: instrument.id,
    product,
    quantity,
    averagePrice: price,
    lastPrice: price,
    unrealisedPnl: 0,
  };
}

/** A working order at the venue for `orderIntent`. */
export function working(orderIntent: OrderIntent, filledQuantity = 0): Order {
  return {
    kind: 'order',
    id: orderIntent.id,
    intent: orderIntent,
    status: filledQuantity > 0 ? 'PARTIALLY_FILLED' : 'OPEN',
    filledQuantity,
    averagePrice: 0,
    history: [],
  };
}

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
