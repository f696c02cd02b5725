import type { z } from 'zod';
import {
  applySlippage,
  createStrategyGraph,
  instrumentRegistry,
  slippageQuote,
  knownAt,
  silentLogger,
  type Fill,
  type Instrument,
  type InstrumentRegistry,
  type Logger,
  type MarketEvent,
  type OrderIntent,
  type RiskEvent,
  type Strategy,
} from '@pravah/sdk';
import { SimulatedExchange } from '../exchange/simulated-exchange.js';
import { Ledger, type Closing } from '../ledger/ledger.js';
import type { BacktestOptions, MisCutoffs } from './backtest-options.js';
import { ZERODHA_MIS_CUTOFFS } from './backtest-options.js';
import { BacktestPortfolio, type PeriodAnchors } from './backtest-portfolio.js';
import { DrawdownTracker } from './drawdown-tracker.js';
import { EquityRecorder, type EquityPoint } from './equity-recorder.js';
import { FeedOrderError } from './feed-order-error.js';
import { istDayNumber, istMinuteOfDay, istWeekNumber } from './ist-day.js';
import { seededRandom } from './seeded-random.js';

/** Everything a finished run recorded, before metrics and grading. */
export interface BacktestRecord {
  readonly params: unknown;
  readonly instruments: readonly Instrument[];
  readonly orders: ReturnType<SimulatedExchange['orders']>;
  readonly fills: readonly Fill[];
  readonly closings: readonly Closing[];
  readonly riskEvents: readonly RiskEvent[];
  readonly equityCurve: readonly EquityPoint[];
  readonly dailyCloses: readonly { day: number; equity: number }[];
  readonly drawdown: ReturnType<DrawdownTracker['summary']>;
  readonly ledger: Ledger;
  readonly events: number;
  readonly firstTime: number | undefined;
  readonly lastTime: number | undefined;
  /** Time-weighted share of observations with an open position, 0..1. */
  readonly exposure: number;
}

function parseHhMm(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * One deterministic, single-threaded backtest run. Events are pushed in `knownAt` order; all
 * events known at the same instant form a batch, processed in two phases so that arrival order
 * inside the batch cannot matter:
 *
 * 1. for each event (sorted by instrument id): auto square-off if due, the exchange matches
 *    resting orders, fills pass slippage and fees into the ledger, the position is marked;
 * 2. the equity is observed, then each event goes through the strategy graph, and the intents
 *    it produces go to the exchange stamped with the batch time, so they can fill only on
 *    later data.
 */
export class BacktestEngine<S extends z.ZodType> {
  private readonly registry: InstrumentRegistry;
  private readonly ledger: Ledger;
  private readonly exchange: SimulatedExchange;
  private readonly drawdown = new DrawdownTracker();
  private readonly recorder = new EquityRecorder();
  private readonly anchors: PeriodAnchors;
  private readonly portfolio: BacktestPortfolio;
  private readonly graph: { push(event: MarketEvent): void; complete(): void };
  private readonly fills: Fill[] = [];
  private readonly closings: Closing[] = [];
  private readonly riskEvents: RiskEvent[] = [];
  private readonly cutoffs: MisCutoffs | false;
  /** Cut-offs as IST minutes of the day, precomputed for the per-event check. */
  private readonly cutoffMinutes:
    | { equity: number; derivatives: number; currency: number; commodity: number; earliest: number }
    | undefined;
  private readonly params: unknown;

  /** Events of the current batch are `batch[0..batchSize)`; the array is reused, never shrunk. */
  private readonly batch: MarketEvent[] = [];
  private batchSize = 0;
  private batchTime = Number.NEGATIVE_INFINITY;
  private clock = Number.NEGATIVE_INFINITY;
  private day = Number.NaN;
  private week = Number.NaN;
  private lastEventTime = new Map<string, number>();
  private squaredOffToday = new Set<string>();
  private filledInBatch = false;
  private events = 0;
  private firstTime: number | undefined;
  private observations = 0;
  private exposedObservations = 0;
  private finished = false;

  constructor(
    private readonly strategy: Strategy<S>,
    private readonly options: BacktestOptions,
    logger: Logger = silentLogger,
  ) {
    this.params = strategy.parseParams(options.params);
    this.registry = instrumentRegistry(options.instruments);
    this.ledger = new Ledger(String(options.capital));
    this.cutoffs = options.misCutoffs ?? ZERODHA_MIS_CUTOFFS;
    if (this.cutoffs !== false) {
      const m = {
        equity: parseHhMm(this.cutoffs.equity),
        derivatives: parseHhMm(this.cutoffs.derivatives),
        currency: parseHhMm(this.cutoffs.currency),
        commodity: parseHhMm(this.cutoffs.commodity),
      };
      this.cutoffMinutes = {
        ...m,
        earliest: Math.min(m.equity, m.derivatives, m.currency, m.commodity),
      };
    } else {
      this.cutoffMinutes = undefined;
    }
    const random = seededRandom(options.seed ?? 0);
    const jitter = options.latencyJitterMs ?? 0;
    const latency = options.latencyMs ?? 0;
    const slippage = options.slippage;
    this.exchange = new SimulatedExchange(
      this.registry,
      {
        ...(options.fill ? { fill: options.fill } : {}),
        latencyMs: jitter > 0 ? () => latency + Math.floor(random() * jitter) : latency,
        session: { isAfterMisCutoff: (instrument, time) => this.isAfterCutoff(instrument, time) },
        account: {
          positionQuantity: (id, product) => this.ledger.quantity(id, product),
          fundsShortfall: (intent, price) => this.fundsShortfall(intent, price),
        },
        ...(slippage
          ? {
              slippage: (fill: Fill, event: MarketEvent | undefined) =>
                applySlippage(
                  slippage,
                  fill,
                  slippageQuote(fill, event, this.registry.get(fill.instrument).tickSize),
                ).price,
            }
          : {}),
      },
      { onFill: (fill) => this.onFill(fill), onOrder: () => undefined },
    );
    const capital = options.capital;
    this.anchors = {
      startOfDayEquity: capital,
      startOfWeekEquity: capital,
      startOfDayRealised: 0,
      startOfWeekRealised: 0,
    };
    this.portfolio = new BacktestPortfolio(this.ledger, this.exchange, this.drawdown, this.anchors);
    this.graph = createStrategyGraph(
      strategy,
      {
        clock: { now: () => this.clock },
        portfolio: this.portfolio,
        instruments: this.registry,
        params: this.params as z.output<S>,
        logger,
      },
      {
        intent: (intent: OrderIntent) => this.exchange.submit(intent, this.clock),
        risk: (event: RiskEvent) => this.riskEvents.push(event),
      },
    );
  }

  /** Feeds one event. Events must arrive in non-decreasing `knownAt` order. */
  push(event: MarketEvent): void {
    const t = knownAt(event);
    if (t < this.batchTime) throw new FeedOrderError(event.instrument, t, this.batchTime);
    if (this.options.from !== undefined && t < this.options.from) return;
    if (this.options.to !== undefined && t > this.options.to) return;
    if (t > this.batchTime && this.batchSize > 0) this.flush();
    this.batchTime = t;
    this.batch[this.batchSize++] = event;
  }

  /** Ends the run: flushes the last batch, closes the last session, and returns the record. */
  finish(): BacktestRecord {
    if (!this.finished) {
      if (this.batchSize > 0) this.flush();
      if (!Number.isNaN(this.day)) this.endDay(this.clock);
      this.graph.complete();
      this.finished = true;
    }
    const { curve, closes } = this.recorder.finish();
    return {
      params: this.params,
      instruments: this.registry.all(),
      orders: this.exchange.orders(),
      fills: this.fills,
      closings: this.closings,
      riskEvents: this.riskEvents,
      equityCurve: curve,
      dailyCloses: closes,
      drawdown: this.drawdown.summary(),
      ledger: this.ledger,
      events: this.events,
      firstTime: this.firstTime,
      lastTime: Number.isFinite(this.clock) ? this.clock : undefined,
      exposure: this.observations === 0 ? 0 : this.exposedObservations / this.observations,
    };
  }

  private flush(): void {
    // A batch of one (one instrument per instant) is read in place; only a batch of several
    // instruments is copied, to be sorted.
    const count = this.batchSize;
    this.batchSize = 0;
    const batch =
      count === 1
        ? this.batch
        : this.batch
            .slice(0, count)
            .sort((a, b) =>
              a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : 0,
            );
    const t = this.batchTime;
    this.firstTime ??= t;
    this.rollPeriods(t);
    this.clock = t;
    this.filledInBatch = false;

    for (let i = 0; i < count; i++) {
      const event = batch[i]!;
      this.autoSquareOff(event);
      this.exchange.onMarket(event);
      this.ledger.mark(event.instrument, event.kind === 'bar' ? event.close : event.price);
      this.lastEventTime.set(event.instrument, event.time);
    }
    const equity = this.ledger.equity();
    this.drawdown.update(t, equity);
    this.recorder.record(t, equity, this.filledInBatch);
    this.observations++;
    if (this.ledger.hasPositions()) this.exposedObservations++;

    for (let i = 0; i < count; i++) {
      this.events++;
      this.graph.push(batch[i]!);
    }
    if (this.options.onProgress && this.events % (this.options.progressEvery ?? 100_000) < count) {
      this.options.onProgress(this.events);
    }
  }

  /** Moves day and week anchors when the batch time enters a new IST day or week. */
  private rollPeriods(t: number): void {
    const day = istDayNumber(t);
    if (day === this.day) return;
    if (!Number.isNaN(this.day)) this.endDay(this.clock);
    this.day = day;
    const equity = this.ledger.equity();
    const realised = this.portfolio.netRealised();
    this.anchors.startOfDayEquity = equity;
    this.anchors.startOfDayRealised = realised;
    const week = istWeekNumber(t);
    if (week !== this.week) {
      this.week = week;
      this.anchors.startOfWeekEquity = equity;
      this.anchors.startOfWeekRealised = realised;
    }
    this.squaredOffToday.clear();
  }

  /** Session end: intraday positions the data never reached the cut-off for are squared off at the last price; DAY orders expire. */
  private endDay(time: number): void {
    if (this.cutoffs !== false) {
      for (const position of this.ledger.positions()) {
        if (position.product !== 'MIS' || position.quantity === 0) continue;
        this.exchange.squareOff(
          position.instrument,
          -position.quantity,
          position.lastPrice,
          this.lastEventTime.get(position.instrument) ?? time,
          'auto square-off at the session end (no data after the cut-off)',
        );
      }
    }
    this.exchange.endSession(time);
  }

  private autoSquareOff(event: MarketEvent): void {
    if (
      this.cutoffMinutes === undefined ||
      istMinuteOfDay(event.time) < this.cutoffMinutes.earliest
    )
      return;
    if (this.squaredOffToday.has(event.instrument)) return;
    const quantity = this.ledger.quantity(event.instrument, 'MIS');
    const instrument = this.registry.get(event.instrument);
    if (!this.isAfterCutoff(instrument, event.time)) return;
    this.squaredOffToday.add(event.instrument);
    const hasOpenMis = this.exchange
      .openOrders(event.instrument)
      .some((o) => o.intent.product === 'MIS');
    if (quantity === 0 && !hasOpenMis) return;
    if (quantity === 0) {
      for (const order of this.exchange.openOrders(event.instrument)) {
        if (order.intent.product === 'MIS')
          this.exchange.cancel(order.id, event.time, 'cancelled by auto square-off');
      }
      return;
    }
    const price = event.kind === 'bar' ? event.open : event.price;
    this.exchange.squareOff(
      event.instrument,
      -quantity,
      price,
      event.time,
      'broker auto square-off at the MIS cut-off',
    );
  }

  private isAfterCutoff(instrument: Instrument, time: number): boolean {
    const c = this.cutoffMinutes;
    if (c === undefined) return false;
    const cutoff =
      instrument.exchange === 'NFO' || instrument.exchange === 'BFO'
        ? c.derivatives
        : instrument.exchange === 'CDS' || instrument.exchange === 'BCD'
          ? c.currency
          : instrument.exchange === 'MCX'
            ? c.commodity
            : c.equity;
    return istMinuteOfDay(time) >= cutoff;
  }

  /**
   * Buying power = equity × leverage(product) − gross exposure − notional of other open entry
   * orders. Orders that only reduce a position never need funds.
   */
  private fundsShortfall(intent: OrderIntent, price: number): string | undefined {
    const held = this.ledger.quantity(intent.instrument);
    const signed = intent.side === 'BUY' ? intent.quantity : -intent.quantity;
    const reduces =
      held !== 0 && Math.sign(held) !== Math.sign(signed) && Math.abs(signed) <= Math.abs(held);
    if (reduces) return undefined;
    const leverage = this.options.leverage?.[intent.product] ?? 1;
    let pending = 0;
    for (const order of this.exchange.openOrders()) {
      if (order.intent.reduceOnly || order.id === intent.id) continue;
      pending +=
        (order.intent.quantity - order.filledQuantity) *
        (order.intent.price ?? order.intent.triggerPrice ?? price);
    }
    const increase =
      Math.abs(held + signed) > Math.abs(held) ? Math.abs(held + signed) - Math.abs(held) : 0;
    const needed = increase * price;
    const available = this.ledger.equity() * leverage - this.ledger.grossExposure() - pending;
    if (needed <= available + 1e-6) return undefined;
    return `needs ₹${needed.toFixed(2)} of buying power but only ₹${Math.max(0, available).toFixed(2)} is available (leverage ${leverage}x)`;
  }

  private onFill(raw: Fill): void {
    const instrument = this.registry.get(raw.instrument);
    const fill = this.options.fees
      ? Object.freeze({ ...raw, charges: this.options.fees(raw, instrument) })
      : raw;
    this.fills.push(fill);
    for (const closing of this.ledger.book(fill)) this.closings.push(closing);
    this.filledInBatch = true;
  }
}
