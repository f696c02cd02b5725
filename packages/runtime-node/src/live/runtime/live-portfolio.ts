import type { InstrumentId, Order, PortfolioView, PositionView } from '@pravah/sdk';
import type { ManagedOrder } from '../order-manager/managed-order.js';
import type { OrderManager } from '../order-manager/order-manager.js';
import type { PositionBook } from './position-book.js';

/**
 * The {@link PortfolioView} strategies read in a live run: positions from the position book,
 * equity as the broker's net value at start plus this run's P&L, open orders from the order
 * manager. Day and week anchors are the start of the run (the runtime restarts daily).
 *
 * @example
 * ```ts
 * const portfolio = new LivePortfolio(book, manager, funds.net);
 * portfolio.positionQuantity('NSE:INFY'); // 10
 * ```
 */
export class LivePortfolio implements PortfolioView {
  private peak: number;
  private brokerCash: number | undefined;

  constructor(
    private readonly book: PositionBook,
    private readonly orders: OrderManager,
    private startEquity: number,
  ) {
    this.peak = startEquity;
  }

  /** Sets the equity the run started with (the broker's net account value). */
  anchorEquity(equity: number): void {
    this.startEquity = equity;
    this.peak = equity;
  }

  /**
   * Sets the cash the broker reports as available (net of charges and blocked margin); until
   * the first report, cash is estimated from equity and exposure.
   */
  updateCash(available: number): void {
    if (Number.isFinite(available)) this.brokerCash = available;
  }

  cash(): number {
    return this.brokerCash ?? this.equity() - this.book.grossExposure();
  }

  equity(): number {
    const equity = this.startEquity + this.book.realised() + this.book.unrealised();
    if (equity > this.peak) this.peak = equity;
    return equity;
  }

  peakEquity(): number {
    this.equity();
    return this.peak;
  }

  startOfDayEquity(): number {
    return this.startEquity;
  }

  startOfWeekEquity(): number {
    return this.startEquity;
  }

  positionQuantity(instrument: InstrumentId): number {
    return this.book.quantity(instrument);
  }

  position(instrument: InstrumentId): PositionView | undefined {
    return this.positions().find((p) => p.instrument === instrument);
  }

  positions(): readonly PositionView[] {
    return this.book
      .all()
      .filter((p) => p.quantity !== 0)
      .map((p) => ({
        instrument: p.instrument,
        product: p.product,
        quantity: p.quantity,
        averagePrice: p.averagePrice,
        lastPrice: p.lastPrice,
        unrealisedPnl: p.quantity * (p.lastPrice - p.averagePrice),
      }));
  }

  openOrders(instrument?: InstrumentId): readonly Order[] {
    return this.orders
      .live()
      .filter((o) => instrument === undefined || o.request.instrument === instrument)
      .map(toSdkOrder);
  }

  today(): { realised: number; marked: number } {
    const realised = this.book.realised();
    return { realised, marked: realised + this.book.unrealised() };
  }

  thisWeek(): { realised: number; marked: number } {
    return this.today();
  }
}

/**
 * An order manager's order as the SDK's {@link Order} snapshot (id = client tag).
 *
 * @example
 * ```ts
 * toSdkOrder(managed).status; // 'OPEN'
 * ```
 */
export function toSdkOrder(order: ManagedOrder): Order {
  const r = order.request;
  const status =
    order.state === 'filled'
      ? 'FILLED'
      : order.state === 'cancelled'
        ? 'CANCELLED'
        : order.state === 'rejected'
          ? 'REJECTED'
          : order.state === 'partially-filled'
            ? 'PARTIALLY_FILLED'
            : order.state === 'open' || order.state === 'cancel-pending'
              ? 'OPEN'
              : 'PENDING';
  return {
    kind: 'order',
    id: order.tag,
    intent: {
      kind: 'intent',
      id: order.intentId,
      instrument: r.instrument,
      time: order.createdAt,
      side: r.side,
      quantity: r.quantity,
      orderType: r.orderType,
      ...(r.price === undefined ? {} : { price: r.price }),
      ...(r.triggerPrice === undefined ? {} : { triggerPrice: r.triggerPrice }),
      product: r.product,
      validity: r.validity === 'IOC' ? 'IOC' : 'DAY',
      reduceOnly: order.reduceOnly,
      reason: 'live order',
    },
    status,
    filledQuantity: order.filledQuantity,
    averagePrice: order.averagePrice,
    history: order.history.map((h) => ({
      status,
      time: h.time,
      filledQuantity: h.filledQuantity,
    })),
    ...(order.brokerOrderId === undefined ? {} : { venueOrderId: order.brokerOrderId }),
  };
}
