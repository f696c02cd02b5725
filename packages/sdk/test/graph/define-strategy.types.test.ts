// Type tests: checked by `tsc -p packages/sdk/tsconfig.json` (an unused @ts-expect-error is an
// error there too); the runtime part only checks that the strategies were built.
import { EMPTY, map, mergeMap, type OperatorFunction } from 'rxjs';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  createStrategyGraph,
  defineStrategy,
  staticContext,
  type ExecutionModel,
  type RiskGuard,
  type RiskSizer,
  type Signal,
  type Strategy,
  type StrategyContext,
  type StrategyParams,
} from '../../src/graph/index.js';
import type {
  MarketEvent,
  OrderIntent,
  RiskEvent,
  SignalEvent,
  TargetPosition,
} from '../../src/model/index.js';

const params = z.object({
  fast: z.number().int().default(10),
  slow: z.number().int().default(30),
  note: z.string().optional(),
});
interface Expected {
  fast: number;
  slow: number;
  note?: string | undefined;
}

// Minimal real stages: these tests are about types, the stages' behaviour does not matter.
const none = <In, Out>(): OperatorFunction<In, Out> => mergeMap(() => EMPTY);
const toSignal = (fast: number, slow: number): OperatorFunction<MarketEvent, SignalEvent> =>
  fast < slow ? none() : none();
const toTarget = (quantity: number): OperatorFunction<SignalEvent, TargetPosition> =>
  quantity > 0 ? none() : none();
const toIntent: OperatorFunction<TargetPosition, OrderIntent> = none();

// Stock-style stages that work with any parameters (P = unknown).
const anySizer: RiskSizer = () => none();
const anyExecution: ExecutionModel = () => none();
const anyGuard: RiskGuard = () => map((intent: OrderIntent) => intent);
// Stages written for other parameters.
const thresholdSignal: Signal<{ threshold: number }> = (ctx) => toSignal(ctx.params.threshold, 0);
const stringFastSizer: RiskSizer<{ fast: string }> = (ctx) => toTarget(ctx.params.fast.length);

const strategy = defineStrategy({
  name: 'sma-crossover',
  params,
  universe: ['NSE:INFY'],
  timeframes: ['1m', '15m'],
  signal: (ctx) => {
    expectTypeOf(ctx).toEqualTypeOf<StrategyContext<Expected>>();
    expectTypeOf(ctx.params).toEqualTypeOf<Readonly<Expected>>();
    return toSignal(ctx.params.fast, ctx.params.slow);
  },
  sizer: (ctx) => {
    expectTypeOf(ctx.params.fast).toEqualTypeOf<number>();
    expectTypeOf(ctx.params.note).toEqualTypeOf<string | undefined>();
    return toTarget(ctx.params.slow);
  },
  execution: (ctx) => {
    expectTypeOf(ctx.params).toEqualTypeOf<Readonly<Expected>>();
    return toIntent;
  },
  guards: [
    (ctx) => {
      expectTypeOf(ctx.params.slow).toEqualTypeOf<number>();
      return map((intent: OrderIntent): OrderIntent | RiskEvent => intent);
    },
    anyGuard,
  ],
});

describe('defineStrategy types', () => {
  it('infers the parameter type from the zod schema', () => {
    expectTypeOf(strategy).toEqualTypeOf<Strategy<typeof params>>();
    expectTypeOf<StrategyParams<typeof strategy>>().toEqualTypeOf<Expected>();
    expectTypeOf<ReturnType<typeof strategy.parseParams>>().toEqualTypeOf<Expected>();
    expectTypeOf(strategy.signal).toEqualTypeOf<Signal<Expected>>();
    expectTypeOf(strategy.guards).toEqualTypeOf<readonly RiskGuard<Expected>[]>();
  });

  it('accepts stages written for any parameters', () => {
    const generic = defineStrategy({
      name: 'generic',
      params,
      universe: [],
      timeframes: ['1m'],
      signal: (ctx) => toSignal(ctx.params.fast, ctx.params.slow),
      sizer: anySizer,
      execution: anyExecution,
    });
    expectTypeOf(generic.sizer).toEqualTypeOf<RiskSizer<Expected>>();
  });

  it('rejects wrong compositions at compile time', () => {
    const base = { name: 'wrong', params, universe: [], timeframes: ['1m'] } as const;
    const wrong = () => [
      defineStrategy({
        ...base,
        // @ts-expect-error a sizer (signals in) is not a signal (market events in)
        signal: anySizer,
        sizer: anySizer,
        execution: anyExecution,
      }),
      defineStrategy({
        ...base,
        signal: (ctx) => toSignal(ctx.params.fast, 1),
        // @ts-expect-error an execution model (targets in, intents out) is not a sizer
        sizer: anyExecution,
        execution: anyExecution,
      }),
      defineStrategy({
        ...base,
        signal: (ctx) => {
          // @ts-expect-error `threshold` is not a parameter of this strategy
          const threshold: number = ctx.params.threshold;
          return toSignal(threshold, ctx.params.slow);
        },
        sizer: anySizer,
        execution: anyExecution,
      }),
      defineStrategy({
        ...base,
        // @ts-expect-error this signal needs a `threshold` parameter the schema lacks
        signal: thresholdSignal,
        sizer: anySizer,
        execution: anyExecution,
      }),
      defineStrategy({
        ...base,
        signal: (ctx) => toSignal(ctx.params.fast, ctx.params.slow),
        // @ts-expect-error this sizer expects `fast` to be a string
        sizer: stringFastSizer,
        execution: anyExecution,
      }),
      defineStrategy({
        ...base,
        signal: (ctx) => toSignal(ctx.params.fast, ctx.params.slow),
        sizer: anySizer,
        execution: anyExecution,
        // @ts-expect-error a sizer is not a guard
        guards: [anySizer],
      }),
      defineStrategy({
        ...base,
        signal: (ctx) => {
          // @ts-expect-error parameters are read-only for stages
          ctx.params.fast = 1;
          return toSignal(ctx.params.fast, ctx.params.slow);
        },
        sizer: anySizer,
        execution: anyExecution,
      }),
    ];
    expectTypeOf(wrong).toBeFunction();
  });

  it('requires the graph context to carry the strategy parameters', () => {
    const ctx = staticContext({ params: { other: 1 }, instruments: [] });
    const sink = { intent: () => undefined };
    const wiring = () =>
      // @ts-expect-error the context's params do not match the strategy's schema
      createStrategyGraph(strategy, ctx, sink);
    expectTypeOf(wiring).toBeFunction();
    const good = staticContext({ params: strategy.parseParams(), instruments: [] });
    expectTypeOf(createStrategyGraph(strategy, good, sink).context.params).toEqualTypeOf<
      Readonly<Expected>
    >();
  });
});
