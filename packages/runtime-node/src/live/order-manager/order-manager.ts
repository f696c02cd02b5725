import {
  RateLimitedError,
  RateLimiter,
  TokenExpiredError,
  type Broker,
  type BrokerOrder,
} from '@pravah/brokers';
import { silentLogger, type Instrument, type Logger, type OrderIntent } from '@pravah/sdk';
import type { JournalRecord, JournalSink } from '../journal/journal-record.js';
import { clientTag, runKey, tagSequence } from './client-tag.js';
import { freezeSlices } from './freeze-slices.js';
import { createManagedOrder, type ManagedOrder } from './managed-order.js';
import type { OrderEvent } from './order-event.js';
import { orderRequestFromIntent } from './order-request-from-intent.js';
import { isTerminal } from './order-state.js';
import { transition } from './order-transition.js';
import { classifyPlacementError } from './placement-outcome.js';

/** Options of an {@link OrderManager}. */
export interface OrderManagerOptions {
  readonly broker: Broker;
  readonly journal: JournalSink;
  /** Names the run; every client tag starts with its key. Stable across restarts of a run. */
  readonly runId: string;
  /** Limits placements, modifications and cancellations (Kite: 10 per second). */
  readonly orderLimiter?: RateLimiter;
  /** Limits order book queries (lookups by tag, reconciliation). */
  readonly queryLimiter?: RateLimiter;
  readonly now?: () => number;
  readonly logger?: Logger;
  /** Placement requests per order before it is given up as rejected. Default 5. */
  readonly maxPlacementAttempts?: number;
  /** Pauses between lookups by tag of an order whose placement outcome is unknown. */
  readonly lookupDelaysMs?: readonly number[];
  /**
   * Lookups that must find nothing before an unknown placement counts as never received and is
   * sent again. Default 2: one lookup could race a request the broker has not processed yet.
   */
  readonly notFoundConfirmations?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called after every applied transition, with the order before it (undefined when new). */
  readonly onChange?: (order: ManagedOrder, previous: ManagedOrder | undefined) => void;
  /** Called when the broker says the session is gone (token expired). */
  readonly onAuthLost?: (reason: string) => void;
  /** Called when work the manager runs in the background fails unexpectedly. */
  readonly onFault?: (error: unknown) => void;
}

const DEFAULT_LOOKUP_DELAYS = Object.freeze([100, 250, 500, 1000, 2000, 4000]);

/**
 * Places, tracks and cancels the runtime's orders so that none is lost or duplicated. Each
 * order is a {@link ManagedOrder} moved only by {@link transition}; every applied event is
 * journalled (the `submit` event before the request leaves), so replaying the journal rebuilds
 * the exact state. A placement whose outcome is unknown (timeout, dropped socket, 5xx) is looked
 * up by its client tag, and sent again only when the broker has confirmed, more than once, that
 * it never received it.
 *
 * @example
 * ```ts
 * const manager = new OrderManager({ broker, journal, runId: 'sma-2026-11-20' });
 * for (const record of replay.records) manager.replay(record);
 * await manager.reconcile(await broker.orders());
 * manager.submit(intent, instruments.get(intent.instrument));
 * await manager.idle();
 * ```
 */
export class OrderManager {
  private readonly key: string;
  private readonly orders = new Map<string, ManagedOrder>();
  private readonly tagsByIntent = new Map<string, string[]>();
  private readonly inflight = new Set<Promise<void>>();
  /** Tags with a placement loop running, so one order never has two. */
  private readonly placing = new Set<string>();
  /** Tags whose cancel request is in flight. */
  private readonly cancelling = new Set<string>();
  private readonly orderLimiter: RateLimiter;
  private readonly queryLimiter: RateLimiter;
  private readonly now: () => number;
  private readonly logger: Logger;
  private readonly maxAttempts: number;
  private readonly lookupDelays: readonly number[];
  private readonly confirmations: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private nextSequence = 1;
  private stopped = false;
  private held = false;

  constructor(private readonly options: OrderManagerOptions) {
    this.key = runKey(options.runId);
    this.orderLimiter = options.orderLimiter ?? new RateLimiter(10, 1000);
    this.queryLimiter = options.queryLimiter ?? new RateLimiter(10, 1000);
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? silentLogger;
    this.maxAttempts = options.maxPlacementAttempts ?? 5;
    this.lookupDelays = options.lookupDelaysMs ?? DEFAULT_LOOKUP_DELAYS;
    this.confirmations = Math.max(1, options.notFoundConfirmations ?? 2);
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** The key every tag of this run starts with. */
  get tagPrefix(): string {
    return this.key;
  }

  /** The order with this tag. */
  get(tag: string): ManagedOrder | undefined {
    return this.orders.get(tag);
  }

  /** Every order, in creation order. */
  all(): readonly ManagedOrder[] {
    return [...this.orders.values()];
  }

  /** Orders not yet in a terminal state. */
  live(): readonly ManagedOrder[] {
    return this.all().filter((o) => !isTerminal(o.state));
  }

  /** Rebuilds state from one journal record, without any broker call. */
  replay(record: JournalRecord): void {
    switch (record.kind) {
      case 'intent':
        this.nextSequence = Math.max(this.nextSequence, record.sequence + 1);
        return;
      case 'order':
        this.addOrder(
          createManagedOrder({
            tag: record.tag,
            intentId: record.intentId,
            slice: record.slice,
            request: record.request,
            reduceOnly: record.reduceOnly,
            time: record.time,
          }),
        );
        return;
      case 'event': {
        const order = this.orders.get(record.tag);
        if (order === undefined) return;
        const result = transition(order, record.event);
        if (result.applied) this.orders.set(record.tag, result.order);
        return;
      }
      default:
        return;
    }
  }

  /**
   * Turns an intent into orders (one per freeze-quantity slice), journals them and starts their
   * placement. An intent with `cancelId` cancels the orders of that intent instead.
   */
  submit(intent: OrderIntent, instrument: Instrument): readonly ManagedOrder[] {
    if (intent.cancelId !== undefined) {
      this.cancelIntent(intent.cancelId, intent.reason);
      return [];
    }
    const time = this.now();
    const sequence = this.nextSequence++;
    this.options.journal.append({ kind: 'intent', time, sequence, intent });
    const slices = freezeSlices(intent.quantity, instrument.lotSize, instrument.freezeQuantity);
    const created: ManagedOrder[] = [];
    for (let i = 0; i < slices.length; i++) {
      const tag = clientTag(this.key, sequence, i + 1);
      const request = orderRequestFromIntent(intent, slices[i] ?? 0, tag);
      this.options.journal.append({
        kind: 'order',
        time,
        tag,
        intentId: intent.id,
        slice: i + 1,
        request,
        reduceOnly: intent.reduceOnly,
      });
      const order = createManagedOrder({
        tag,
        intentId: intent.id,
        slice: i + 1,
        request,
        reduceOnly: intent.reduceOnly,
        time,
      });
      this.addOrder(order);
      this.options.onChange?.(order, undefined);
      created.push(order);
    }
    for (const order of created) this.startPlacing(order.tag);
    return created;
  }

  /** Cancels every live order of a strategy intent. */
  cancelIntent(intentId: string, reason: string): void {
    for (const tag of this.tagsByIntent.get(intentId) ?? []) this.cancel(tag, reason);
  }

  /**
   * Asks for an order to be cancelled. An order not yet sent is cancelled at once; one whose
   * placement is unresolved gets the cancel as soon as the broker's order id is known. Fills
   * that arrive while the cancel is pending are applied.
   */
  cancel(tag: string, reason: string): void {
    const order = this.orders.get(tag);
    if (order === undefined || isTerminal(order.state) || order.state === 'cancel-pending') return;
    this.apply(tag, { type: 'cancel-requested', time: this.now(), reason });
    this.sendPendingCancel(tag);
  }

  /** Cancels every live order (optionally only those not reducing a position). */
  cancelAll(reason: string, filter: (order: ManagedOrder) => boolean = () => true): void {
    for (const order of this.live()) if (filter(order)) this.cancel(order.tag, reason);
  }

  /**
   * Applies a broker snapshot of one of the run's orders (from the order update stream, a
   * lookup or the order book). Snapshots of other orders are ignored. Idempotent.
   */
  applyBrokerOrder(snapshot: BrokerOrder): void {
    const tag = snapshot.tag;
    if (tag === undefined) return;
    const order = this.orders.get(tag);
    if (order === undefined) return;
    const time = this.now();
    if (order.brokerOrderId === undefined && !isTerminal(order.state)) {
      this.apply(tag, { type: 'accepted', time, brokerOrderId: snapshot.orderId });
    }
    if (snapshot.filledQuantity > 0) {
      this.apply(tag, {
        type: 'filled',
        time,
        filledQuantity: snapshot.filledQuantity,
        averagePrice: snapshot.averagePrice,
      });
    }
    const reason = snapshot.statusMessage ?? snapshot.status.toLowerCase();
    if (snapshot.status === 'CANCELLED' || snapshot.status === 'EXPIRED') {
      this.apply(tag, { type: 'cancelled', time, reason });
    } else if (snapshot.status === 'REJECTED') {
      this.apply(tag, { type: 'rejected', time, reason });
    }
    this.sendPendingCancel(tag);
  }

  /**
   * Checks every live order against the broker's order book: applies what the broker knows,
   * resolves unknown placements by tag (re-sending only those the broker never received),
   * re-sends cancels that did not go through, and places orders journalled but never sent.
   * Run at start-up after replaying the journal, and periodically.
   */
  async reconcile(book: readonly BrokerOrder[]): Promise<void> {
    const byTag = new Map<string, BrokerOrder>();
    for (const snapshot of book) {
      if (snapshot.tag === undefined || !snapshot.tag.startsWith(this.key)) continue;
      byTag.set(snapshot.tag, snapshot);
      if (!this.orders.has(snapshot.tag)) {
        // An order of this run the journal does not hold (the journal was replaced): never
        // reuse its tag.
        const sequence = tagSequence(this.key, snapshot.tag);
        if (sequence !== undefined) this.nextSequence = Math.max(this.nextSequence, sequence + 1);
        this.logger.warn('broker order of this run is not in the journal', {
          tag: snapshot.tag,
          orderId: snapshot.orderId,
        });
      }
    }
    for (const order of this.live()) {
      const snapshot = byTag.get(order.tag);
      if (snapshot !== undefined) {
        this.applyBrokerOrder(snapshot);
        const after = this.orders.get(order.tag);
        if (after?.state === 'cancel-pending' && isOpenAtBroker(snapshot)) {
          this.sendPendingCancel(order.tag);
        }
        continue;
      }
      if (order.state === 'created') this.startPlacing(order.tag);
      else if (order.state === 'submitting' || order.state === 'unknown') {
        if (order.state === 'submitting') {
          this.apply(order.tag, {
            type: 'outcome-unknown',
            time: this.now(),
            reason: 'placement interrupted (restart)',
          });
        }
        this.startPlacing(order.tag);
      } else if (order.state === 'cancel-pending' && order.brokerOrderId === undefined) {
        this.startPlacing(order.tag);
      }
    }
    await this.idle();
  }

  /** Stops placing new orders for good; cancels and lookups still run. */
  stopPlacing(): void {
    this.stopped = true;
  }

  /**
   * Holds placements (orders wait in `created`) while lookups and cancels run: the runtime
   * holds them during start-up reconciliation so that positions can be read from the broker
   * with no order in flight.
   */
  hold(): void {
    this.held = true;
  }

  /** Ends a {@link hold}: places every order waiting in `created`. */
  release(): void {
    this.held = false;
    for (const order of this.live()) if (order.state === 'created') this.startPlacing(order.tag);
  }

  /** Resolves when no placement, lookup or cancel is in flight. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight]);
  }

  private addOrder(order: ManagedOrder): void {
    this.orders.set(order.tag, order);
    const tags = this.tagsByIntent.get(order.intentId);
    if (tags === undefined || order.slice === 1) this.tagsByIntent.set(order.intentId, [order.tag]);
    else tags.push(order.tag);
  }

  /** Applies an event, journals it when it changed the order, and notifies. */
  private apply(tag: string, event: OrderEvent): ManagedOrder | undefined {
    const previous = this.orders.get(tag);
    if (previous === undefined) return undefined;
    const result = transition(previous, event);
    if (!result.applied) {
      if (event.type === 'filled' && event.filledQuantity > previous.filledQuantity) {
        this.logger.warn('fill not applied', { tag, reason: result.ignored });
      }
      return previous;
    }
    this.options.journal.append({ kind: 'event', tag, event });
    this.orders.set(tag, result.order);
    this.options.onChange?.(result.order, previous);
    return result.order;
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => {
      this.logger.error('order manager background work failed', { error: String(error) });
      this.options.onFault?.(error);
    });
    this.inflight.add(tracked);
    void tracked.finally(() => this.inflight.delete(tracked));
  }

  private startPlacing(tag: string): void {
    if (this.placing.has(tag)) return;
    this.placing.add(tag);
    this.track(this.place(tag).finally(() => this.placing.delete(tag)));
  }

  /** Runs one order's placement until it is placed, refused, or its outcome stays unknown. */
  private async place(tag: string): Promise<void> {
    for (;;) {
      let order = this.orders.get(tag);
      if (order === undefined) return;
      if (order.state === 'unknown' || order.state === 'cancel-pending') {
        if (order.brokerOrderId !== undefined) return;
        const found = await this.resolve(tag);
        if (found !== 'not-found') return;
        order = this.orders.get(tag);
        if (order === undefined) return;
      }
      if (order.state !== 'created' || this.stopped || this.held) return;
      if (order.attempts >= this.maxAttempts) {
        this.apply(tag, {
          type: 'rejected',
          time: this.now(),
          reason: `not placed after ${order.attempts} attempts`,
        });
        return;
      }
      await this.orderLimiter.acquire();
      if (this.stopped || this.held || this.orders.get(tag)?.state !== 'created') return;
      this.apply(tag, { type: 'submit', time: this.now() });
      try {
        const ack = await this.options.broker.placeOrder(order.request);
        this.apply(tag, { type: 'accepted', time: this.now(), brokerOrderId: ack.orderId });
        this.sendPendingCancel(tag);
        return;
      } catch (error) {
        const failure = classifyPlacementError(error);
        const time = this.now();
        switch (failure.kind) {
          case 'rejected':
            this.apply(tag, { type: 'rejected', time, reason: failure.reason });
            return;
          case 'auth':
            this.apply(tag, { type: 'rejected', time, reason: `not placed: ${failure.reason}` });
            this.options.onAuthLost?.(failure.reason);
            return;
          case 'throttled':
            this.orderLimiter.backOff(failure.retryAfterMs);
            this.apply(tag, { type: 'throttled', time, retryAfterMs: failure.retryAfterMs });
            continue;
          case 'unknown':
            this.logger.warn('placement outcome unknown; looking the order up by tag', {
              tag,
              reason: failure.reason,
            });
            this.apply(tag, { type: 'outcome-unknown', time, reason: failure.reason });
            continue;
        }
      }
    }
  }

  /**
   * Looks an order up by tag until the broker shows it (applied), or confirms
   * `notFoundConfirmations` times that it has none (the order goes back to `created`, or to
   * `cancelled` when a cancel was pending). 'unresolved' leaves it `unknown` for the next
   * reconciliation.
   */
  private async resolve(tag: string): Promise<'found' | 'not-found' | 'unresolved'> {
    let misses = 0;
    for (const delay of this.lookupDelays) {
      let snapshot: BrokerOrder | undefined;
      try {
        await this.queryLimiter.acquire();
        snapshot = await this.options.broker.orderByTag(tag);
      } catch (error) {
        if (error instanceof RateLimitedError) this.queryLimiter.backOff(error.retryAfterMs);
        if (error instanceof TokenExpiredError) {
          this.options.onAuthLost?.(error.message);
          return 'unresolved';
        }
        await this.sleep(delay);
        continue;
      }
      if (snapshot !== undefined) {
        this.applyBrokerOrder(snapshot);
        return 'found';
      }
      misses += 1;
      if (misses >= this.confirmations) {
        this.apply(tag, { type: 'not-found', time: this.now() });
        return 'not-found';
      }
      await this.sleep(delay);
    }
    return 'unresolved';
  }

  private sendPendingCancel(tag: string): void {
    const order = this.orders.get(tag);
    if (
      order?.state !== 'cancel-pending' ||
      order.brokerOrderId === undefined ||
      this.cancelling.has(tag)
    )
      return;
    const orderId = order.brokerOrderId;
    this.cancelling.add(tag);
    this.track(
      (async () => {
        try {
          await this.orderLimiter.acquire();
          await this.options.broker.cancelOrder(orderId);
        } catch (error) {
          if (error instanceof RateLimitedError) this.orderLimiter.backOff(error.retryAfterMs);
          if (error instanceof TokenExpiredError) this.options.onAuthLost?.(error.message);
          this.logger.warn('cancel request failed; checking the order', {
            tag,
            error: String(error),
          });
        } finally {
          this.cancelling.delete(tag);
        }
        // Whatever the cancel call said, the order book is the truth: a fill may have won.
        await this.queryLimiter.acquire();
        const snapshot = await this.options.broker.orderByTag(tag).catch(() => undefined);
        if (snapshot === undefined) return;
        this.applyBrokerOrder(snapshot);
        if (this.orders.get(tag)?.state === 'cancel-pending' && !isOpenAtBroker(snapshot)) {
          this.apply(tag, {
            type: 'cancel-refused',
            time: this.now(),
            reason: `broker reports ${snapshot.status}`,
          });
        }
      })(),
    );
  }
}

function isOpenAtBroker(snapshot: BrokerOrder): boolean {
  return (
    snapshot.status === 'OPEN' ||
    snapshot.status === 'PENDING' ||
    snapshot.status === 'TRIGGER_PENDING' ||
    snapshot.status === 'PARTIALLY_FILLED'
  );
}
