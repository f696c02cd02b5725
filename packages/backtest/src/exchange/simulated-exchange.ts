import {
  PravahError,
  type Bar,
  type Fill,
  type Instrument,
  type InstrumentId,
  type InstrumentRegistry,
  type MarketEvent,
  type Order,
  type OrderIntent,
  type Tick,
} from '@pravah/sdk';
import type { ExchangeConfig, FillOptions } from './exchange-config.js';
import type { ExchangeState } from './exchange-state.js';
import { firstTouch, intrabarPath } from './intrabar-path.js';
import { rejection } from './rejection.js';
import { validateOrder } from './validate-order.js';
import { WorkingOrder } from './working-order.js';

/** Receives what the exchange does, synchronously, in the order it happens. */
export interface ExchangeListener {
  /** A fill, its price already adjusted by the configured slippage (fees are the caller's). */
  onFill(fill: Fill): void;
  /** A changed order snapshot (accepted, triggered, filled, cancelled, rejected, expired). */
  onOrder(order: Order): void;
}

/** A candidate fill found while walking one market event, ordered along the price path. */
interface Candidate {
  readonly order: WorkingOrder;
  readonly price: number;
  /** Distance travelled along the intrabar path before the fill: earlier fills first. */
  readonly distance: number;
  readonly reason: string;
  /** A stop that triggered on this event but whose limit did not fill. */
  readonly triggerOnly: boolean;
}

/** Reason carried by fills of a broker's auto square-off; `@pravah/costs-in` charges its fee on it. */
export const AUTO_SQUARE_OFF_FILL_REASON = 'auto square-off';

const ACTIVE = new Set(['OPEN', 'TRIGGER_PENDING', 'PARTIALLY_FILLED']);

/**
 * The matching engine shared by the backtester and PaperBroker: accepts order intents, validates
 * them like an Indian broker and exchange would, and fills them against bars (along an explicit
 * intrabar path) or ticks. Synchronous and deterministic; it never looks at data before an
 * order's `activeAt` (creation time + latency).
 *
 * @example
 * ```ts
 * const exchange = new SimulatedExchange(instruments, { fill: { volumeParticipation: 0.1 } }, {
 *   onFill: (fill) => ledger.book(fill),
 *   onOrder: (order) => orders.set(order.id, order),
 * });
 * exchange.submit(intent, clock);
 * exchange.onMarket(nextBar);
 * ```
 */
export class SimulatedExchange {
  private readonly byId = new Map<string, WorkingOrder>();
  private readonly working = new Map<InstrumentId, WorkingOrder[]>();
  private readonly lastPrice = new Map<InstrumentId, number>();
  private readonly previousClose = new Map<InstrumentId, number>();
  private readonly fillOptions: FillOptions;
  private readonly path = new Float64Array(4);
  private autoOrders = 0;

  constructor(
    private readonly instruments: InstrumentRegistry,
    private readonly config: ExchangeConfig,
    private readonly listener: ExchangeListener,
  ) {
    this.fillOptions = config.fill ?? {};
  }

  /** Every order ever submitted, in submission order, as immutable snapshots. */
  orders(): Order[] {
    return [...this.byId.values()].map((o) => o.snapshot());
  }

  /** Orders that can still fill (including bracket legs waiting for their entry). */
  openOrders(instrument?: InstrumentId): Order[] {
    const out: Order[] = [];
    const lists =
      instrument === undefined ? [...this.working.values()] : [this.working.get(instrument) ?? []];
    for (const list of lists) for (const o of list) if (!o.isTerminal) out.push(o.snapshot());
    return out;
  }

  order(id: string): Order | undefined {
    return this.byId.get(id)?.snapshot();
  }

  /**
   * Accepts an intent created at clock time `now`. It is validated at once (rejections are
   * recorded in its history) and can fill only on market data at or after `now + latency`
   * (bars: bar open time; ticks: strictly after `now`).
   */
  submit(intent: OrderIntent, now: number): Order {
    const latency =
      typeof this.config.latencyMs === 'function'
        ? this.config.latencyMs(intent)
        : (this.config.latencyMs ?? 0);
    const order = new WorkingOrder(intent, now + latency);
    if (this.byId.has(intent.id)) {
      order.transition(
        'REJECTED',
        now,
        `DUPLICATE_ID: an order with id "${intent.id}" already exists`,
      );
      this.listener.onOrder(order.snapshot());
      return order.snapshot();
    }
    this.byId.set(intent.id, order);
    this.list(intent.instrument).push(order);
    order.transition('PENDING', now, 'received');

    if (!this.instruments.has(intent.instrument)) {
      return this.reject(
        order,
        now,
        rejection('UNKNOWN_INSTRUMENT', `${intent.instrument} is not in the run's instruments`)
          .reason,
      );
    }
    if (intent.cancelId !== undefined) {
      const target = this.byId.get(intent.cancelId);
      if (!target || target.isTerminal) {
        return this.reject(
          order,
          now,
          rejection('REPLACED_ORDER_NOT_OPEN', `order "${intent.cancelId}" is no longer open`)
            .reason,
        );
      }
      this.cancelWorking(target, now, `replaced by ${intent.id}`);
    }
    if (intent.parentId !== undefined) {
      const parent = this.byId.get(intent.parentId);
      if (parent && !parent.isTerminal) {
        parent.children.push(order);
        this.listener.onOrder(order.snapshot());
        return order.snapshot();
      }
      if (!parent || parent.status !== 'FILLED') {
        order.transition('CANCELLED', now, `parent order "${intent.parentId}" did not fill`);
        this.listener.onOrder(order.snapshot());
        return order.snapshot();
      }
    }
    this.activate(order, now);
    return order.snapshot();
  }

  /** Cancels an open order. Returns false when it was already terminal or unknown. */
  cancel(id: string, now: number, reason = 'cancelled by strategy'): boolean {
    const order = this.byId.get(id);
    if (!order || order.isTerminal) return false;
    this.cancelWorking(order, now, reason);
    return true;
  }

  /** Matches working orders of the event's instrument against it. */
  onMarket(event: MarketEvent): void {
    const list = this.working.get(event.instrument);
    if (list !== undefined && list.length > 0) {
      if (event.kind === 'bar') this.matchBar(event, list);
      else this.matchTick(event, list);
    }
    this.lastPrice.set(event.instrument, event.kind === 'bar' ? event.close : event.price);
  }

  /**
   * Session boundary: DAY orders still open expire, and today's last prices become the
   * previous closes used by price bands.
   */
  endSession(time: number): void {
    for (const list of this.working.values()) {
      for (const order of list) {
        if (order.isTerminal || order.isHeld) continue;
        if (order.intent.validity === 'DAY') this.expire(order, time);
      }
    }
    for (const [id, price] of this.lastPrice) this.previousClose.set(id, price);
    this.compact();
  }

  /**
   * The broker's auto square-off of an intraday position: cancels the instrument's open MIS
   * orders and fills a market order for `quantity` (signed: + buys) at `price`, at `time`.
   */
  squareOff(
    instrument: InstrumentId,
    quantity: number,
    price: number,
    time: number,
    reason: string,
  ): Order {
    for (const order of this.working.get(instrument) ?? []) {
      if (!order.isTerminal && order.intent.product === 'MIS')
        this.cancelWorking(order, time, 'cancelled by auto square-off');
    }
    const intent: OrderIntent = Object.freeze({
      kind: 'intent',
      id: `auto-square-off-${++this.autoOrders}`,
      instrument,
      time,
      side: quantity > 0 ? 'BUY' : 'SELL',
      quantity: Math.abs(quantity),
      orderType: 'MARKET',
      product: 'MIS',
      validity: 'DAY',
      reduceOnly: true,
      reason,
    });
    const order = new WorkingOrder(intent, time);
    this.byId.set(intent.id, order);
    this.list(instrument).push(order);
    order.transition('OPEN', time, reason);
    // The fill's reason is the fixed tag fee models recognise (the broker's square-off fee).
    this.fill(order, order.remaining, price, time, AUTO_SQUARE_OFF_FILL_REASON);
    return order.snapshot();
  }

  /**
   * The exchange's whole state as plain data, for a PaperBroker's store. Restoring it into a
   * fresh exchange with {@link restoreState} continues exactly as this one would.
   */
  exportState(): ExchangeState {
    return {
      orders: [...this.byId.values()].map((o) => o.state()),
      lastPrices: [...this.lastPrice],
      previousCloses: [...this.previousClose],
      autoOrders: this.autoOrders,
    };
  }

  /** Loads a state from {@link exportState} into this exchange, which must have no orders yet. */
  restoreState(state: ExchangeState): void {
    if (this.byId.size > 0) {
      throw new PravahError(
        'EXCHANGE_NOT_FRESH',
        `restoreState needs a fresh exchange, but this one already has ${this.byId.size} order(s): create a new SimulatedExchange`,
      );
    }
    for (const saved of state.orders) {
      const order = WorkingOrder.restore(saved);
      this.byId.set(order.id, order);
      const parentId = order.intent.parentId;
      const parent = parentId === undefined ? undefined : this.byId.get(parentId);
      if (parent !== undefined && !parent.isTerminal) parent.children.push(order);
      if (!order.isTerminal) this.list(order.intent.instrument).push(order);
    }
    for (const [id, price] of state.lastPrices) this.lastPrice.set(id, price);
    for (const [id, price] of state.previousCloses) this.previousClose.set(id, price);
    this.autoOrders = state.autoOrders;
  }

  private list(instrument: InstrumentId): WorkingOrder[] {
    let list = this.working.get(instrument);
    if (!list) {
      list = [];
      this.working.set(instrument, list);
    }
    return list;
  }

  private activate(order: WorkingOrder, now: number): void {
    const instrument = this.instruments.get(order.intent.instrument);
    const problem = validateOrder(order.intent, {
      instrument,
      now,
      lastPrice: this.lastPrice.get(instrument.id),
      previousClose: this.previousClose.get(instrument.id),
      fill: this.fillOptions,
      session: this.config.session,
      account: this.config.account,
    });
    if (problem) {
      this.reject(order, now, problem.reason);
      return;
    }
    const isStop = order.intent.orderType === 'SL' || order.intent.orderType === 'SL-M';
    order.transition(isStop ? 'TRIGGER_PENDING' : 'OPEN', now, 'accepted');
    this.listener.onOrder(order.snapshot());
  }

  private reject(order: WorkingOrder, now: number, reason: string): Order {
    order.transition('REJECTED', now, reason);
    this.listener.onOrder(order.snapshot());
    this.settleChildren(order, now);
    return order.snapshot();
  }

  private cancelWorking(order: WorkingOrder, now: number, reason: string): void {
    order.transition('CANCELLED', now, reason);
    this.listener.onOrder(order.snapshot());
    this.settleChildren(order, now);
  }

  private expire(order: WorkingOrder, now: number): void {
    order.transition('EXPIRED', now, 'DAY order not filled by the session end');
    this.listener.onOrder(order.snapshot());
    this.settleChildren(order, now);
  }

  /** Children of a parent that ended without filling completely are cancelled. */
  private settleChildren(parent: WorkingOrder, now: number): void {
    if (parent.status === 'FILLED') return;
    for (const child of parent.children) {
      if (child.isTerminal) continue;
      child.transition(
        'CANCELLED',
        now,
        `parent order "${parent.id}" ended ${parent.status} without filling`,
      );
      this.listener.onOrder(child.snapshot());
      this.settleChildren(child, now);
    }
  }

  private isEligible(order: WorkingOrder, event: MarketEvent): boolean {
    if (!ACTIVE.has(order.status)) return false;
    // Bars: the bar must open at or after the order reached the exchange (next bar's open at
    // the earliest). Ticks: strictly after creation, and not before arrival.
    if (event.kind === 'bar') return event.time >= order.activeAt;
    return event.time > order.intent.time && event.time >= order.activeAt;
  }

  private matchBar(bar: Bar, list: WorkingOrder[]): void {
    const path = intrabarPath(bar, this.path);
    this.matchAlongPath(bar, list, path, bar.volume, bar.time);
  }

  private matchTick(tick: Tick, list: WorkingOrder[]): void {
    const path = this.path;
    path.fill(tick.price);
    this.matchAlongPath(tick, list, path, tick.quantity, tick.time);
  }

  private matchAlongPath(
    event: MarketEvent,
    list: readonly WorkingOrder[],
    path: Float64Array,
    volume: number | undefined,
    time: number,
  ): void {
    const candidates: Candidate[] = [];
    for (const order of list) {
      if (!this.isEligible(order, event)) continue;
      const candidate = this.candidateFor(order, event, path);
      if (candidate) candidates.push(candidate);
    }
    if (candidates.length > 0) this.applyCandidates(candidates, event, volume, time);
    this.cancelIocRemainders(list, event, time);
    // Keep the per-bar scan short: finished orders leave the working list (they stay in byId).
    if (candidates.length > 0 || list.some((o) => o.isTerminal)) {
      const live = list.filter((o) => !o.isTerminal);
      if (live.length !== list.length) this.working.set(event.instrument, live);
    }
  }

  private applyCandidates(
    candidates: Candidate[],
    event: MarketEvent,
    volume: number | undefined,
    time: number,
  ): void {
    candidates.sort((a, b) => a.distance - b.distance);
    let budget = this.volumeBudget(volume);
    for (const c of candidates) {
      if (c.order.isTerminal) continue; // cancelled by an OCO sibling earlier on the path
      if (c.triggerOnly) {
        this.trigger(c.order, time);
        continue;
      }
      if (
        !c.order.triggered &&
        (c.order.intent.orderType === 'SL' || c.order.intent.orderType === 'SL-M')
      ) {
        this.trigger(c.order, time);
      }
      const lot = this.instruments.get(c.order.intent.instrument).lotSize;
      const quantity = Math.min(c.order.remaining, Math.floor(budget / lot) * lot);
      if (quantity <= 0) continue;
      budget -= quantity;
      this.fill(c.order, quantity, c.price, time, c.reason, event);
    }
  }

  /** IOC orders get one eligible market event; whatever did not fill on it is cancelled. */
  private cancelIocRemainders(
    list: readonly WorkingOrder[],
    event: MarketEvent,
    time: number,
  ): void {
    for (const order of list) {
      if (
        order.intent.validity === 'IOC' &&
        !order.isTerminal &&
        !order.isHeld &&
        this.isEligible(order, event)
      ) {
        order.transition('CANCELLED', time, 'IOC remainder cancelled');
        this.listener.onOrder(order.snapshot());
        this.settleChildren(order, time);
      }
    }
  }

  private volumeBudget(volume: number | undefined): number {
    const cap = this.fillOptions.volumeParticipation;
    if (cap === undefined || volume === undefined) return Number.POSITIVE_INFINITY;
    return Math.floor(volume * cap);
  }

  private trigger(order: WorkingOrder, time: number): void {
    if (order.triggered) return;
    order.triggered = true;
    order.transition('OPEN', time, `triggered at ${order.intent.triggerPrice}`);
    this.listener.onOrder(order.snapshot());
  }

  /** Where along the path (if anywhere) this order fills, and at what price. */
  private candidateFor(
    order: WorkingOrder,
    event: MarketEvent,
    pathIn: Float64Array,
  ): Candidate | undefined {
    const { intent } = order;
    const buy = intent.side === 'BUY';
    let path = pathIn;
    if (event.kind === 'tick' && this.fillOptions.tickPrice === 'quote') {
      const touch = buy ? event.ask : event.bid;
      if (touch !== undefined && touch > 0) path = new Float64Array([touch, touch, touch, touch]);
    }
    const distance = (segment: number, price: number): number => {
      let d = 0;
      for (let s = 0; s < segment; s++) d += Math.abs(path[s + 1]! - path[s]!);
      return d + Math.abs(price - path[segment]!);
    };
    const atOpen = event.kind === 'bar' ? 'at the bar open' : 'at the tick';
    switch (intent.orderType) {
      case 'MARKET':
        return {
          order,
          price: path[0]!,
          distance: 0,
          reason: `market ${atOpen}`,
          triggerOnly: false,
        };
      case 'LIMIT': {
        const touch = firstTouch(path, 0, path[0]!, intent.price!, !buy);
        if (!touch) return undefined;
        const gap = touch.segment === 0 && touch.price === path[0] && touch.price !== intent.price;
        return {
          order,
          price: touch.price,
          distance: distance(touch.segment, touch.price),
          reason: gap ? `limit filled ${atOpen} (better than the limit)` : 'limit touched',
          triggerOnly: false,
        };
      }
      case 'SL-M':
      case 'SL': {
        let segment = 0;
        let from = path[0]!;
        let reason = 'stop triggered';
        if (!order.triggered) {
          const trig = firstTouch(path, 0, path[0]!, intent.triggerPrice!, buy);
          if (!trig) return undefined;
          segment = trig.segment;
          from = trig.price;
          if (trig.segment === 0 && trig.price === path[0] && trig.price !== intent.triggerPrice) {
            reason = `stop gapped through, filled ${atOpen}`;
          }
        }
        if (intent.orderType === 'SL-M') {
          return {
            order,
            price: from,
            distance: distance(segment, from),
            reason,
            triggerOnly: false,
          };
        }
        const fill = firstTouch(path, segment, from, intent.price!, !buy);
        if (!fill)
          return {
            order,
            price: from,
            distance: distance(segment, from),
            reason,
            triggerOnly: true,
          };
        return {
          order,
          price: fill.price,
          distance: distance(fill.segment, fill.price),
          reason: `${reason}, limit filled`,
          triggerOnly: false,
        };
      }
    }
  }

  private fill(
    order: WorkingOrder,
    quantity: number,
    rawPrice: number,
    time: number,
    reason: string,
    event?: MarketEvent,
  ): void {
    const { intent } = order;
    const raw: Fill = {
      kind: 'fill',
      id: `${intent.id}-F${order.fillCount + 1}`,
      orderId: intent.id,
      instrument: intent.instrument,
      time,
      side: intent.side,
      quantity,
      price: rawPrice,
      rawPrice,
      product: intent.product,
      reason,
    };
    const price = this.config.slippage ? this.config.slippage(raw, event) : rawPrice;
    const fill: Fill = Object.freeze(price === rawPrice ? raw : { ...raw, price });
    order.recordFill(quantity, price, time, reason);
    this.listener.onFill(fill);
    this.listener.onOrder(order.snapshot());
    if (order.status !== 'FILLED') return;
    if (intent.ocoGroup !== undefined) {
      for (const other of this.working.get(intent.instrument) ?? []) {
        if (other !== order && !other.isTerminal && other.intent.ocoGroup === intent.ocoGroup) {
          this.cancelWorking(other, time, `OCO: ${intent.id} filled`);
        }
      }
    }
    // Bracket legs start working on data after the entry's fill.
    for (const child of order.children) {
      if (child.status === 'PENDING') {
        child.activeAt = time + 1;
        this.activate(child, time);
      }
    }
  }

  /** Drops terminal orders from the per-instrument working lists (they stay in `byId`). */
  private compact(): void {
    for (const [id, list] of this.working) {
      const live = list.filter((o) => !o.isTerminal);
      if (live.length !== list.length) this.working.set(id, live);
    }
  }

  /** The instrument for an id (throws UnknownInstrumentError when unknown). */
  instrument(id: InstrumentId): Instrument {
    return this.instruments.get(id);
  }
}
