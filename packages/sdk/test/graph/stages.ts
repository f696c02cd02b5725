// Tiny inline stages for the graph tests (the stock stages live elsewhere and are not used here).
import { EMPTY, defer, filter, map, merge, mergeMap, of, type Observable } from 'rxjs';
import type { ExecutionModel, RiskGuard, RiskSizer, Signal } from '../../src/graph/index.js';
import {
  parseInstrument,
  type Bar,
  type InstrumentId,
  type OrderIntent,
  type RiskEvent,
  type SignalEvent,
  type TargetPosition,
} from '../../src/model/index.js';

export interface TestParams {
  readonly quantity: number;
  readonly threshold: number;
}

export const PARAMS: TestParams = { quantity: 10, threshold: 0 };

export const INFY = parseInstrument({
  id: 'NSE:INFY',
  exchange: 'NSE',
  symbol: 'INFY',
  type: 'EQ',
  lotSize: 1,
  tickSize: 0.05,
});
export const TCS = parseInstrument({
  id: 'NSE:TCS',
  exchange: 'NSE',
  symbol: 'TCS',
  type: 'EQ',
  lotSize: 1,
  tickSize: 0.05,
});

/** A flat 1-minute bar (open = high = low = close). */
export function bar(time: number, close: number, instrument: InstrumentId = 'NSE:INFY'): Bar {
  return {
    kind: 'bar',
    instrument,
    timeframe: '1m',
    time,
    open: close,
    high: close,
    low: close,
    close,
    volume: 100,
  };
}

/**
 * Long when the close rose by more than `threshold` since the instrument's previous bar, short
 * when it fell by more. State lives in the subscription, so every graph has its own.
 */
export const momentumSignal: Signal<TestParams> = (ctx) => (source) =>
  defer(() => {
    const previous = new Map<InstrumentId, number>();
    return source.pipe(
      mergeMap((event): Observable<SignalEvent> => {
        if (event.kind !== 'bar') return EMPTY;
        const before = previous.get(event.instrument);
        previous.set(event.instrument, event.close);
        if (before === undefined || Math.abs(event.close - before) <= ctx.params.threshold)
          return EMPTY;
        return of({
          kind: 'signal',
          instrument: event.instrument,
          time: event.time,
          direction: event.close > before ? 'long' : 'short',
          confidence: 1,
          price: event.close,
          reason: `close ${before} -> ${event.close}`,
        });
      }),
    );
  });

/** ±params.quantity units for long / short, 0 for flat. */
export const fixedSizer: RiskSizer<TestParams> = (ctx) =>
  map((signal): TargetPosition => ({
    kind: 'target',
    instrument: signal.instrument,
    time: signal.time,
    quantity:
      signal.direction === 'long'
        ? ctx.params.quantity
        : signal.direction === 'short'
          ? -ctx.params.quantity
          : 0,
    product: 'MIS',
    price: signal.price,
    confidence: signal.confidence,
    reason: signal.reason,
    signal,
  }));

export function intent(
  instrument: InstrumentId,
  time: number,
  signedQuantity: number,
  reason: string,
  reduceOnly = false,
): OrderIntent {
  return {
    kind: 'intent',
    id: `${instrument}@${time}:${reason}`,
    instrument,
    time,
    side: signedQuantity > 0 ? 'BUY' : 'SELL',
    quantity: Math.abs(signedQuantity),
    orderType: 'MARKET',
    product: 'MIS',
    validity: 'DAY',
    reduceOnly,
    reason,
  };
}

/** Market order for the difference between target and portfolio position. */
export const toMarketOrders: ExecutionModel<TestParams> = (ctx) =>
  mergeMap((target) => {
    const difference = target.quantity - ctx.portfolio.positionQuantity(target.instrument);
    return difference === 0
      ? EMPTY
      : of(intent(target.instrument, target.time, difference, 'target'));
  });

/**
 * toMarketOrders, plus a square-off intent for every event on ctx.market$ at or after
 * `exitAt` (a time exit listens to the market, not to its input).
 */
export function withTimeExit(exitAt: number): ExecutionModel<TestParams> {
  return (ctx) => (targets) =>
    merge(
      ctx.market$.pipe(
        filter((event) => event.time >= exitAt),
        map((event) => intent(event.instrument, event.time, -1, 'time exit', true)),
      ),
      toMarketOrders(ctx)(targets),
    );
}

export function riskEvent(
  guard: string,
  action: RiskEvent['action'],
  blocked: OrderIntent,
  reason: string,
): RiskEvent {
  return {
    kind: 'risk',
    time: blocked.time,
    guard,
    action,
    instrument: blocked.instrument,
    intent: blocked,
    reason,
  };
}

/** Blocks intents above `limit` units with a RiskEvent; passes the rest. */
export function maxQuantityGuard(limit: number, seen?: OrderIntent[]): RiskGuard<TestParams> {
  return () =>
    map((candidate) => {
      seen?.push(candidate);
      return candidate.quantity > limit
        ? riskEvent('maxQuantity', 'blocked', candidate, `${candidate.quantity} > ${limit}`)
        : candidate;
    });
}

/** Shrinks intents above `limit` to `limit`: reports the shrink first, then lets the smaller intent on. */
export function shrinkGuard(limit: number): RiskGuard<TestParams> {
  return () =>
    mergeMap((candidate): Observable<OrderIntent | RiskEvent> => {
      if (candidate.quantity <= limit) return of(candidate);
      const replacement: OrderIntent = { ...candidate, quantity: limit };
      return of(
        { ...riskEvent('shrink', 'shrunk', candidate, `shrunk to ${limit}`), replacement },
        replacement,
      );
    });
}
