import { zerodha } from '@pravah/costs-in';
import {
  type Bar,
  type Exchange,
  type Fill,
  type Instrument,
  type InstrumentId,
  type Order,
  type Tick,
  type Timeframe,
  istDayStart,
  TERMINAL_ORDER_STATUSES,
} from '@pravah/sdk';
import { BehaviorSubject, Subject, filter, map, type Observable, type Subscription } from 'rxjs';
import { BrokerUnavailableError } from '../errors/broker-errors.js';
import type { ConnectionState, Funds, Holding, SubscriptionMode } from '../port/account.js';
import type { Broker, BrokerPositions } from '../port/broker.js';
import type {
  BrokerOrder,
  OrderAck,
  OrderModification,
  OrderRequest,
} from '../port/order-request.js';
import { checkPaperOptions, type PaperBrokerOptions } from './paper-broker-options.js';
import {
  PaperHistoryUnavailableError,
  orderNotFoundError,
  orderNotOpenError,
  unknownInstrumentError,
} from './paper-errors.js';
import { modificationRequest } from './modification-request.js';
import { PaperPersistence } from './paper-persistence.js';
import { PaperOrderBook } from './paper-order-book.js';
import { PaperPortfolio } from './paper-portfolio.js';
import { paperHoldings, paperPositions } from './paper-positions.js';
import type { PaperSnapshot } from './paper-snapshot.js';
import { PaperVenue } from './paper-venue.js';
import { rejectionError } from './rejection-error.js';
import { requestToIntent } from './request-intent.js';

const MINUTE_MS = 60_000;

/**
 * The Broker port on simulated execution: the backtester's SimulatedExchange, Ledger and fee
 * model (costs-in) with slippage, driven by any live tick stream, so paper trading and
 * backtesting share one matching engine and give the same fills on the same ticks. Orders are
 * placed synchronously (a strategy graph calling `placeOrder` while handling a tick sees the
 * order in `portfolio().openOrders()` at once). With a store, state survives restarts.
 *
 * @example
 * ```ts
 * const broker = new PaperBroker({ ticks: kite.subscribe(ids, 'full'), instruments, capital: 500_000,
 *   slippage: fixedBps(2), store: new JsonFilePaperStore('paper.json') });
 * await broker.placeOrder({ instrument: 'NSE:INFY', side: 'BUY', quantity: 10, orderType: 'MARKET',
 *   product: 'MIS', validity: 'DAY', tag: 'entry1' });
 * broker.orderUpdates$.subscribe((o) => console.log(o.status, o.filledQuantity));
 * ```
 */
export class PaperBroker implements Broker {
  readonly name = 'paper' as const;
  readonly connectionState$: Observable<ConnectionState>;
  readonly orderUpdates$: Observable<BrokerOrder>;

  private readonly venue: PaperVenue;
  private readonly book = new PaperOrderBook(1);
  private readonly state$ = new BehaviorSubject<ConnectionState>('connecting');
  private readonly updates$ = new Subject<BrokerOrder>();
  private readonly processed$ = new Subject<Tick>();
  private readonly subscribed = new Set<InstrumentId>();
  private readonly clock: () => number;
  private readonly ready: Promise<void>;
  private readonly source: Subscription;
  private readonly waiting: Tick[] = [];
  /** Exchange ids of orders with a time-to-live, checked on every tick (usually none). */
  private readonly withTtl = new Set<string>();
  private loaded = false;
  private closed = false;
  private quiet = 0;
  private readonly persistence: PaperPersistence;

  constructor(private readonly options: PaperBrokerOptions) {
    checkPaperOptions(options);
    this.venue = new PaperVenue(
      {
        instruments: options.instruments,
        capital: options.capital,
        plan: options.plan ?? zerodha(),
        latencyMs: options.latencyMs ?? 0,
        ...(options.fees ? { fees: options.fees } : {}),
        ...(options.slippage ? { slippage: options.slippage } : {}),
        ...(options.fill ? { fill: options.fill } : {}),
        ...(options.leverage ? { leverage: options.leverage } : {}),
        ...(options.misCutoffs !== undefined ? { misCutoffs: options.misCutoffs } : {}),
      },
      {
        onOrder: (order) => this.onOrder(order),
        onFill: () => this.persistence.markDirty(),
        orderIdOf: (id) => this.book.ownerOf(id, (x) => this.venue.order(x)),
      },
    );
    this.persistence = new PaperPersistence(options.store, () => this.snapshot());
    this.clock = options.clock ?? (() => this.venue.lastTime() ?? Date.now());
    this.connectionState$ = this.state$.asObservable();
    this.orderUpdates$ = this.updates$.asObservable();
    if (options.store === undefined) {
      // Nothing to load: ready at once, so orders placed while handling a tick submit synchronously.
      this.loaded = true;
      this.state$.next('connected');
      this.ready = Promise.resolve();
    } else {
      this.ready = this.load();
      // A failed load reaches every command through `ready`; this only marks it handled.
      this.ready.catch(() => this.state$.next('closed'));
    }
    this.source = options.ticks.subscribe({
      next: (tick) => (this.loaded ? this.onTick(tick) : this.waiting.push(tick)),
      error: () => this.state$.next('closed'),
      complete: () => this.state$.next('closed'),
    });
  }

  /** Resolves once a stored snapshot (if any) is loaded; commands wait for it by themselves. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** The strategy's synchronous view of this account (for `createStrategyGraph`). */
  portfolio(): PaperPortfolio {
    return new PaperPortfolio(this.venue);
  }

  /**
   * Resolves when every state change so far is in the store; rejects with BrokerUnavailableError
   * when a background save (after a fill) failed since the last flush.
   */
  flush(): Promise<void> {
    return this.persistence.flush();
  }

  async placeOrder(request: OrderRequest): Promise<OrderAck> {
    if (!this.loaded) await this.ready;
    this.assertOpen();
    const now = this.clock();
    const id = this.book.nextId();
    const held = this.venue.books().quantity(request.instrument);
    const intent = requestToIntent(request, id, now, this.venue.registry, held);
    this.book.add({
      orderId: id,
      tag: request.tag,
      variety: 'regular',
      validity: request.validity,
      ...(request.validityTtlMinutes !== undefined
        ? { validityTtlMinutes: request.validityTtlMinutes }
        : {}),
      placedAt: now,
      legs: [id],
    });
    const order = this.venue.submit(intent, now);
    if (intent.ttlMs !== undefined) this.withTtl.add(order.id);
    await this.persistence.saved();
    if (order.status === 'REJECTED') throw rejectionError(order);
    return { orderId: id, tag: request.tag };
  }

  async modifyOrder(orderId: string, changes: OrderModification): Promise<OrderAck> {
    if (!this.loaded) await this.ready;
    this.assertOpen();
    const record = this.book.record(orderId);
    if (record === undefined) throw orderNotFoundError(orderId);
    const current = this.book.view(record, (x) => this.venue.order(x));
    if (current.pendingQuantity === 0) throw orderNotOpenError(orderId, current.status);
    const leg = this.venue.order(record.legs[record.legs.length - 1]!)!;
    const request = modificationRequest(record, current, changes, leg.intent);
    const now = this.clock();
    const legId = `${record.orderId}-m${record.legs.length}`;
    const held = this.venue.books().quantity(current.instrument);
    const intent = requestToIntent(request, legId, now, this.venue.registry, held, leg.id);
    this.quiet++;
    let order: Order;
    try {
      order = this.venue.transaction(
        () => this.venue.submit(intent, now),
        (o) => o.status !== 'REJECTED',
      );
    } finally {
      this.quiet--;
    }
    if (order.status === 'REJECTED') throw rejectionError(order);
    this.book.addLeg(record.orderId, legId, request.validity);
    if (intent.ttlMs !== undefined) this.withTtl.add(legId);
    this.updates$.next(this.book.view(record, (x) => this.venue.order(x)));
    await this.persistence.saved();
    return { orderId: record.orderId, tag: record.tag ?? '' };
  }

  async cancelOrder(orderId: string): Promise<OrderAck> {
    if (!this.loaded) await this.ready;
    this.assertOpen();
    const record = this.book.record(orderId);
    if (record === undefined) throw orderNotFoundError(orderId);
    const leg = record.legs[record.legs.length - 1]!;
    if (!this.venue.cancel(leg, this.clock(), 'cancelled by user')) {
      throw orderNotOpenError(orderId, this.venue.order(leg)?.status ?? 'unknown');
    }
    await this.persistence.saved();
    return { orderId: record.orderId, tag: record.tag ?? '' };
  }

  async orders(): Promise<readonly BrokerOrder[]> {
    if (!this.loaded) await this.ready;
    const day = this.venue.state().day;
    return this.book
      .all()
      .map((r) => this.book.view(r, (x) => this.venue.order(x)))
      .filter((o) => day === null || o.updatedAt >= day || o.pendingQuantity > 0);
  }

  async orderByTag(tag: string): Promise<BrokerOrder | undefined> {
    if (!this.loaded) await this.ready;
    const record = this.book.byTag(tag);
    return record === undefined ? undefined : this.book.view(record, (x) => this.venue.order(x));
  }

  async orderHistory(orderId: string): Promise<readonly BrokerOrder[]> {
    if (!this.loaded) await this.ready;
    const record = this.book.record(orderId);
    if (record === undefined) throw orderNotFoundError(orderId);
    return this.book.history(record, (x) => this.venue.order(x), this.venue.fills());
  }

  async trades(): Promise<readonly Fill[]> {
    if (!this.loaded) await this.ready;
    const day = this.venue.state().day;
    return this.venue.fills().filter((f) => day === null || istDayStart(f.time) >= day);
  }

  async positions(): Promise<BrokerPositions> {
    if (!this.loaded) await this.ready;
    return paperPositions(this.venue);
  }

  async holdings(): Promise<readonly Holding[]> {
    if (!this.loaded) await this.ready;
    return paperHoldings(this.venue, this.venue.registry);
  }

  async funds(): Promise<Funds> {
    if (!this.loaded) await this.ready;
    const { available, blocked } = this.venue.margins();
    const books = this.venue.books();
    return { available, used: books.grossExposure() + blocked, net: books.equity() };
  }

  instruments(exchange?: Exchange): Promise<readonly Instrument[]> {
    const all = this.venue.registry.all();
    return Promise.resolve(
      exchange === undefined ? all : all.filter((i) => i.exchange === exchange),
    );
  }

  historicalCandles(
    instrument: InstrumentId,
    timeframe: Timeframe,
    from: number,
    to: number,
  ): Promise<readonly Bar[]> {
    if (this.options.candles === undefined)
      return Promise.reject(new PaperHistoryUnavailableError());
    return this.options.candles(instrument, timeframe, from, to);
  }

  async quotes(instruments: readonly InstrumentId[]): Promise<ReadonlyMap<InstrumentId, Tick>> {
    if (!this.loaded) await this.ready;
    this.assertKnown(instruments);
    const out = new Map<InstrumentId, Tick>();
    for (const id of instruments) {
      const tick = this.venue.lastTick(id);
      if (tick !== undefined) out.set(id, tick);
    }
    return out;
  }

  subscribe(instruments: readonly InstrumentId[], mode: SubscriptionMode): Observable<Tick> {
    this.assertKnown(instruments);
    for (const id of instruments) this.subscribed.add(id);
    const wanted = new Set(instruments);
    const ticks = this.processed$.pipe(
      filter((t) => wanted.has(t.instrument) && this.subscribed.has(t.instrument)),
    );
    if (mode !== 'ltp') return ticks;
    return ticks.pipe(
      map((t): Tick => ({ kind: 'tick', instrument: t.instrument, time: t.time, price: t.price })),
    );
  }

  unsubscribe(instruments: readonly InstrumentId[]): void {
    for (const id of instruments) this.subscribed.delete(id);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.source.unsubscribe();
    await this.ready.catch(() => undefined);
    await this.flush();
    this.state$.next('closed');
    this.state$.complete();
    this.updates$.complete();
    this.processed$.complete();
  }

  private async load(): Promise<void> {
    const snapshot = await this.options.store?.load();
    if (snapshot !== undefined) {
      this.venue.restore(snapshot);
      this.book.restore(snapshot.orders, snapshot.nextOrderNumber);
      for (const order of this.venue.openOrders())
        if (order.intent.ttlMs !== undefined) this.withTtl.add(order.id);
    }
    this.loaded = true;
    if (!this.closed && this.state$.value === 'connecting') this.state$.next('connected');
    for (const tick of this.waiting.splice(0)) this.onTick(tick);
  }

  private onTick(tick: Tick): void {
    if (this.closed) return;
    const last = this.venue.lastTick(tick.instrument);
    const day = this.venue.state().day;
    if ((last !== undefined && tick.time < last.time) || (day !== null && tick.time < day)) return;
    this.expireTtl(tick.time);
    this.venue.onTick(tick);
    this.persistence.markTicks();
    // Fills and order changes are saved in the background; flush() reports a failed save.
    this.persistence.saveIfDirty();
    this.processed$.next(tick);
  }

  /** Cancels TTL orders whose minutes ran out by `time`, before the tick can fill them. */
  private expireTtl(time: number): void {
    if (this.withTtl.size === 0) return;
    for (const id of [...this.withTtl]) {
      const order = this.venue.order(id);
      const ttl = order?.intent.ttlMs;
      if (order === undefined || ttl === undefined || TERMINAL_ORDER_STATUSES.has(order.status)) {
        this.withTtl.delete(id);
      } else if (time >= order.intent.time + ttl) {
        this.withTtl.delete(id);
        this.venue.cancel(id, time, `TTL of ${ttl / MINUTE_MS} minute(s) ran out`);
      }
    }
  }

  private onOrder(order: Order): void {
    this.persistence.markDirty();
    if (this.quiet > 0) return;
    const owner = this.book.ownerOf(order.id, (x) => this.venue.order(x));
    this.updates$.next(this.book.view(this.book.record(owner)!, (x) => this.venue.order(x)));
  }

  private snapshot(): PaperSnapshot {
    const state = this.venue.exportState();
    return {
      version: 1,
      capital: this.options.capital,
      nextOrderNumber: this.book.peekNumber(),
      orders: this.book.all(),
      fills: state.fills,
      exchange: state.exchange,
      session: state.session,
    };
  }

  private assertOpen(): void {
    if (this.closed)
      throw new BrokerUnavailableError('the paper broker is closed', { broker: 'paper' });
  }

  private assertKnown(instruments: readonly InstrumentId[]): void {
    for (const id of instruments) {
      if (!this.venue.registry.has(id)) {
        throw unknownInstrumentError(id);
      }
    }
  }
}
