import { performance } from 'node:perf_hooks';
import type { BrokerOrder, ConnectionState } from '@pravah/brokers';
import {
  createStrategyGraph,
  instrumentRegistry,
  knownAt,
  timeframeMs,
  type Bar,
  type InstrumentId,
  type InstrumentRegistry,
  type MarketEvent,
  type OrderIntent,
  type RiskEvent,
  type StrategyGraph,
  type Tick,
} from '@pravah/sdk';
import { pino, type Logger as PinoLogger } from 'pino';
import type { Subscription } from 'rxjs';
import { RuntimeGuards } from '../guards/runtime-guards.js';
import { RuntimeLimitsSchema, type RuntimeLimits } from '../guards/runtime-limits.js';
import { JournalFile } from '../journal/journal-file.js';
import { TickBarBuilder, type CompletedBar } from '../market/tick-bar-builder.js';
import { warmupBars } from '../market/warmup-bars.js';
import { LiveMetrics } from '../observability/live-metrics.js';
import { sdkLogger } from '../observability/live-logger.js';
import type { HealthStatus } from '../observability/health-server.js';
import type { ManagedOrder } from '../order-manager/managed-order.js';
import { brokerRateLimiters } from '../order-manager/broker-rate-limits.js';
import { OrderManager } from '../order-manager/order-manager.js';
import { endOfDayReport, type EndOfDayReport } from './end-of-day-report.js';
import { LivePortfolio } from './live-portfolio.js';
import { PositionBook } from './position-book.js';
import type { RuntimeOptions } from './runtime-options.js';
import { retryBrokerRead } from './retry-broker-read.js';
import { sessionState } from './session-window.js';
import { EmptyUniverseError, UnknownLiveInstrumentError } from './runtime-errors.js';

/** Where a runtime is in its life. */
export type RuntimePhase = 'created' | 'starting' | 'running' | 'stopping' | 'stopped';

/** A running strategy against a broker. */
export interface LiveRuntime {
  /** Loads instruments, warms up, reconciles, replays the journal, subscribes. */
  start(): Promise<void>;
  /** Stops new orders, cancels open ones, flushes the journal. Idempotent. */
  stop(reason?: string): Promise<void>;
  /** Halts: cancels open orders (and flattens when configured), then allows only exits. */
  halt(reason: string, flatten?: boolean): void;
  health(): HealthStatus;
  /** The end-of-day report as of now. */
  report(): EndOfDayReport;
  readonly phase: RuntimePhase;
  /** Why the runtime is halted, if it is. */
  readonly halted: string | undefined;
  readonly orders: OrderManager;
  readonly portfolio: LivePortfolio;
  readonly metrics: LiveMetrics;
  /** Resolves with the stop reason once the runtime has stopped. */
  readonly stopped: Promise<string>;
}

/**
 * Creates the live runtime: the strategy's graph, wired by the same `createStrategyGraph` as
 * the backtester, driven by the broker's live stream, with its intents placed through an
 * {@link OrderManager} that journals every step. Nothing happens until `start()`.
 *
 * Start-up, in order: load instruments; warm the graph on the broker's historical candles (their
 * intents are discarded); read the broker's order book; replay the journal and check it against
 * the book by client tag (placements held); read positions with no order in flight; release
 * placements; subscribe to ticks, order updates and the connection state.
 *
 * @example
 * ```ts
 * const runtime = createRuntime({ strategy: smaCrossover, params: { fast: 10, slow: 30 }, broker,
 *   mode: 'paper', journal: 'runs/sma.journal', calendar: nseCalendar, runId: 'sma-2026-11-20' });
 * await runtime.start();
 * process.once('SIGTERM', () => void runtime.stop('SIGTERM'));
 * ```
 */
export function createRuntime(options: RuntimeOptions): LiveRuntime {
  return new Runtime(options);
}

class Runtime implements LiveRuntime {
  phase: RuntimePhase = 'created';
  halted: string | undefined;
  readonly orders: OrderManager;
  readonly portfolio: LivePortfolio;
  readonly metrics: LiveMetrics;
  readonly stopped: Promise<string>;

  private readonly log: PinoLogger;
  private readonly limits: RuntimeLimits;
  private readonly guards: RuntimeGuards;
  private readonly book = new PositionBook();
  private readonly now: () => number;
  private readonly builder: TickBarBuilder;
  private readonly tfMs: number;
  private readonly subscriptions: Subscription[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly lastBar = new Map<string, number>();
  private readonly params: unknown;
  private readonly universe: readonly InstrumentId[];
  private journal: JournalFile | undefined;
  private journalSink = {
    append: (record: Parameters<JournalFile['append']>[0]): number => {
      if (this.journal === undefined) throw new Error('journal is not open');
      return this.journal.append(record);
    },
  };
  private registry: InstrumentRegistry = instrumentRegistry([]);
  private graph: StrategyGraph | undefined;
  private clock = Number.NEGATIVE_INFINITY;
  private warming = true;
  private bookFills = false;
  private inSession = false;
  private misCutoffPassed = false;
  private squaredOffDay: string | undefined;
  private reportedDay: string | undefined;
  private fetchingGap = false;
  private readonly queued: Tick[] = [];
  private pushStartedAt = 0;
  private lastTickAt: number | undefined;
  private connection: ConnectionState = 'connecting';
  private wasConnected = false;
  private reconciling = false;
  private refreshingCash = false;
  private resolveStopped: (reason: string) => void = () => undefined;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: RuntimeOptions) {
    this.params = options.strategy.parseParams(options.params);
    this.universe =
      options.strategy.universe.length > 0 ? options.strategy.universe : (options.universe ?? []);
    if (this.universe.length === 0) throw new EmptyUniverseError(options.strategy.name);
    this.limits = RuntimeLimitsSchema.parse(options.limits ?? {});
    this.guards = new RuntimeGuards(this.limits);
    this.now = options.now ?? Date.now;
    this.log = (options.logger ?? pino({ level: 'silent' })).child({
      runId: options.runId,
      mode: options.mode,
      strategy: options.strategy.name,
    });
    this.metrics = options.metrics ?? new LiveMetrics();
    this.builder = new TickBarBuilder(options.strategy.timeframes[0]);
    this.tfMs = timeframeMs(options.strategy.timeframes[0]);
    this.stopped = new Promise((resolve) => (this.resolveStopped = resolve));
    const limiters = brokerRateLimiters(options.broker.name);
    this.orders = new OrderManager({
      broker: options.broker,
      journal: this.journalSink,
      runId: options.runId,
      now: this.now,
      logger: sdkLogger(this.log),
      orderLimiter: options.orderLimiter ?? limiters.orders,
      queryLimiter: options.queryLimiter ?? limiters.queries,
      ...(options.lookupDelaysMs ? { lookupDelaysMs: options.lookupDelaysMs } : {}),
      onChange: (order, previous) => this.onOrderChange(order, previous),
      onAuthLost: (reason) => this.defer(() => this.halt(`broker session lost: ${reason}`)),
      onFault: (error) => this.log.error({ error: String(error) }, 'order manager fault'),
    });
    this.portfolio = new LivePortfolio(this.book, this.orders, 0);
  }

  async start(): Promise<void> {
    if (this.phase !== 'created') throw new Error(`start() called twice (phase ${this.phase})`);
    this.phase = 'starting';
    const { broker, strategy } = this.options;
    // Open first: a damaged journal must stop the start before anything is sent.
    const { journal, replay } = JournalFile.open(this.options.journal);
    this.journal = journal;
    if (replay.tornBytes > 0)
      this.log.warn({ tornBytes: replay.tornBytes }, 'journal: torn last line ignored');

    // 1. Instruments.
    const all = await retryBrokerRead(() => broker.instruments());
    const byId = new Map(all.map((i) => [i.id, i]));
    const universe = this.universe.map((id) => {
      const instrument = byId.get(id);
      if (instrument === undefined) throw new UnknownLiveInstrumentError(id, broker.name);
      return instrument;
    });
    this.registry = instrumentRegistry(universe);

    // 2. Warm-up through the graph (intents discarded), then the live stream continues it.
    const funds = await retryBrokerRead(() => broker.funds());
    this.portfolio.anchorEquity(funds.net);
    this.portfolio.updateCash(funds.available);
    this.graph = this.createGraph();
    const now = this.now();
    const warm = await retryBrokerRead(() =>
      warmupBars(
        broker,
        this.universe,
        strategy.timeframes[0],
        now - (this.options.warmupMs ?? 3 * 86_400_000),
        now,
      ),
    );
    for (const bar of warm) this.deliver(bar);
    this.warming = false;
    this.log.info({ bars: warm.length }, 'warm-up done');

    // 3-4. Reconcile with the broker and replay the journal, placements held.
    this.orders.hold();
    const orderBook = await retryBrokerRead(() => broker.orders());
    for (const record of replay.records) {
      this.orders.replay(record);
      if (record.kind === 'halt') this.halted = record.reason;
    }
    for (const order of this.orders.all()) this.metrics.orderMoved(undefined, order.state);
    if (this.halted !== undefined) this.metrics.halted.set(1);
    journal.append({
      kind: 'start',
      time: this.now(),
      runId: this.options.runId,
      mode: this.options.mode,
    });
    await this.orders.reconcile(orderBook);
    const positions = await retryBrokerRead(() => broker.positions());
    this.book.seed(positions.net);
    this.bookFills = true;
    this.log.info(
      {
        replayed: replay.records.length,
        orders: this.orders.all().length,
        live: this.orders.live().length,
      },
      'journal replayed and reconciled',
    );
    if (this.options.mode !== 'dry-run') this.orders.release();

    // 5. Subscribe.
    this.subscriptions.push(
      broker.orderUpdates$.subscribe({
        next: (snapshot: BrokerOrder) => this.orders.applyBrokerOrder(snapshot),
        error: (error: unknown) => this.log.error({ error: String(error) }, 'order updates failed'),
      }),
      broker.connectionState$.subscribe((state) => this.onConnection(state)),
      broker.subscribe(this.universe, 'quote').subscribe({
        next: (tick) => this.onTick(tick),
        error: (error: unknown) => {
          this.log.error({ error: String(error) }, 'market data stream failed');
          this.halt(`market data stream failed: ${String(error)}`);
        },
      }),
    );
    this.timers.push(
      setInterval(() => this.housekeeping(), this.options.housekeepingMs ?? 1000),
      setInterval(() => void this.reconcile(), this.options.reconcileMs ?? 5000),
    );
    this.phase = 'running';
    this.housekeeping();
    this.log.info({ universe: this.universe }, 'runtime running');
  }

  stop(reason = 'stop'): Promise<void> {
    this.stopping ??= this.shutdown(reason);
    return this.stopping;
  }

  halt(reason: string, flatten = this.limits.flattenOnHalt): void {
    if (this.halted !== undefined || this.phase === 'stopped') return;
    this.halted = reason;
    this.metrics.halted.set(1);
    this.journal?.append({ kind: 'halt', time: this.now(), reason });
    this.log.error({ reason, flatten }, 'runtime halted: only exits allowed');
    // Protective exits (reduce-only) stay unless the book is being flattened.
    this.orders.cancelAll(`halt: ${reason}`, (o) => flatten || !o.reduceOnly);
    if (flatten) this.flatten(`flatten on halt: ${reason}`, () => true);
  }

  health(): HealthStatus {
    return {
      ok: this.phase === 'running' && this.halted === undefined,
      phase: this.phase,
      mode: this.options.mode,
      halted: this.halted ?? null,
      connection: this.connection,
      inSession: this.inSession,
      lastTickAgeMs: this.lastTickAt === undefined ? null : this.now() - this.lastTickAt,
      liveOrders: this.orders.live().length,
    };
  }

  report(): EndOfDayReport {
    return endOfDayReport(
      this.options.runId,
      this.options.mode,
      this.now(),
      this.orders.all(),
      this.book,
      this.halted,
    );
  }

  private createGraph(): StrategyGraph {
    return createStrategyGraph(
      this.options.strategy,
      {
        clock: { now: () => this.clock },
        portfolio: this.portfolio,
        instruments: this.registry,
        params: this.params as Readonly<unknown>,
        logger: sdkLogger(this.log),
      },
      {
        intent: (intent: OrderIntent) => this.onIntent(intent),
        risk: (event: RiskEvent) => this.onRisk(event),
      },
    );
  }

  private onTick(tick: Tick): void {
    this.metrics.ticks.inc();
    const now = this.now();
    this.lastTickAt = now;
    this.guards.onTick(now);
    this.book.mark(tick.instrument, tick.price);
    if (this.phase !== 'running' || !this.inSession) return;
    if (this.fetchingGap) {
      this.queued.push(tick);
      return;
    }
    if (this.options.marketEvents === 'ticks') {
      this.push(tick);
      return;
    }
    const completed = this.builder.push(tick);
    if (completed !== undefined) this.onCompletedBar(completed);
  }

  /**
   * A bar completed from ticks. When it may be missing ticks (the stream started or reconnected
   * inside it) or bars were skipped, the broker's own candles replace it, so the graph sees the
   * same bars it would have seen in a backtest: no gap, no duplicate.
   */
  private onCompletedBar({ bar, partial }: CompletedBar): void {
    const last = this.lastBar.get(bar.instrument);
    const gap = last !== undefined && bar.time - last > this.tfMs;
    if (!partial && !gap) {
      this.deliver(bar);
      return;
    }
    this.fetchingGap = true;
    const from = gap && last !== undefined ? last + this.tfMs : bar.time;
    this.options.broker
      .historicalCandles(bar.instrument, bar.timeframe, from, bar.time + this.tfMs - 1)
      .then(
        (candles) => {
          let covered = false;
          for (const candle of candles) {
            if (candle.time <= (last ?? Number.NEGATIVE_INFINITY) || candle.time > bar.time)
              continue;
            this.deliver(candle);
            if (candle.time === bar.time) covered = true;
          }
          if (!covered) this.deliver(bar);
        },
        (error: unknown) => {
          this.log.warn(
            { error: String(error), bar: bar.time },
            'gap fill failed: partial bar used',
          );
          this.deliver(bar);
        },
      )
      .finally(() => {
        this.fetchingGap = false;
        const queued = this.queued.splice(0);
        for (const tick of queued) this.onTick(tick);
      });
  }

  private deliver(bar: Bar): void {
    this.lastBar.set(bar.instrument, bar.time);
    this.builder.delivered(bar.instrument, bar.time);
    this.push(bar);
  }

  private push(event: MarketEvent): void {
    if (this.graph === undefined) return;
    this.clock = knownAt(event);
    this.pushStartedAt = performance.now();
    try {
      this.graph.push(event);
    } catch (error) {
      this.log.error({ error: String(error) }, 'strategy failed');
      this.halt(`strategy failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private onIntent(intent: OrderIntent): void {
    if (this.warming) return;
    this.metrics.tickToIntent.observe((performance.now() - this.pushStartedAt) / 1000);
    this.route(intent);
  }

  private route(intent: OrderIntent): void {
    const exit = intent.reduceOnly || intent.cancelId !== undefined;
    let blocked: string | undefined;
    if (this.stopping !== undefined) blocked = 'runtime is stopping';
    else if (this.halted !== undefined && !exit) blocked = `halted: ${this.halted}`;
    else if (this.misCutoffPassed && intent.product === 'MIS' && !exit)
      blocked = 'after the MIS square-off time';
    if (blocked !== undefined) {
      this.log.warn({ intent: intent.id, reason: blocked }, 'intent blocked');
      return;
    }
    if (this.options.mode === 'dry-run') {
      this.journal?.append({ kind: 'intent', time: this.now(), sequence: 0, intent });
      this.log.info({ intent }, 'dry-run: would place');
      return;
    }
    if (intent.cancelId === undefined) {
      const reason = this.guards.onPlacement(this.now());
      if (reason !== undefined) {
        this.halt(reason);
        if (!intent.reduceOnly) return;
      }
    }
    this.orders.submit(intent, this.registry.get(intent.instrument));
  }

  private onRisk(event: RiskEvent): void {
    this.log.warn({ guard: event.guard, action: event.action, reason: event.reason }, 'risk event');
    if (event.action === 'halted' && !this.warming) {
      // Loss and drawdown halts of the strategy's guards flatten and stop.
      this.halt(`${event.guard}: ${event.reason}`, true);
    }
  }

  private onOrderChange(order: ManagedOrder, previous: ManagedOrder | undefined): void {
    this.metrics.orderMoved(previous?.state, order.state);
    const before = previous?.filledQuantity ?? 0;
    if (order.filledQuantity > before) {
      const delta = order.filledQuantity - before;
      this.metrics.fills.inc();
      this.metrics.filledQuantity.inc(delta);
      if (this.bookFills) {
        const value =
          order.filledQuantity * order.averagePrice - before * (previous?.averagePrice ?? 0);
        const r = order.request;
        this.book.fill(r.instrument, r.product, r.side, delta, value / delta);
      }
    }
    if (order.state === previous?.state) return;
    if (order.filledQuantity > (previous?.filledQuantity ?? 0)) this.refreshCash();
    if (order.state === 'filled') {
      const r = order.request;
      this.log.info(
        {
          tag: order.tag,
          side: r.side,
          quantity: r.quantity,
          instrument: r.instrument,
          price: order.averagePrice,
        },
        'order filled',
      );
    }
    if (order.state === 'rejected') {
      this.metrics.rejections.inc();
      this.log.warn({ tag: order.tag, reason: order.history.at(-1)?.reason }, 'order rejected');
      const reason = this.guards.onRejection();
      if (reason !== undefined) this.defer(() => this.halt(reason));
    } else if (order.state === 'partially-filled' || order.state === 'filled') {
      // An order id is no acceptance (brokers reject after acknowledging): a fill is.
      this.guards.onAcceptance();
    }
  }

  private onConnection(state: ConnectionState): void {
    const connected = state === 'connected';
    this.connection = state;
    this.guards.onConnection(connected, this.now());
    if (connected && this.wasConnected) {
      this.metrics.reconnects.inc();
      this.builder.markPartial();
      this.log.warn('market data reconnected: the bars in progress are refetched');
    }
    if (connected) this.wasConnected = true;
  }

  private housekeeping(): void {
    if (this.phase !== 'running') return;
    const now = this.now();
    const first = this.universe[0];
    if (this.options.sessionAware === false || first === undefined) {
      this.inSession = true;
    } else {
      const state = sessionState(
        this.options.calendar,
        first,
        now,
        this.options.misBroker ?? 'zerodha',
        this.options.squareOffLeadMs ?? 60_000,
      );
      this.inSession = state.orderEntry;
      const day = state.session?.date;
      if (day !== undefined && this.squaredOffDay !== day) this.misCutoffPassed = false;
      if (day !== undefined && state.squareOffAt !== undefined && now >= state.squareOffAt) {
        this.misCutoffPassed = true;
        if (this.squaredOffDay !== day) {
          this.squaredOffDay = day;
          this.log.info('MIS square-off time: cancelling MIS orders and closing MIS positions');
          this.orders.cancelAll('MIS square-off', (o) => o.request.product === 'MIS');
          this.flatten('MIS square-off', (product) => product === 'MIS');
        }
      }
      if (day !== undefined && state.session !== undefined && now >= state.session.close) {
        if (this.reportedDay !== day) {
          this.reportedDay = day;
          this.emitReport();
        }
      }
    }
    const reason = this.guards.check(now, this.inSession);
    if (reason !== undefined) this.halt(reason);
    this.metrics.pnl.set({ kind: 'realised' }, this.book.realised());
    this.metrics.pnl.set({ kind: 'unrealised' }, this.book.unrealised());
  }

  private emitReport(): void {
    const report = this.report();
    this.log.info({ report }, 'end-of-day report');
    this.options.onReport?.(report);
  }

  /** Places reduce-only market orders closing the positions whose product matches. */
  private flatten(reason: string, product: (p: string) => boolean): void {
    if (this.options.mode === 'dry-run') return;
    for (const p of this.book.all()) {
      if (p.quantity === 0 || !product(p.product) || !this.registry.has(p.instrument)) continue;
      const pending = this.orders
        .live()
        .some(
          (o) =>
            o.reduceOnly &&
            o.request.instrument === p.instrument &&
            o.request.product === p.product,
        );
      if (pending) continue;
      const intent: OrderIntent = {
        kind: 'intent',
        id: `flatten-${p.instrument}-${this.now()}`,
        instrument: p.instrument,
        time: this.now(),
        side: p.quantity > 0 ? 'SELL' : 'BUY',
        quantity: Math.abs(p.quantity),
        orderType: 'MARKET',
        product: p.product,
        validity: 'DAY',
        reduceOnly: true,
        reason,
      };
      this.orders.submit(intent, this.registry.get(p.instrument));
    }
  }

  /** Reads the broker's available cash after a fill (charges and margins are the broker's). */
  private refreshCash(): void {
    if (this.refreshingCash) return;
    this.refreshingCash = true;
    this.options.broker
      .funds()
      .then(
        (funds) => this.portfolio.updateCash(funds.available),
        (error: unknown) => this.log.warn({ error: String(error) }, 'funds refresh failed'),
      )
      .finally(() => (this.refreshingCash = false));
  }

  private async reconcile(): Promise<void> {
    if (this.reconciling || this.phase !== 'running' || this.orders.live().length === 0) return;
    this.reconciling = true;
    try {
      await this.orders.reconcile(await this.options.broker.orders());
    } catch (error) {
      this.log.warn({ error: String(error) }, 'reconciliation failed; retrying later');
    } finally {
      this.reconciling = false;
    }
  }

  private async shutdown(reason: string): Promise<void> {
    this.log.info({ reason }, 'stopping: no new orders, cancelling open ones');
    const wasRunning = this.phase === 'running' || this.phase === 'starting';
    this.phase = 'stopping';
    for (const timer of this.timers) clearInterval(timer);
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.orders.stopPlacing();
    if (wasRunning && this.options.mode !== 'dry-run') {
      this.orders.cancelAll(`shutdown: ${reason}`);
      await Promise.race([
        this.orders.idle(),
        new Promise((resolve) => setTimeout(resolve, 10_000).unref()),
      ]);
    }
    if (wasRunning) this.emitReport();
    this.journal?.append({ kind: 'stop', time: this.now(), reason });
    this.journal?.close();
    // Late callbacks (a deferred halt, a background lookup) find no journal instead of a closed one.
    this.journal = undefined;
    this.graph?.dispose();
    this.phase = 'stopped';
    this.resolveStopped(reason);
  }

  private defer(work: () => void): void {
    queueMicrotask(work);
  }
}
