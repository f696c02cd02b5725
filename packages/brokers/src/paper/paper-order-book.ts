import type { Fill, Order } from '@pravah/sdk';
import type { BrokerOrder } from '../port/order-request.js';
import type { PaperOrderRecord } from './paper-snapshot.js';

type MutableRecord = { -readonly [K in keyof PaperOrderRecord]: PaperOrderRecord[K] } & {
  legs: string[];
};

const ACTIVE = new Set(['PENDING', 'OPEN', 'TRIGGER_PENDING', 'PARTIALLY_FILLED']);
const ENDED = new Set(['CANCELLED', 'EXPIRED']);

/** Looks up exchange orders by id. */
export type OrderLookup = (exchangeOrderId: string) => Order | undefined;

/**
 * The paper broker's order book: broker order ids, tags and varieties, and the exchange orders
 * behind each broker order (a modification replaces the exchange order, the broker order keeps
 * its id). Maps them to the port's {@link BrokerOrder}.
 *
 * @example
 * ```ts
 * const book = new PaperOrderBook(1);
 * const id = book.nextId(); // 'PAPER1'
 * book.add({ orderId: id, tag: 'a1', variety: 'regular', validity: 'DAY', placedAt: now, legs: [id] });
 * ```
 */
export class PaperOrderBook {
  private readonly records = new Map<string, MutableRecord>();
  private readonly owners = new Map<string, string>();

  constructor(private nextNumber: number) {}

  /** A new broker order id. */
  nextId(): string {
    return `PAPER${this.nextNumber++}`;
  }

  /** The number the next id will carry (for snapshots). */
  peekNumber(): number {
    return this.nextNumber;
  }

  /** Loads stored records into this empty book. */
  restore(records: readonly PaperOrderRecord[], nextNumber: number): void {
    for (const record of records) this.add(record);
    this.nextNumber = nextNumber;
  }

  add(record: PaperOrderRecord): void {
    const copy: MutableRecord = { ...record, legs: [...record.legs] };
    this.records.set(record.orderId, copy);
    for (const leg of record.legs) this.owners.set(leg, record.orderId);
  }

  /** Records a replacement exchange order for a modified broker order. */
  addLeg(orderId: string, leg: string, validity: PaperOrderRecord['validity']): void {
    const record = this.records.get(orderId);
    if (record === undefined) return;
    record.legs.push(leg);
    record.validity = validity;
    this.owners.set(leg, orderId);
  }

  /** The broker order of an exchange order; the exchange's own orders become their own. */
  ownerOf(exchangeOrderId: string, lookup: OrderLookup): string {
    const owner = this.owners.get(exchangeOrderId);
    if (owner !== undefined) return owner;
    const order = lookup(exchangeOrderId);
    this.add({
      orderId: exchangeOrderId,
      variety: 'regular',
      validity: 'DAY',
      placedAt: order?.intent.time ?? 0,
      legs: [exchangeOrderId],
    });
    return exchangeOrderId;
  }

  /** The order by its broker id, or by the id of one of its exchange orders (what strategies see). */
  record(orderId: string): PaperOrderRecord | undefined {
    const owner = this.owners.get(orderId);
    return this.records.get(owner ?? orderId);
  }

  all(): PaperOrderRecord[] {
    return [...this.records.values()];
  }

  /** The latest order placed with `tag`. */
  byTag(tag: string): PaperOrderRecord | undefined {
    let found: PaperOrderRecord | undefined;
    for (const record of this.records.values()) if (record.tag === tag) found = record;
    return found;
  }

  /** The broker's view of an order now. */
  view(record: PaperOrderRecord, lookup: OrderLookup): BrokerOrder {
    const legs = record.legs.map((id) => lookup(id)).filter((o): o is Order => o !== undefined);
    const last = legs[legs.length - 1]!;
    let filledBefore = 0;
    let value = 0;
    for (const leg of legs) {
      if (leg !== last) filledBefore += leg.filledQuantity;
      value += leg.averagePrice * leg.filledQuantity;
    }
    const filled = filledBefore + last.filledQuantity;
    const change = last.history[last.history.length - 1]!;
    return this.snapshot(record, last, {
      quantity: filledBefore + last.intent.quantity,
      filled,
      average: filled === 0 ? 0 : value / filled,
      status: last.status,
      reason: legs.length > 1 && change.reason === 'accepted' ? 'modified' : change.reason,
      time: change.time,
    });
  }

  /** Every state the order went through, oldest first (replaced exchange orders' cancellations left out). */
  history(record: PaperOrderRecord, lookup: OrderLookup, fills: readonly Fill[]): BrokerOrder[] {
    const mine = fills.filter((f) => f.orderId === record.orderId);
    const out: BrokerOrder[] = [];
    let filledBefore = 0;
    record.legs.forEach((id, i) => {
      const leg = lookup(id);
      if (leg === undefined) return;
      const isLast = i === record.legs.length - 1;
      for (const change of leg.history) {
        if (!isLast && change.status === 'CANCELLED') continue;
        if (i > 0 && change.status === 'PENDING') continue;
        const filled = filledBefore + change.filledQuantity;
        out.push(
          this.snapshot(record, leg, {
            quantity: filledBefore + leg.intent.quantity,
            filled,
            average: averageOfFirst(mine, filled),
            status: change.status,
            reason: i > 0 && change.reason === 'accepted' ? 'modified' : change.reason,
            time: change.time,
          }),
        );
      }
      filledBefore += leg.filledQuantity;
    });
    return out;
  }

  private snapshot(
    record: PaperOrderRecord,
    leg: Order,
    at: {
      quantity: number;
      filled: number;
      average: number;
      status: Order['status'];
      reason: string | undefined;
      time: number;
    },
  ): BrokerOrder {
    const { intent } = leg;
    const open = ACTIVE.has(at.status);
    const message =
      at.status === 'REJECTED' || ENDED.has(at.status) || at.reason === 'modified'
        ? at.reason
        : undefined;
    return Object.freeze({
      orderId: record.orderId,
      exchangeOrderId: leg.id,
      ...(record.tag !== undefined ? { tag: record.tag } : {}),
      instrument: intent.instrument,
      side: intent.side,
      orderType: intent.orderType,
      product: intent.product,
      validity: record.validity,
      variety: record.variety,
      quantity: at.quantity,
      filledQuantity: at.filled,
      pendingQuantity: open ? at.quantity - at.filled : 0,
      cancelledQuantity: ENDED.has(at.status) ? at.quantity - at.filled : 0,
      price: intent.price ?? 0,
      triggerPrice: intent.triggerPrice ?? 0,
      averagePrice: at.average,
      status: at.status,
      ...(message !== undefined ? { statusMessage: message } : {}),
      placedAt: record.placedAt,
      updatedAt: at.time,
    });
  }
}

/** Volume-weighted price of the first fills that add up to `quantity`. */
function averageOfFirst(fills: readonly Fill[], quantity: number): number {
  let left = quantity;
  let value = 0;
  for (const fill of fills) {
    if (left <= 0) break;
    const q = Math.min(left, fill.quantity);
    value += q * fill.price;
    left -= q;
  }
  return quantity === 0 ? 0 : value / quantity;
}
