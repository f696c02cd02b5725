import {
  from,
  lastValueFrom,
  Subject,
  toArray,
  type Observable,
  type OperatorFunction,
} from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { expect } from 'vitest';
import {
  istDateTime,
  parseInstrument,
  staticContext,
  type Bar,
  type Direction,
  type Instrument,
  type InstrumentId,
  type Logger,
  type MarketEvent,
  type Order,
  type OrderIntent,
  type PositionView,
  type Product,
  type SignalEvent,
  type StaticPortfolio,
  type StrategyContext,
} from '../../src/index.js';

/** Cash equity, lot 1, tick 0.05. */
export const reliance: Instrument = parseInstrument({
  id: 'NSE:RELIANCE',
  exchange: 'NSE',
  symbol: 'RELIANCE',
  type: 'EQ',
  lotSize: 1,
  tickSize: 0.05,
});

/** Index future: lot 75, tick 0.1, freeze 1800 (24 lots). */
export const niftyFut: Instrument = parseInstrument({
  id: 'NFO:NIFTY26JANFUT',
  exchange: 'NFO',
  symbol: 'NIFTY26JANFUT',
  type: 'FUT',
  lotSize: 75,
  tickSize: 0.1,
  freezeQuantity: 1800,
  expiry: '2026-01-27',
});

/** Index future whose freeze quantity is not a whole number of lots: lot 35, freeze 900 (25 lots = 875). */
export const bankniftyFut: Instrument = parseInstrument({
  id: 'NFO:BANKNIFTY26JANFUT',
  exchange: 'NFO',
  symbol: 'BANKNIFTY26JANFUT',
  type: 'FUT',
  lotSize: 35,
  tickSize: 0.2,
  freezeQuantity: 900,
  expiry: '2026-01-27',
});

/** MCX commodity future, lot 100, tick 1. */
export const crudeFut: Instrument = parseInstrument({
  id: 'MCX:CRUDEOIL26JANFUT',
  exchange: 'MCX',
  symbol: 'CRUDEOIL26JANFUT',
  type: 'FUT',
  lotSize: 100,
  tickSize: 1,
  expiry: '2026-01-19',
});

export const instruments: readonly Instrument[] = [reliance, niftyFut, bankniftyFut, crudeFut];

/** 2026-01-05 (a Monday) 09:15 IST. */
export const T0 = istDateTime('2026-01-05', '09:15');
export const MINUTE = 60_000;

export interface SignalShape {
  readonly time?: number;
  readonly confidence?: number;
  readonly stop?: number;
  readonly target?: number;
  readonly reason?: string;
}

/** A signal event. */
export function signal(
  instrument: InstrumentId,
  direction: Direction,
  price: number,
  shape: SignalShape = {},
): SignalEvent {
  return {
    kind: 'signal',
    instrument,
    time: shape.time ?? T0,
    direction,
    confidence: shape.confidence ?? 0.8,
    price,
    ...(shape.stop !== undefined ? { stop: shape.stop } : {}),
    ...(shape.target !== undefined ? { target: shape.target } : {}),
    reason: shape.reason ?? 'test',
  };
}

/** A one-minute bar at `time`; open/high/low default around the close. */
export function bar(
  instrument: InstrumentId,
  time: number,
  close: number,
  shape: { open?: number; high?: number; low?: number; timeframe?: Bar['timeframe'] } = {},
): Bar {
  const open = shape.open ?? close;
  return {
    kind: 'bar',
    instrument,
    timeframe: shape.timeframe ?? '1m',
    time,
    open,
    high: shape.high ?? Math.max(open, close),
    low: shape.low ?? Math.min(open, close),
    close,
    volume: 1000,
  };
}

/** A position view. */
export function holding(
  instrument: InstrumentId,
  quantity: number,
  price: number,
  product: Product = 'MIS',
): PositionView {
  return { instrument, product, quantity, averagePrice: price, lastPrice: price, unrealisedPnl: 0 };
}

/** An open order at the venue for `intent`, with `filledQuantity` already filled. */
export function working(intent: OrderIntent, filledQuantity = 0): Order {
  return {
    kind: 'order',
    id: intent.id,
    intent,
    status:
      filledQuantity > 0
        ? 'PARTIALLY_FILLED'
        : intent.orderType.startsWith('SL')
          ? 'TRIGGER_PENDING'
          : 'OPEN',
    filledQuantity,
    averagePrice: 0,
    history: [],
  };
}

/** A logger that records what it was told. */
export function recordingLogger(): Logger & {
  readonly lines: { level: string; message: string }[];
} {
  const lines: { level: string; message: string }[] = [];
  const log = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export interface ContextShape {
  readonly portfolio?: StaticPortfolio | (() => StaticPortfolio);
  readonly now?: number | (() => number);
  readonly market$?: Observable<MarketEvent>;
  readonly logger?: Logger;
}

/** A context over the test instruments. */
export function context(shape: ContextShape = {}): StrategyContext {
  return staticContext({
    params: {},
    instruments,
    now: shape.now ?? T0,
    portfolio: shape.portfolio ?? { cash: 1_000_000 },
    ...(shape.market$ !== undefined ? { market$: shape.market$ } : {}),
    ...(shape.logger !== undefined ? { logger: shape.logger } : {}),
  });
}

/** Runs an operator over plain values and collects its output. */
export function runOperator<In, Out>(
  operator: OperatorFunction<In, Out>,
  inputs: readonly In[],
): Promise<Out[]> {
  return lastValueFrom(from(inputs).pipe(operator, toArray()));
}

/** A TestScheduler asserting with vitest's deep equality. */
export function marbles(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** One step of a run: a market event (goes to `ctx.market$`) or an input to the stage. */
export type Step<In> = { readonly market: MarketEvent } | { readonly input: In };

/**
 * Runs a stage the way a runtime does: a Subject feeds `ctx.market$`, another the stage's input,
 * and the steps are pushed in order. Returns what the stage emitted; rethrows a stage error.
 */
export function drive<In, Out>(
  stage: (ctx: StrategyContext) => OperatorFunction<In, Out>,
  steps: readonly Step<In>[],
  shape: Omit<ContextShape, 'market$'> = {},
): Out[] {
  const market$ = new Subject<MarketEvent>();
  const input$ = new Subject<In>();
  const out: Out[] = [];
  let failure: Error | undefined;
  const subscription = input$.pipe(stage(context({ ...shape, market$ }))).subscribe({
    next: (v) => out.push(v),
    error: (e: unknown) => (failure = e instanceof Error ? e : new Error(String(e))),
  });
  for (const step of steps) {
    if ('market' in step) market$.next(step.market);
    else input$.next(step.input);
  }
  input$.complete();
  subscription.unsubscribe();
  if (failure !== undefined) throw failure;
  return out;
}
