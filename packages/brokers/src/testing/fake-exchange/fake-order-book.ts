import type { InstrumentId, OrderStatus, Product } from '@pravah/sdk';
import { Subject, type Observable } from 'rxjs';
import type { BrokerOrder, OrderModification, OrderRequest } from '../../port/order-request.js';
import { FakeOrderError } from './fake-order-error.js';
import type { FakePosition, FakeTrade } from './fake-types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface PositionState {
  instrument: InstrumentId;
  product: Product;
  quantity: number;
  averagePrice: number;
  buyQuantity: number;
  buyValue: number;
  sellQuantity: number;
  sellValue: number;
  realised: number;
}

const OPEN_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'OPEN',
  'TRIGGER_PENDING',
  'PARTIALLY_FILLED',
]);

/** Options of a {@link FakeOrderBook}. */
export interface FakeOrderBookOptions {
  /** Clock for order and trade times; defaults to Date.now. */
  readonly now?: () => number;
  /** Prefix of order ids, e.g. '2511' for Kite-like ids. Default 'FO'. */
  readonly idPrefix?: string;
}

/**
 * Broker-neutral in-memory matching for the fake broker servers: orders, trades and positions
 * with a deliberately simple fill model (MARKET at the last price, LIMIT when the last price
 * crosses, SL/SL-M when the trigger is touched). Each fake maps these SDK-typed records to its
 * own wire format, so the three fakes agree on what happened and differ only in how they say it.
 *
 * Not a backtest engine: the real matching for simulation is `SimulatedExchange` in
 * `@pravah/backtest`. This one exists so tests can drive exact scenarios (a fill after a cancel
 * request, a partial fill) through a broker's wire protocol.
 *
 * @example
 * ```ts
 * const book = new FakeOrderBook({ idPrefix: '2511' });
 * book.setPrice('NSE:INFY', 1500);
 * const order = book.place({ instrument: 'NSE:INFY', side: 'BUY', quantity: 1,
 *   orderType: 'MARKET', product: 'MIS', validity: 'DAY', tag: 'a1' });
 * order.status; // 'FILLED'
 * book.positions()[0]?.quantity; // 1
 * ```
 */
export class FakeOrderBook {
  private readonly now: () => number;
  private readonly idPrefix: string;
  private readonly current = new Map<string, BrokerOrder>();
  private readonly snapshots = new Map<string, BrokerOrder[]>();
  private readonly placement: string[] = [];
  private readonly tradeList: FakeTrade[] = [];
  private readonly prices = new Map<InstrumentId, number>();
  private readonly positionState = new Map<string, PositionState>();
  private readonly updateSubject = new Subject<BrokerOrder>();
  private readonly tradeSubject = new Subject<FakeTrade>();
  private nextOrder = 1;
  private nextTrade = 1;

  /** Every change of every order, in the order it happened. */
  readonly updates$: Observable<BrokerOrder> = this.updateSubject.asObservable();
  /** Every execution. */
  readonly trades$: Observable<FakeTrade> = this.tradeSubject.asObservable();

  constructor(options: FakeOrderBookOptions = {}) {
    this.now = options.now ?? Date.now;
    this.idPrefix = options.idPrefix ?? 'FO';
  }

  /** Sets the last traded price and fills every resting order that the price crosses. */
  setPrice(instrument: InstrumentId, price: number): void {
    if (!(price > 0)) throw new FakeOrderError('INVALID', `price must be > 0, got ${price}`);
    this.prices.set(instrument, price);
    for (const orderId of this.placement) {
      const order = this.current.get(orderId);
      if (order === undefined || order.instrument !== instrument) continue;
      if (!OPEN_STATUSES.has(order.status)) continue;
      this.match(order, price);
    }
  }

  /** Last price set for an instrument. */
  lastPrice(instrument: InstrumentId): number | undefined {
    return this.prices.get(instrument);
  }

  /** Accepts an order; MARKET orders fill at once when a last price is known. */
  place(request: OrderRequest): BrokerOrder {
    if (!Number.isInteger(request.quantity) || request.quantity <= 0) {
      throw new FakeOrderError(
        'INVALID',
        `quantity must be a positive integer, got ${request.quantity}`,
      );
    }
    const needsPrice = request.orderType === 'LIMIT' || request.orderType === 'SL';
    const needsTrigger = request.orderType === 'SL' || request.orderType === 'SL-M';
    if (needsPrice && !(request.price !== undefined && request.price > 0)) {
      throw new FakeOrderError('INVALID', `${request.orderType} orders need a price`);
    }
    if (needsTrigger && !(request.triggerPrice !== undefined && request.triggerPrice > 0)) {
      throw new FakeOrderError('INVALID', `${request.orderType} orders need a trigger price`);
    }
    const time = this.now();
    const n = this.nextOrder++;
    const orderId = `${this.idPrefix}${String(n).padStart(6, '0')}`;
    const order: BrokerOrder = {
      orderId,
      exchangeOrderId: `X${orderId}`,
      tag: request.tag,
      instrument: request.instrument,
      side: request.side,
      orderType: request.orderType,
      product: request.product,
      validity: request.validity,
      variety: request.variety ?? 'regular',
      quantity: request.quantity,
      filledQuantity: 0,
      pendingQuantity: request.quantity,
      cancelledQuantity: 0,
      price: request.price ?? 0,
      triggerPrice: request.triggerPrice ?? 0,
      averagePrice: 0,
      status: needsTrigger ? 'TRIGGER_PENDING' : 'OPEN',
      placedAt: time,
      updatedAt: time,
    };
    this.placement.push(orderId);
    this.record(order);
    const price = this.prices.get(request.instrument);
    if (price !== undefined) this.match(order, price);
    return this.require(orderId);
  }

  /** Changes an open order and re-matches it against the last price. */
  modify(orderId: string, changes: OrderModification): BrokerOrder {
    const order = this.requireOpen(orderId);
    const quantity = changes.quantity ?? order.quantity;
    if (!Number.isInteger(quantity) || quantity < order.filledQuantity || quantity <= 0) {
      throw new FakeOrderError(
        'INVALID',
        `quantity ${quantity} is below the filled ${order.filledQuantity}`,
      );
    }
    const updated: Mutable<BrokerOrder> = {
      ...order,
      quantity,
      pendingQuantity: quantity - order.filledQuantity,
      price: changes.price ?? order.price,
      triggerPrice: changes.triggerPrice ?? order.triggerPrice,
      orderType: changes.orderType ?? order.orderType,
      validity: changes.validity ?? order.validity,
      updatedAt: this.now(),
    };
    this.record(updated);
    const price = this.prices.get(order.instrument);
    if (price !== undefined) this.match(updated, price);
    return this.require(orderId);
  }

  /** Cancels the unfilled rest of an open order. */
  cancel(orderId: string): BrokerOrder {
    const order = this.requireOpen(orderId);
    return this.record({
      ...order,
      status: 'CANCELLED',
      cancelledQuantity: order.pendingQuantity,
      pendingQuantity: 0,
      updatedAt: this.now(),
    });
  }

  /** Rejects an open order with the exchange's reason. */
  reject(orderId: string, message: string): BrokerOrder {
    const order = this.requireOpen(orderId);
    return this.record({
      ...order,
      status: 'REJECTED',
      statusMessage: message,
      pendingQuantity: 0,
      updatedAt: this.now(),
    });
  }

  /** Fills (part of) an open order at a given price, whatever the last price is. */
  fill(orderId: string, quantity: number, price: number): BrokerOrder {
    const order = this.requireOpen(orderId);
    if (!Number.isInteger(quantity) || quantity <= 0 || quantity > order.pendingQuantity) {
      throw new FakeOrderError(
        'INVALID',
        `fill quantity ${quantity} must be 1..${order.pendingQuantity}`,
      );
    }
    if (!(price > 0)) throw new FakeOrderError('INVALID', `fill price must be > 0, got ${price}`);
    return this.execute(order, quantity, price);
  }

  order(orderId: string): BrokerOrder | undefined {
    return this.current.get(orderId);
  }

  /** The latest order placed with this tag. */
  orderByTag(tag: string): BrokerOrder | undefined {
    for (let i = this.placement.length - 1; i >= 0; i--) {
      const order = this.current.get(this.placement[i] ?? '');
      if (order?.tag === tag) return order;
    }
    return undefined;
  }

  /** Every order, in placement order. */
  orders(): readonly BrokerOrder[] {
    return this.placement.map((id) => this.require(id));
  }

  /** Every snapshot of one order, oldest first. */
  history(orderId: string): readonly BrokerOrder[] {
    return this.snapshots.get(orderId) ?? [];
  }

  trades(): readonly FakeTrade[] {
    return this.tradeList.slice();
  }

  positions(): readonly FakePosition[] {
    return [...this.positionState.values()].map((p) => ({
      ...p,
      lastPrice: this.prices.get(p.instrument) ?? p.averagePrice,
    }));
  }

  private match(order: BrokerOrder, price: number): void {
    let current = order;
    if (current.status === 'TRIGGER_PENDING') {
      const triggered =
        current.side === 'BUY' ? price >= current.triggerPrice : price <= current.triggerPrice;
      if (!triggered) return;
      current = this.record({ ...current, status: 'OPEN', updatedAt: this.now() });
      if (current.orderType === 'SL-M') {
        this.execute(current, current.pendingQuantity, price);
        return;
      }
    }
    if (current.orderType === 'MARKET') {
      this.execute(current, current.pendingQuantity, price);
      return;
    }
    const limit = current.price;
    const crosses = current.side === 'BUY' ? price <= limit : price >= limit;
    if (crosses) this.execute(current, current.pendingQuantity, limit);
  }

  private execute(order: BrokerOrder, quantity: number, price: number): BrokerOrder {
    const time = this.now();
    const filled = order.filledQuantity + quantity;
    const averagePrice = (order.averagePrice * order.filledQuantity + price * quantity) / filled;
    const trade: FakeTrade = {
      tradeId: `T${this.nextTrade++}`,
      orderId: order.orderId,
      exchangeOrderId: order.exchangeOrderId ?? order.orderId,
      instrument: order.instrument,
      side: order.side,
      product: order.product,
      quantity,
      price,
      time,
    };
    this.tradeList.push(trade);
    this.applyToPosition(trade);
    const updated = this.record({
      ...order,
      filledQuantity: filled,
      pendingQuantity: order.quantity - filled,
      averagePrice,
      status: filled === order.quantity ? 'FILLED' : 'PARTIALLY_FILLED',
      updatedAt: time,
    });
    this.tradeSubject.next(trade);
    return updated;
  }

  private applyToPosition(trade: FakeTrade): void {
    const key = `${trade.instrument}|${trade.product}`;
    const p = this.positionState.get(key) ?? {
      instrument: trade.instrument,
      product: trade.product,
      quantity: 0,
      averagePrice: 0,
      buyQuantity: 0,
      buyValue: 0,
      sellQuantity: 0,
      sellValue: 0,
      realised: 0,
    };
    const signed = trade.side === 'BUY' ? trade.quantity : -trade.quantity;
    if (trade.side === 'BUY') {
      p.buyQuantity += trade.quantity;
      p.buyValue += trade.quantity * trade.price;
    } else {
      p.sellQuantity += trade.quantity;
      p.sellValue += trade.quantity * trade.price;
    }
    if (p.quantity === 0 || Math.sign(p.quantity) === Math.sign(signed)) {
      const total = Math.abs(p.quantity) + trade.quantity;
      p.averagePrice =
        (p.averagePrice * Math.abs(p.quantity) + trade.price * trade.quantity) / total;
      p.quantity += signed;
    } else {
      const closing = Math.min(Math.abs(p.quantity), trade.quantity);
      const direction = Math.sign(p.quantity);
      p.realised += closing * (trade.price - p.averagePrice) * direction;
      p.quantity += signed;
      if (p.quantity === 0) p.averagePrice = 0;
      else if (Math.sign(p.quantity) !== direction) p.averagePrice = trade.price;
    }
    this.positionState.set(key, p);
  }

  private record(order: BrokerOrder): BrokerOrder {
    this.current.set(order.orderId, order);
    const list = this.snapshots.get(order.orderId);
    if (list === undefined) this.snapshots.set(order.orderId, [order]);
    else list.push(order);
    this.updateSubject.next(order);
    return order;
  }

  private require(orderId: string): BrokerOrder {
    const order = this.current.get(orderId);
    if (order === undefined) throw new FakeOrderError('NOT_FOUND', `no order ${orderId}`);
    return order;
  }

  private requireOpen(orderId: string): BrokerOrder {
    const order = this.require(orderId);
    if (!OPEN_STATUSES.has(order.status)) {
      throw new FakeOrderError('NOT_OPEN', `order ${orderId} is ${order.status}, not open`);
    }
    return order;
  }
}
