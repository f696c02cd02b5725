import type { Order, OrderIntent, OrderStatus, OrderStatusChange } from '@pravah/sdk';
import { TERMINAL_ORDER_STATUSES } from '@pravah/sdk';
import type { WorkingOrderState } from './exchange-state.js';

/**
 * The exchange's mutable record of one order. Never leaves the exchange: callers get immutable
 * {@link Order} snapshots from {@link snapshot}.
 */
export class WorkingOrder {
  status: OrderStatus = 'PENDING';
  filledQuantity = 0;
  /** Sum of price × quantity over fills, for the average price. */
  private filledValue = 0;
  /** Stop orders (SL, SL-M) become plain limit / market orders once triggered. */
  triggered = false;
  /** Number of fills so far, for fill ids. */
  fillCount = 0;
  /** Children (bracket legs) waiting for this order to fill. */
  readonly children: WorkingOrder[] = [];
  private readonly history: OrderStatusChange[] = [];
  private cached: Order | undefined;

  constructor(
    readonly intent: OrderIntent,
    /** Earliest market-data time at which the order may fill (creation + latency). */
    public activeAt: number,
  ) {}

  get id(): string {
    return this.intent.id;
  }

  get remaining(): number {
    return this.intent.quantity - this.filledQuantity;
  }

  get isTerminal(): boolean {
    return TERMINAL_ORDER_STATUSES.has(this.status);
  }

  /** Waiting for a parent order to fill. */
  get isHeld(): boolean {
    return this.status === 'PENDING' && this.intent.parentId !== undefined;
  }

  transition(status: OrderStatus, time: number, reason?: string): void {
    this.status = status;
    this.history.push(
      reason === undefined
        ? { status, time, filledQuantity: this.filledQuantity }
        : { status, time, reason, filledQuantity: this.filledQuantity },
    );
    this.cached = undefined;
  }

  recordFill(quantity: number, price: number, time: number, reason: string): void {
    this.filledQuantity += quantity;
    this.filledValue += quantity * price;
    this.fillCount++;
    this.transition(this.remaining === 0 ? 'FILLED' : 'PARTIALLY_FILLED', time, reason);
  }

  /** The order's full state as plain data (see {@link WorkingOrder.restore}). */
  state(): WorkingOrderState {
    return {
      order: this.snapshot(),
      activeAt: this.activeAt,
      triggered: this.triggered,
      fillCount: this.fillCount,
      filledValue: this.filledValue,
    };
  }

  /** Rebuilds an order from {@link WorkingOrder.state}; children are linked by the exchange. */
  static restore(state: WorkingOrderState): WorkingOrder {
    const order = new WorkingOrder(state.order.intent, state.activeAt);
    order.status = state.order.status;
    order.filledQuantity = state.order.filledQuantity;
    order.filledValue = state.filledValue;
    order.triggered = state.triggered;
    order.fillCount = state.fillCount;
    order.history.push(...state.order.history);
    return order;
  }

  /** Immutable snapshot for callers. */
  snapshot(): Order {
    this.cached ??= Object.freeze({
      kind: 'order',
      id: this.intent.id,
      intent: this.intent,
      status: this.status,
      filledQuantity: this.filledQuantity,
      averagePrice: this.filledQuantity === 0 ? 0 : this.filledValue / this.filledQuantity,
      history: Object.freeze([...this.history]),
    });
    return this.cached;
  }
}
