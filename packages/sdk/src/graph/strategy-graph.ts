import { Subscription, type Observable } from 'rxjs';
import { PravahError } from '../errors/pravah-error.js';
import type { MarketEvent } from '../model/market-event.js';
import type { OrderIntent } from '../model/order-intent.js';
import type { RiskEvent } from '../model/risk-event.js';
import type { SignalEvent } from '../model/signal-event.js';
import type { TargetPosition } from '../model/target-position.js';
import { Broadcast } from './broadcast.js';
import { composeGuards, type GuardOperator } from './compose-guards.js';
import { GraphClosedError, StageError } from './stage-error.js';
import { stageBoundary } from './stage-boundary.js';
import type { ExecutionModel, RiskGuard, RiskSizer, Signal, Stage } from './stages.js';
import type { StrategyContext } from './strategy-context.js';

/** What a runtime supplies to a graph: a StrategyContext without `market$`, which the graph owns. */
export type GraphContext<P = unknown> = Omit<StrategyContext<P>, 'market$'>;

/** The stages a graph wires; a `Strategy` from `defineStrategy` is one. */
export interface GraphStages<P = unknown> {
  /** Names the strategy in errors. */
  readonly name?: string;
  readonly signal: Signal<P>;
  readonly sizer: RiskSizer<P>;
  readonly execution: ExecutionModel<P>;
  readonly guards?: readonly RiskGuard<P>[];
}

/**
 * Receives a graph's output. Only `intent` is required; signals and targets are tapped between
 * stages only when `signal` / `target` are given, so the hot path stays lean. RiskEvents go to
 * `risk`, or to the context's logger as warnings when there is no `risk`: never nowhere.
 */
export interface GraphSink {
  intent(intent: OrderIntent): void;
  risk?(event: RiskEvent): void;
  signal?(signal: SignalEvent): void;
  target?(target: TargetPosition): void;
}

/** A running strategy graph. */
export interface StrategyGraph<P = unknown> {
  /**
   * Feeds one market event: first to `context.market$`, then to the signal stage. Synchronous:
   * when it returns, every output the event caused has reached the sink. Throws a StageError
   * naming the stage when a stage (or the sink) fails; a GraphClosedError after that, or after
   * `complete()` or `dispose()`.
   */
  push(event: MarketEvent): void;
  /**
   * Ends the run: completes `market$`, then the input, so that stages can flush. Throws a
   * StageError if a stage fails while flushing. Calling it again, or after a failure, does
   * nothing.
   */
  complete(): void;
  /** Tears the graph down without completing it (a live runtime stopping). Idempotent. */
  dispose(): void;
  /** The context the stages received: the runtime's context plus the graph's `market$`. */
  readonly context: StrategyContext<P>;
}

type GraphState = 'open' | 'completed' | 'failed' | 'disposed';

/**
 * Wires a strategy's stages into one synchronous graph: input -> signal -> sizer -> execution
 * -> guards (in order; a guard's RiskEvent bypasses the guards after it) -> sink. This is the
 * one wiring both the backtester and the live runtime use; `ctx.params` must already be
 * validated (`strategy.parseParams`).
 *
 * The graph owns two hot sources (Subject-like, cheaper): `market`, exposed to stages as
 * `ctx.market$`, and the signal stage's input. `push` emits on `market` before the input, so stages that act on time or price
 * (trailing stops, time exits, order TTL) see each event before the signal stage does.
 *
 * Failures surface synchronously: stage factories that throw make this function throw a
 * StageError; a stage that throws (or errors) while handling an event makes `push` throw a
 * StageError naming the stage, with the original error as `cause`. Stages must report errors
 * through RxJS (throwing inside an operator such as `map` does); an error thrown inside a raw
 * `subscribe` callback is beyond any graph's reach.
 *
 * @example
 * ```ts
 * const params = strategy.parseParams(cliParams);
 * const graph = createStrategyGraph(strategy, { clock, portfolio, instruments, params, logger }, {
 *   intent: (intent) => exchange.submit(intent),
 *   risk: (event) => journal.write(event),
 * });
 * for (const bar of bars) { clock.set(knownAt(bar)); graph.push(bar); }
 * graph.complete();
 * ```
 */
export function createStrategyGraph<P>(
  strategy: GraphStages<P>,
  ctx: GraphContext<P>,
  sink: GraphSink,
): StrategyGraph<P> {
  const name = strategy.name ?? 'unnamed';
  const market = new Broadcast<MarketEvent>();
  const input = new Broadcast<MarketEvent>();
  // Read field by field: a runtime's context may expose them as getters on a class.
  const context: StrategyContext<P> = Object.freeze({
    clock: ctx.clock,
    portfolio: ctx.portfolio,
    instruments: ctx.instruments,
    params: ctx.params,
    logger: ctx.logger,
    market$: market.observable,
  });

  const attach = <In, Out>(
    stage: string,
    factory: Stage<P, In, Out>,
    source: Observable<In>,
    tap?: (value: Out) => void,
  ): Observable<Out> => {
    try {
      return factory(context)(source).pipe(stageBoundary(stage, name, tap));
    } catch (error) {
      throw new StageError(stage, name, error);
    }
  };
  const onSignal = sink.signal?.bind(sink);
  const onTarget = sink.target?.bind(sink);
  const signals = attach('signal', strategy.signal, input.observable, onSignal);
  const targets = attach('sizer', strategy.sizer, signals, onTarget);
  const intents = attach('execution', strategy.execution, targets);
  const guards: GuardOperator[] = (strategy.guards ?? []).map(
    (guard, i) => (source) => attach(`guards[${i}]`, guard, source),
  );
  const output = guards.length === 0 ? intents : intents.pipe(composeGuards(guards));

  let state: GraphState = 'open';
  let failure: StageError | undefined;
  let pushing = false;
  // Created first so that a failure during subscription can already close it.
  const subscription = new Subscription();
  const fail = (error: unknown): void => {
    if (failure !== undefined) return;
    failure = error instanceof StageError ? error : new StageError('graph', name, error);
    state = 'failed';
    subscription.unsubscribe();
  };
  const onRisk =
    sink.risk?.bind(sink) ??
    ((event: RiskEvent) => context.logger.warn(`risk: ${event.guard} ${event.action}`, { event }));

  subscription.add(
    output.subscribe({
      next: (value) => {
        if (failure !== undefined) return;
        try {
          if (value.kind === 'intent') sink.intent(value);
          else onRisk(value);
        } catch (error) {
          fail(new StageError('sink', name, error));
        }
      },
      error: fail,
    }),
  );
  // A stage that errors as soon as it is subscribed makes the graph unusable: say so now.
  if (failure !== undefined) throw failure;

  return {
    context,
    push(event) {
      if (state !== 'open') throw new GraphClosedError(name, state, failure);
      if (pushing) throw reentrantPush(name);
      pushing = true;
      try {
        market.next(event);
        input.next(event);
      } finally {
        pushing = false;
      }
      if (failure !== undefined) throw failure;
    },
    complete() {
      if (state !== 'open') return;
      if (pushing) throw reentrantPush(name);
      pushing = true;
      try {
        market.complete();
        input.complete();
      } finally {
        pushing = false;
      }
      if (failure !== undefined) throw failure;
      state = 'completed';
      subscription.unsubscribe();
    },
    dispose() {
      if (state === 'open') state = 'disposed';
      subscription.unsubscribe();
    },
  };
}

function reentrantPush(strategy: string): PravahError {
  return new PravahError(
    'GRAPH_REENTRANT',
    `push() or complete() was called on the graph of strategy "${strategy}" while it was ` +
      'handling an event: queue the call and make it after the current one returns.',
  );
}
