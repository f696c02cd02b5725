import { filter, map, mergeMap, type OperatorFunction } from 'rxjs';
import { z } from 'zod';
import {
  defineStrategy,
  type ExecutionModel,
  type MarketEvent,
  type OrderIntent,
  type Product,
  type RiskSizer,
  type SignalEvent,
  type StrategyContext,
  type TargetPosition,
} from '@pravah/sdk';

/** Sizer used by the engine tests: a fixed signed quantity per direction. */
export function fixedUnits(quantity: number, product: Product = 'CNC'): RiskSizer {
  return () =>
    map((s: SignalEvent): TargetPosition => ({
      kind: 'target',
      instrument: s.instrument,
      time: s.time,
      quantity: s.direction === 'long' ? quantity : s.direction === 'short' ? -quantity : 0,
      product,
      price: s.price,
      confidence: s.confidence,
      reason: s.reason,
    }));
}

/** Market orders for the difference between target and position plus open orders. */
export function marketDifference(): ExecutionModel {
  return (ctx: StrategyContext) => {
    let n = 0;
    return mergeMap((t: TargetPosition): OrderIntent[] => {
      const pending = ctx.portfolio
        .openOrders(t.instrument)
        .reduce(
          (sum, o) =>
            sum + (o.intent.side === 'BUY' ? 1 : -1) * (o.intent.quantity - o.filledQuantity),
          0,
        );
      const delta = t.quantity - ctx.portfolio.positionQuantity(t.instrument) - pending;
      if (delta === 0) return [];
      return [
        {
          kind: 'intent',
          id: `mkt-${++n}`,
          instrument: t.instrument,
          time: ctx.clock.now(),
          side: delta > 0 ? 'BUY' : 'SELL',
          quantity: Math.abs(delta),
          orderType: 'MARKET',
          product: t.product,
          validity: 'DAY',
          reduceOnly: t.quantity === 0,
          reason: t.reason,
        },
      ];
    });
  };
}

const signalOf = (
  e: MarketEvent,
  direction: SignalEvent['direction'],
  reason: string,
  time: number,
): SignalEvent => ({
  kind: 'signal',
  instrument: e.instrument,
  time,
  direction,
  confidence: 1,
  price: e.kind === 'bar' ? e.close : e.price,
  reason,
});

/** Long/flat SMA crossover written plainly, per instrument, with strict crosses. */
export function smaCrossSignal(
  fast: number,
  slow: number,
): (ctx: StrategyContext) => OperatorFunction<MarketEvent, SignalEvent> {
  return (ctx) => {
    const state = new Map<string, { closes: number[]; prev: number }>();
    return (source) =>
      source.pipe(
        map((e) => {
          let s = state.get(e.instrument);
          if (!s) state.set(e.instrument, (s = { closes: [], prev: 0 }));
          s.closes.push(e.kind === 'bar' ? e.close : e.price);
          if (s.closes.length < slow) return undefined;
          const avg = (k: number) => s.closes.slice(-k).reduce((a, b) => a + b, 0) / k;
          const diff = avg(fast) - avg(slow);
          const side = diff > 0 ? 1 : diff < 0 ? -1 : s.prev;
          const crossed = s.prev !== 0 && side !== s.prev;
          s.prev = side;
          if (!crossed) return undefined;
          return signalOf(
            e,
            side > 0 ? 'long' : 'flat',
            side > 0 ? 'fast above slow' : 'fast below slow',
            ctx.clock.now(),
          );
        }),
        filter((x): x is SignalEvent => x !== undefined),
      );
  };
}

/** A strategy for engine tests: plain SMA cross, fixed units, market orders. */
export function testStrategy(
  options: { fast?: number; slow?: number; quantity?: number; product?: Product } = {},
) {
  return defineStrategy({
    name: 'engine-test',
    params: z.object({}),
    universe: [],
    timeframes: ['1m'],
    signal: smaCrossSignal(options.fast ?? 3, options.slow ?? 6),
    sizer: fixedUnits(options.quantity ?? 10, options.product ?? 'CNC'),
    execution: marketDifference(),
  });
}
