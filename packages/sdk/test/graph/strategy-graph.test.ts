import { Subject, finalize, lastValueFrom, of, last, map, tap, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PravahError } from '../../src/errors/index.js';
import {
  GraphClosedError,
  StageError,
  createStrategyGraph,
  defineStrategy,
  strategyGraph,
  staticContext,
  type GraphContext,
  type GraphSink,
  type Logger,
  type RiskGuard,
  type Signal,
  type StrategyGraph,
} from '../../src/graph/index.js';
import type {
  MarketEvent,
  OrderIntent,
  RiskEvent,
  SignalEvent,
  TargetPosition,
} from '../../src/model/index.js';
import {
  INFY,
  PARAMS,
  TCS,
  bar,
  fixedSizer,
  intent,
  maxQuantityGuard,
  momentumSignal,
  toMarketOrders,
  type TestParams,
} from './stages.js';

const params = z.object({
  quantity: z.number().int().positive().default(10),
  threshold: z.number().nonnegative().default(0),
});

const momentum = defineStrategy({
  name: 'momentum',
  params,
  universe: ['NSE:INFY', 'NSE:TCS'],
  timeframes: ['1m'],
  signal: momentumSignal,
  sizer: fixedSizer,
  execution: toMarketOrders,
});

const context = (): GraphContext<TestParams> =>
  staticContext({ params: PARAMS, instruments: [INFY, TCS] });

/** A sink that records everything it receives, in order. */
function recorder(options: { taps?: boolean } = {}) {
  const log: (SignalEvent | TargetPosition | OrderIntent | RiskEvent)[] = [];
  const sink: GraphSink = {
    intent: (i) => log.push(i),
    risk: (r) => log.push(r),
    ...(options.taps === true
      ? { signal: (s: SignalEvent) => log.push(s), target: (t: TargetPosition) => log.push(t) }
      : {}),
  };
  return { log, sink };
}

describe('createStrategyGraph', () => {
  it('delivers every output of an event to the sink before push returns', () => {
    const { log, sink } = recorder();
    const graph = createStrategyGraph(momentum, context(), sink);
    graph.push(bar(0, 100));
    expect(log).toEqual([]);
    graph.push(bar(60_000, 101));
    expect(log).toEqual([intent('NSE:INFY', 60_000, 10, 'target')]);
    graph.push(bar(120_000, 99));
    expect(log.map((o) => o.kind === 'intent' && `${o.side} ${o.quantity}`)).toEqual([
      'BUY 10',
      'SELL 10',
    ]);
  });

  it('taps signals and targets between stages, in causal order, when the sink asks', () => {
    const { log, sink } = recorder({ taps: true });
    const graph = createStrategyGraph(momentum, context(), sink);
    graph.push(bar(0, 100));
    graph.push(bar(60_000, 101));
    expect(log.map((o) => o.kind)).toEqual(['signal', 'target', 'intent']);
    expect(log[0]).toMatchObject({ kind: 'signal', direction: 'long', price: 101 });
    expect(log[1]).toMatchObject({ kind: 'target', quantity: 10, signal: log[0] });
  });

  it('keeps per-instrument state inside the stages, not across instruments', () => {
    const { log, sink } = recorder();
    const graph = createStrategyGraph(momentum, context(), sink);
    for (const event of [
      bar(0, 100),
      bar(0, 3000, 'NSE:TCS'),
      bar(60_000, 101),
      bar(60_000, 2990, 'NSE:TCS'),
    ]) {
      graph.push(event);
    }
    expect(log.map((o) => o.kind === 'intent' && `${o.instrument} ${o.side}`)).toEqual([
      'NSE:INFY BUY',
      'NSE:TCS SELL',
    ]);
  });

  it('shows each event on ctx.market$ before the signal stage receives it', () => {
    const order: string[] = [];
    const recording: Signal<TestParams> = (ctx) => (source) => {
      ctx.market$.subscribe((event) => order.push(`market ${event.time}`));
      return source.pipe(
        tap((event) => order.push(`input ${event.time}`)),
        (s) => momentumSignal(ctx)(s),
      );
    };
    const graph = createStrategyGraph(
      { ...momentum, signal: recording },
      context(),
      recorder().sink,
    );
    graph.push(bar(0, 100));
    graph.push(bar(60_000, 101));
    expect(order).toEqual(['market 0', 'input 0', 'market 60000', 'input 60000']);
  });

  it('hands stages the runtime context plus the graph-owned market$, frozen', () => {
    let seen: unknown;
    const spy: Signal<TestParams> = (ctx) => {
      seen = ctx;
      return momentumSignal(ctx);
    };
    const base = context();
    const graph = createStrategyGraph({ ...momentum, signal: spy }, base, recorder().sink);
    expect(seen).toBe(graph.context);
    expect(graph.context.params).toBe(base.params);
    expect(graph.context.portfolio).toBe(base.portfolio);
    expect(graph.context.clock).toBe(base.clock);
    expect(Object.isFrozen(graph.context)).toBe(true);
    const events: MarketEvent[] = [];
    graph.context.market$.subscribe((e) => events.push(e));
    graph.push(bar(0, 1));
    expect(events).toEqual([bar(0, 1)]);
  });

  it('reads a class-based runtime context through its getters', () => {
    class RuntimeContext implements GraphContext<TestParams> {
      private readonly inner = context();
      get clock() {
        return this.inner.clock;
      }
      get portfolio() {
        return this.inner.portfolio;
      }
      get instruments() {
        return this.inner.instruments;
      }
      get params() {
        return { quantity: 7, threshold: 0 };
      }
      get logger() {
        return this.inner.logger;
      }
    }
    const { log, sink } = recorder();
    const graph = createStrategyGraph(momentum, new RuntimeContext(), sink);
    graph.push(bar(0, 100));
    graph.push(bar(60_000, 101));
    expect(log).toEqual([intent('NSE:INFY', 60_000, 7, 'target')]);
  });

  it('sends RiskEvents to sink.risk, and to the logger as warnings when the sink has no risk', () => {
    const guarded = { ...momentum, guards: [maxQuantityGuard(5)] };
    const { log, sink } = recorder();
    const graph = createStrategyGraph(guarded, context(), sink);
    graph.push(bar(0, 100));
    graph.push(bar(60_000, 101));
    expect(log).toEqual([
      {
        kind: 'risk',
        time: 60_000,
        guard: 'maxQuantity',
        action: 'blocked',
        instrument: 'NSE:INFY',
        intent: intent('NSE:INFY', 60_000, 10, 'target'),
        reason: '10 > 5',
      },
    ]);

    const warnings: [string, Record<string, unknown> | undefined][] = [];
    const logger: Logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (message, fields) => warnings.push([message, fields]),
      error: () => undefined,
    };
    const intents: OrderIntent[] = [];
    const quiet = createStrategyGraph(
      guarded,
      { ...context(), logger },
      { intent: (i) => intents.push(i) },
    );
    quiet.push(bar(0, 100));
    quiet.push(bar(60_000, 101));
    expect(intents).toEqual([]);
    expect(warnings).toEqual([['risk: maxQuantity blocked', { event: log[0] }]]);
  });

  it('flushes stages on complete(): market$ completes first, then the input', () => {
    const order: string[] = [];
    const lastBar: Signal<TestParams> = (ctx) => (source) => {
      ctx.market$.subscribe({ complete: () => order.push('market$ complete') });
      return source.pipe(
        finalize(() => order.push('input complete')),
        last(),
        map((event): SignalEvent => ({
          kind: 'signal',
          instrument: event.instrument,
          time: event.time,
          direction: 'short',
          confidence: 1,
          price: 1,
          reason: 'last bar',
        })),
      );
    };
    const { log, sink } = recorder();
    const graph = createStrategyGraph({ ...momentum, signal: lastBar }, context(), sink);
    graph.push(bar(0, 100));
    graph.push(bar(60_000, 101));
    expect(log).toEqual([]);
    graph.complete();
    expect(order).toEqual(['market$ complete', 'input complete']);
    expect(log).toEqual([intent('NSE:INFY', 60_000, -10, 'target')]);
    graph.complete(); // idempotent
    const error = captureError(() => graph.push(bar(120_000, 1)));
    expect(error).toBeInstanceOf(GraphClosedError);
    expect(error).toMatchObject({ code: 'GRAPH_CLOSED', state: 'completed', strategy: 'momentum' });
  });

  it('dispose() tears the stages down and closes the graph', () => {
    let tornDown = false;
    const watched: Signal<TestParams> = (ctx) => (source) =>
      momentumSignal(ctx)(source).pipe(finalize(() => (tornDown = true)));
    const graph = createStrategyGraph({ ...momentum, signal: watched }, context(), recorder().sink);
    graph.dispose();
    expect(tornDown).toBe(true);
    expect(captureError(() => graph.push(bar(0, 1)))).toMatchObject({ state: 'disposed' });
    graph.dispose();
    graph.complete(); // no-op once disposed
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('strategyGraph operator', () => {
  it('tears the graph down when the subscriber unsubscribes', () => {
    let tornDown = false;
    const watched: Signal<TestParams> = (ctx) => (source) =>
      momentumSignal(ctx)(source).pipe(finalize(() => (tornDown = true)));
    const source = new Subject<MarketEvent>();
    const outputs: unknown[] = [];
    const subscription = source
      .pipe(strategyGraph({ ...momentum, signal: watched }, context()))
      .subscribe((o) => outputs.push(o));
    source.next(bar(0, 100));
    source.next(bar(60_000, 101));
    expect(outputs.map((o) => (o as { kind: string }).kind)).toEqual([
      'signal',
      'target',
      'intent',
    ]);
    expect(source.observed).toBe(true);
    subscription.unsubscribe();
    expect(tornDown).toBe(true);
    expect(source.observed).toBe(false);
  });

  it('errors the output when the graph cannot be built', async () => {
    const broken = { ...momentum, sizer: () => () => throwError(() => new Error('no sizer')) };
    await expect(
      lastValueFrom(of(bar(0, 1)).pipe(strategyGraph(broken, context()))),
    ).rejects.toMatchObject({
      stage: 'sizer',
    });
  });
});

describe('createStrategyGraph failures', () => {
  const boom = new Error('boom');
  const throwing = <T>(when: (value: T) => boolean) =>
    map((value: T) => {
      if (when(value)) throw boom;
      return value;
    });

  it('push throws a StageError naming the signal stage, then refuses further events', () => {
    const failing: Signal<TestParams> = (ctx) => (source) =>
      source.pipe(
        throwing((e: MarketEvent) => e.time === 60_000),
        (s) => momentumSignal(ctx)(s),
      );
    const graph = createStrategyGraph({ ...momentum, signal: failing }, context(), recorder().sink);
    graph.push(bar(0, 100));
    const error = captureError(() => graph.push(bar(60_000, 101)));
    expect(error).toBeInstanceOf(StageError);
    expect(error).toMatchObject({
      code: 'STAGE_FAILED',
      stage: 'signal',
      strategy: 'momentum',
      cause: boom,
    });
    expect((error as Error).message).toBe(
      'Stage signal of strategy "momentum" failed: Error: boom. The graph has stopped; fix the stage (see cause) and start a new run.',
    );
    const next = captureError(() => graph.push(bar(120_000, 102)));
    expect(next).toBeInstanceOf(GraphClosedError);
    expect(next).toMatchObject({ state: 'failed', cause: error });
    graph.complete(); // a failed graph has nothing left to complete
  });

  it('names the sizer, the execution model and the failing guard by index', () => {
    const run = (overrides: Partial<typeof momentum>): unknown => {
      const graph = createStrategyGraph({ ...momentum, ...overrides }, context(), recorder().sink);
      graph.push(bar(0, 100));
      return captureError(() => graph.push(bar(60_000, 101)));
    };
    expect(
      run({ sizer: (ctx) => (s) => fixedSizer(ctx)(s).pipe(throwing(() => true)) }),
    ).toMatchObject({
      stage: 'sizer',
      cause: boom,
    });
    expect(
      run({ execution: (ctx) => (s) => toMarketOrders(ctx)(s).pipe(throwing(() => true)) }),
    ).toMatchObject({
      stage: 'execution',
    });
    const failingGuard: RiskGuard<TestParams> = () => throwing(() => true);
    expect(run({ guards: [maxQuantityGuard(100), failingGuard] })).toMatchObject({
      stage: 'guards[1]',
      cause: boom,
    });
  });

  it('names the sink when the sink throws, whether on an intent or a tapped signal', () => {
    const intentSink = createStrategyGraph(momentum, context(), {
      intent: () => {
        throw boom;
      },
    });
    intentSink.push(bar(0, 100));
    expect(captureError(() => intentSink.push(bar(60_000, 101)))).toMatchObject({
      stage: 'sink',
      cause: boom,
    });

    let targets = 0;
    const signalSink = createStrategyGraph(momentum, context(), {
      intent: () => undefined,
      signal: () => {
        throw boom;
      },
      target: () => targets++,
    });
    signalSink.push(bar(0, 100));
    expect(captureError(() => signalSink.push(bar(60_000, 101)))).toMatchObject({
      stage: 'sink',
      cause: boom,
    });
    expect(targets).toBe(0); // the failing signal went no further
  });

  it('throws from createStrategyGraph when a stage factory throws or its stream fails on subscription', () => {
    const factoryThrows = captureError(() =>
      createStrategyGraph(
        {
          ...momentum,
          execution: () => {
            throw boom;
          },
        },
        context(),
        recorder().sink,
      ),
    );
    expect(factoryThrows).toMatchObject({ stage: 'execution', cause: boom });
    const failsAtOnce = captureError(() =>
      createStrategyGraph(
        { ...momentum, sizer: () => () => throwError(() => boom) },
        context(),
        recorder().sink,
      ),
    );
    expect(failsAtOnce).toMatchObject({ stage: 'sizer', cause: boom });
  });

  it('complete() throws the StageError of a stage that fails while flushing', () => {
    const flushing: Signal<TestParams> = () => (source) =>
      source.pipe(
        last(),
        map((): SignalEvent => {
          throw boom;
        }),
      );
    const graph = createStrategyGraph(
      { ...momentum, signal: flushing },
      context(),
      recorder().sink,
    );
    graph.push(bar(0, 1));
    expect(captureError(() => graph.complete())).toMatchObject({ stage: 'signal', cause: boom });
  });

  it('refuses a push made from inside the sink while an event is being handled', () => {
    const graph: StrategyGraph<TestParams> = createStrategyGraph(momentum, context(), {
      intent: () => graph.push(bar(1, 1)),
    });
    graph.push(bar(0, 100));
    const error = captureError(() => graph.push(bar(60_000, 101)));
    expect(error).toMatchObject({ stage: 'sink' });
    const cause = (error as StageError).cause;
    expect(cause).toBeInstanceOf(PravahError);
    expect(cause).toMatchObject({ code: 'GRAPH_REENTRANT' });
  });

  it('refuses a complete() made from inside the sink while it flushes', () => {
    const flushOnComplete: Signal<TestParams> = () => (source) =>
      source.pipe(
        last(),
        map((event): SignalEvent => ({
          kind: 'signal',
          instrument: event.instrument,
          time: event.time,
          direction: 'long',
          confidence: 1,
          price: 1,
          reason: 'flush',
        })),
      );
    const graph: StrategyGraph<TestParams> = createStrategyGraph(
      { ...momentum, signal: flushOnComplete },
      context(),
      {
        intent: () => graph.complete(),
      },
    );
    graph.push(bar(0, 1));
    const error = captureError(() => graph.complete());
    expect(error).toMatchObject({ stage: 'sink', cause: { code: 'GRAPH_REENTRANT' } });
  });
});
