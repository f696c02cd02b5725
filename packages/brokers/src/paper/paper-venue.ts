import { Ledger, SimulatedExchange, type FeeFunction } from '@pravah/backtest';
import { fillCharger } from '@pravah/costs-in';
import {
  applySlippage,
  instrumentRegistry,
  istDayStart,
  istMinuteOfDay,
  istWeekStart,
  slippageQuote,
  type Fill,
  type InstrumentId,
  type InstrumentRegistry,
  type MarketEvent,
  type Order,
  type OrderIntent,
  type Tick,
} from '@pravah/sdk';
import { fundsShortfall } from './funds.js';
import { isAfterMisCutoff, misCutoffMinutes, type CutoffMinutes } from './mis-cutoffs.js';
import type { PaperSessionState, PaperSnapshot } from './paper-snapshot.js';
import type { PaperVenueConfig } from './paper-venue-config.js';

/** Receives the venue's order changes and charged fills, synchronously. */
export interface PaperVenueListener {
  onOrder(order: Order): void;
  onFill(fill: Fill): void;
  /** The id fills carry (the broker order of an exchange order); fees group fills by it. */
  orderIdOf(exchangeOrderId: string): string;
}

type Exported = ReturnType<SimulatedExchange['exportState']>;
type Session = {
  -readonly [
    K in Exclude<keyof PaperSessionState, 'squaredOffToday' | 'lastTicks'>
  ]: PaperSessionState[K];
};

/**
 * The synchronous core of a PaperBroker: the backtester's SimulatedExchange, its Ledger and the
 * fee model, driven tick by tick with the engine's session rules (IST day and week roll-over,
 * MIS auto square-off at the cut-off and at the session end, DAY orders expiring, funds check).
 * One tick here does what one single-instrument batch does in a backtest, so both produce the
 * same fills.
 *
 * @example
 * ```ts
 * const venue = new PaperVenue({ instruments, capital: 500_000, plan: zerodha(), latencyMs: 0 }, listener);
 * venue.submit(intent, venue.now());
 * venue.onTick(tick);
 * ```
 */
export class PaperVenue {
  readonly registry: InstrumentRegistry;
  private exchange: SimulatedExchange;
  private ledger: Ledger;
  private fees: FeeFunction;
  private readonly cutoffs: CutoffMinutes | undefined;
  private readonly fillList: Fill[] = [];
  /** Gross realised P&L today per `instrument|product`. */
  private readonly realisedToday = new Map<string, number>();
  private readonly lastTicks = new Map<InstrumentId, Tick>();
  private squaredOffToday = new Set<InstrumentId>();
  private session: Session;

  constructor(
    private readonly config: PaperVenueConfig,
    private readonly listener: PaperVenueListener,
  ) {
    this.registry = instrumentRegistry(config.instruments);
    this.cutoffs = misCutoffMinutes(config.plan, config.misCutoffs);
    this.ledger = new Ledger(String(config.capital));
    this.fees = config.fees ?? fillCharger({ plan: config.plan });
    this.exchange = this.createExchange();
    const capital = config.capital;
    this.session = {
      day: null,
      week: null,
      previousDay: null,
      lastTime: null,
      startOfDayEquity: capital,
      startOfWeekEquity: capital,
      startOfDayRealised: 0,
      startOfWeekRealised: 0,
      peakEquity: capital,
    };
  }

  /** Time of the latest tick, or undefined before the first one. */
  lastTime(): number | undefined {
    return this.session.lastTime ?? undefined;
  }

  /** Processes one tick: roll-over, auto square-off, matching, marking. */
  onTick(tick: Tick): void {
    this.rollPeriods(tick.time);
    this.autoSquareOff(tick);
    this.exchange.onMarket(tick);
    this.ledger.mark(tick.instrument, tick.price);
    this.lastTicks.set(tick.instrument, tick);
    this.session.lastTime = tick.time;
    const equity = this.ledger.equity();
    if (equity > this.session.peakEquity) this.session.peakEquity = equity;
  }

  submit(intent: OrderIntent, now: number): Order {
    return this.exchange.submit(intent, now);
  }

  cancel(id: string, now: number, reason: string): boolean {
    return this.exchange.cancel(id, now, reason);
  }

  /**
   * Runs `change` (e.g. a replacing submit) and keeps its effect only when `accept` approves the
   * result; otherwise the exchange is put back exactly as it was. Nothing fills inside `change`.
   */
  transaction<T>(change: () => T, accept: (result: T) => boolean): T {
    const before = this.exchange.exportState();
    const result = change();
    if (!accept(result)) {
      this.exchange = this.createExchange();
      this.exchange.restoreState(before);
    }
    return result;
  }

  order(id: string): Order | undefined {
    return this.exchange.order(id);
  }

  orders(): Order[] {
    return this.exchange.orders();
  }

  openOrders(instrument?: InstrumentId): Order[] {
    return this.exchange.openOrders(instrument);
  }

  fills(): readonly Fill[] {
    return this.fillList;
  }

  books(): Ledger {
    return this.ledger;
  }

  lastTick(instrument: InstrumentId): Tick | undefined {
    return this.lastTicks.get(instrument);
  }

  realised(instrument: InstrumentId, product: string): number {
    return this.realisedToday.get(`${instrument}|${product}`) ?? 0;
  }

  /** Day, week, anchors and peak equity. */
  state(): Omit<PaperSessionState, 'squaredOffToday' | 'lastTicks'> {
    return this.session;
  }

  /** Buying power left at leverage 1 and margin blocked by open entry orders (funds()). */
  margins(): { available: number; blocked: number } {
    const blocked = this.pendingValue(undefined, undefined);
    return {
      available: this.ledger.equity() - this.ledger.grossExposure() - blocked,
      blocked,
    };
  }

  /** Notional of open entry orders (market orders at `marketPrice`, else their last price). */
  private pendingValue(excludeId: string | undefined, marketPrice: number | undefined): number {
    let pending = 0;
    for (const order of this.exchange.openOrders()) {
      if (order.intent.reduceOnly || order.id === excludeId) continue;
      const price =
        order.intent.price ??
        order.intent.triggerPrice ??
        marketPrice ??
        this.lastTicks.get(order.intent.instrument)?.price ??
        0;
      pending += (order.intent.quantity - order.filledQuantity) * price;
    }
    return pending;
  }

  exportState(): { exchange: Exported; fills: readonly Fill[]; session: PaperSessionState } {
    return {
      exchange: this.exchange.exportState(),
      fills: [...this.fillList],
      session: {
        ...this.session,
        squaredOffToday: [...this.squaredOffToday],
        lastTicks: [...this.lastTicks.values()],
      },
    };
  }

  /** Loads a snapshot into this fresh venue: books its fills again, then the exchange state. */
  restore(snapshot: PaperSnapshot): void {
    const { day } = snapshot.session;
    for (const fill of snapshot.fills) {
      // Charges are stored; calling the fee model again only rebuilds its day state.
      this.fees(fill, this.registry.get(fill.instrument));
      this.fillList.push(fill);
      const closings = this.ledger.book(fill);
      if (day !== null && istDayStart(fill.time) === day) this.addRealised(closings);
    }
    for (const tick of snapshot.session.lastTicks) {
      this.lastTicks.set(tick.instrument, tick);
      this.ledger.mark(tick.instrument, tick.price);
    }
    this.exchange.restoreState(snapshot.exchange);
    const s = snapshot.session;
    this.squaredOffToday = new Set(s.squaredOffToday);
    this.session = {
      day: s.day,
      week: s.week,
      previousDay: s.previousDay,
      lastTime: s.lastTime,
      startOfDayEquity: s.startOfDayEquity,
      startOfWeekEquity: s.startOfWeekEquity,
      startOfDayRealised: s.startOfDayRealised,
      startOfWeekRealised: s.startOfWeekRealised,
      peakEquity: s.peakEquity,
    };
  }

  private createExchange(): SimulatedExchange {
    const slippage = this.config.slippage;
    return new SimulatedExchange(
      this.registry,
      {
        ...(this.config.fill ? { fill: this.config.fill } : {}),
        latencyMs: this.config.latencyMs,
        session: {
          isAfterMisCutoff: (instrument, time) => isAfterMisCutoff(this.cutoffs, instrument, time),
        },
        account: {
          positionQuantity: (id, product) => this.ledger.quantity(id, product),
          fundsShortfall: (intent, price) => this.shortfall(intent, price),
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
      {
        onFill: (fill) => this.onFill(fill),
        onOrder: (order) => this.listener.onOrder(order),
      },
    );
  }

  /** The engine's funds check, with the same buying-power arithmetic. */
  private shortfall(intent: OrderIntent, price: number): string | undefined {
    const leverage = this.config.leverage?.[intent.product] ?? 1;
    return fundsShortfall(intent, price, this.ledger.quantity(intent.instrument), leverage, () => {
      const pending = this.pendingValue(intent.id, price);
      return this.ledger.equity() * leverage - this.ledger.grossExposure() - pending;
    });
  }

  private onFill(raw: Fill): void {
    const orderId = this.listener.orderIdOf(raw.orderId);
    const named = orderId === raw.orderId ? raw : { ...raw, orderId };
    const fill = Object.freeze({
      ...named,
      charges: this.fees(named, this.registry.get(raw.instrument)),
    });
    this.fillList.push(fill);
    this.addRealised(this.ledger.book(fill));
    this.listener.onFill(fill);
  }

  private addRealised(closings: ReturnType<Ledger['book']>): void {
    for (const c of closings) {
      const key = `${c.instrument}|${c.product}`;
      this.realisedToday.set(key, (this.realisedToday.get(key) ?? 0) + c.grossPnl.toNumber());
    }
  }

  /** Moves day and week anchors when a tick opens a new IST day or week. */
  private rollPeriods(time: number): void {
    const day = istDayStart(time);
    const s = this.session;
    if (day === s.day) return;
    if (s.day !== null && s.lastTime !== null) this.endDay(s.lastTime);
    const equity = this.ledger.equity();
    const realised = this.ledger.netRealised();
    const week = istWeekStart(time);
    s.previousDay = s.day;
    s.day = day;
    s.startOfDayEquity = equity;
    s.startOfDayRealised = realised;
    if (week !== s.week) {
      s.week = week;
      s.startOfWeekEquity = equity;
      s.startOfWeekRealised = realised;
    }
    this.squaredOffToday.clear();
    this.realisedToday.clear();
  }

  /** Session end: MIS positions the data never took past the cut-off are squared off; DAY orders expire. */
  private endDay(time: number): void {
    if (this.cutoffs !== undefined) {
      for (const position of this.ledger.positions()) {
        if (position.product !== 'MIS' || position.quantity === 0) continue;
        this.exchange.squareOff(
          position.instrument,
          -position.quantity,
          position.lastPrice,
          this.lastTicks.get(position.instrument)?.time ?? time,
          'auto square-off at the session end (no data after the cut-off)',
        );
      }
    }
    this.exchange.endSession(time);
  }

  private autoSquareOff(tick: Tick): void {
    const cutoffs = this.cutoffs;
    if (cutoffs === undefined || istMinuteOfDay(tick.time) < cutoffs.earliest) return;
    if (this.squaredOffToday.has(tick.instrument)) return;
    const instrument = this.registry.get(tick.instrument);
    if (!isAfterMisCutoff(cutoffs, instrument, tick.time)) return;
    this.squaredOffToday.add(tick.instrument);
    const quantity = this.ledger.quantity(tick.instrument, 'MIS');
    const openMis = this.exchange
      .openOrders(tick.instrument)
      .filter((o) => o.intent.product === 'MIS');
    if (quantity === 0) {
      for (const order of openMis)
        this.exchange.cancel(order.id, tick.time, 'cancelled by auto square-off');
      return;
    }
    this.exchange.squareOff(
      tick.instrument,
      -quantity,
      tick.price,
      tick.time,
      'broker auto square-off at the MIS cut-off',
    );
  }
}
