import { Subject, type Subscription } from 'rxjs';
import type {
  ExecutionModel,
  InstrumentId,
  Logger,
  MarketEvent,
  Order,
  OrderIntent,
  PositionView,
  Product,
  StaticPortfolio,
  TargetPosition,
} from '../../src/index.js';
import { context, holding, T0, working } from '../sizers/fixtures.js';

export {
  bankniftyFut,
  bar,
  context,
  crudeFut,
  drive,
  holding,
  instruments,
  marbles,
  MINUTE,
  niftyFut,
  recordingLogger,
  reliance,
  runOperator,
  T0,
  working,
  type Step,
} from '../sizers/fixtures.js';

export interface TargetShape {
  readonly time?: number;
  readonly product?: Product;
  readonly stop?: number;
  readonly target?: number;
  readonly confidence?: number;
  readonly reason?: string;
}

/** A target position. */
export function target(
  instrument: InstrumentId,
  quantity: number,
  price: number,
  shape: TargetShape = {},
): TargetPosition {
  return {
    kind: 'target',
    instrument,
    time: shape.time ?? T0,
    quantity,
    product: shape.product ?? 'MIS',
    price,
    ...(shape.stop !== undefined ? { stop: shape.stop } : {}),
    ...(shape.target !== undefined ? { target: shape.target } : {}),
    confidence: shape.confidence ?? 0.8,
    reason: shape.reason ?? 'test',
  };
}

/** An intent as some earlier stage placed it; fields default to a MIS DAY MARKET entry. */
export function placed(
  id: string,
  instrument: InstrumentId,
  side: 'BUY' | 'SELL',
  quantity: number,
  extra: Partial<OrderIntent> = {},
): OrderIntent {
  return {
    kind: 'intent',
    id,
    instrument,
    time: T0 - 60_000,
    side,
    quantity,
    orderType: 'MARKET',
    product: 'MIS',
    validity: 'DAY',
    reduceOnly: false,
    reason: 'earlier',
    ...extra,
  };
}

/** Signed units of an intent. */
export function signed(intent: Pick<OrderIntent, 'side' | 'quantity'>): number {
  return intent.side === 'BUY' ? intent.quantity : -intent.quantity;
}

/**
 * The portfolio view a stage sees, kept in step with what the stage emits the way a venue keeps
 * it: a new intent is listed among the open orders at once, a cancel (or replacement) removes the
 * order it names, a pure cancel (held on the order it cancels) places nothing. Positions are set
 * by the test, or by {@link Book.fill}.
 */
export class Book {
  positions: PositionView[] = [];
  orders: Order[] = [];
  cash = 1e7;
  readonly portfolio = (): StaticPortfolio => ({
    cash: this.cash,
    positions: this.positions,
    openOrders: this.orders,
  });

  accept(intent: OrderIntent): void {
    if (intent.cancelId !== undefined) {
      const named = this.orders.some((o) => o.id === intent.cancelId);
      this.orders = this.orders.filter((o) => o.id !== intent.cancelId);
      if (!named || intent.parentId === intent.cancelId) return; // rejected, or a pure cancel
    }
    this.orders.push(working(intent));
  }

  /** Sets the net position of an instrument (0 removes it). */
  hold(instrument: InstrumentId, quantity: number, price: number, product: Product = 'MIS'): void {
    this.positions = this.positions.filter((p) => p.instrument !== instrument);
    if (quantity !== 0) this.positions.push(holding(instrument, quantity, price, product));
  }

  /** Fills an open order completely at `price`: the order goes, the position moves. */
  fill(id: string, price: number): void {
    const order = this.orders.find((o) => o.id === id);
    if (order === undefined) throw new Error(`no open order ${id}`);
    this.orders = this.orders.filter((o) => o !== order);
    const held =
      this.positions.find((p) => p.instrument === order.intent.instrument)?.quantity ?? 0;
    this.hold(
      order.intent.instrument,
      held +
        signed(order.intent) -
        (order.intent.side === 'BUY' ? order.filledQuantity : -order.filledQuantity),
      price,
      order.intent.product,
    );
  }
}

/**
 * Runs an execution stage against a {@link Book} like a runtime: one subscription, market events
 * and targets pushed one at a time, every emitted intent applied to the book. Each push returns
 * what it emitted.
 */
export class Harness {
  readonly book = new Book();
  private readonly market$ = new Subject<MarketEvent>();
  private readonly input$ = new Subject<TargetPosition>();
  private batch: OrderIntent[] = [];
  private failure: Error | undefined;
  private readonly subscription: Subscription;

  constructor(stage: ExecutionModel, logger?: Logger) {
    const ctx = context({
      portfolio: this.book.portfolio,
      market$: this.market$,
      ...(logger !== undefined ? { logger } : {}),
    });
    this.subscription = this.input$.pipe(stage(ctx)).subscribe({
      next: (intent) => {
        this.batch.push(intent);
        this.book.accept(intent);
      },
      error: (e: unknown) => (this.failure = e instanceof Error ? e : new Error(String(e))),
    });
  }

  market(event: MarketEvent): OrderIntent[] {
    return this.collect(() => this.market$.next(event));
  }

  target(value: TargetPosition): OrderIntent[] {
    return this.collect(() => this.input$.next(value));
  }

  close(): void {
    this.input$.complete();
    this.subscription.unsubscribe();
  }

  private collect(push: () => void): OrderIntent[] {
    this.batch = [];
    push();
    if (this.failure !== undefined) throw this.failure;
    return this.batch;
  }
}
