import type { InstrumentId, Position, Product, Side } from '@pravah/sdk';

/** One net position the runtime tracks. Mutable internal state. */
export interface BookPosition {
  readonly instrument: InstrumentId;
  readonly product: Product;
  quantity: number;
  averagePrice: number;
  lastPrice: number;
  realised: number;
}

/**
 * Net positions per instrument and product, in numbers: seeded from the broker at start-up,
 * then moved by fill deltas, marked by ticks. Realised P&L is gross of charges.
 *
 * @example
 * ```ts
 * const book = new PositionBook();
 * book.fill('NSE:INFY', 'MIS', 'BUY', 10, 1500);
 * book.fill('NSE:INFY', 'MIS', 'SELL', 10, 1510);
 * book.realised(); // 100
 * ```
 */
export class PositionBook {
  private readonly positions = new Map<string, BookPosition>();
  private readonly byInstrument = new Map<InstrumentId, BookPosition[]>();

  /** Starts from the broker's net positions. */
  seed(positions: readonly Position[]): void {
    for (const p of positions) {
      const position = this.get(p.instrument, p.product);
      position.quantity = p.quantity;
      position.averagePrice = p.averagePrice;
      position.lastPrice = p.lastPrice > 0 ? p.lastPrice : p.averagePrice;
    }
  }

  /** Books an execution. */
  fill(
    instrument: InstrumentId,
    product: Product,
    side: Side,
    quantity: number,
    price: number,
  ): void {
    const p = this.get(instrument, product);
    const signed = side === 'BUY' ? quantity : -quantity;
    const held = p.quantity;
    if (held === 0 || Math.sign(held) === Math.sign(signed)) {
      const total = held + signed;
      p.averagePrice = (Math.abs(held) * p.averagePrice + quantity * price) / Math.abs(total);
      p.quantity = total;
    } else {
      const closed = Math.min(Math.abs(held), quantity);
      p.realised += closed * (price - p.averagePrice) * Math.sign(held);
      p.quantity = held + signed;
      if (p.quantity === 0) p.averagePrice = 0;
      else if (Math.sign(p.quantity) !== Math.sign(held)) p.averagePrice = price;
    }
    p.lastPrice = price;
  }

  /** Marks every position in an instrument at a price. */
  mark(instrument: InstrumentId, price: number): void {
    const list = this.byInstrument.get(instrument);
    if (list === undefined) return;
    for (const p of list) p.lastPrice = price;
  }

  quantity(instrument: InstrumentId): number {
    let total = 0;
    for (const p of this.byInstrument.get(instrument) ?? []) total += p.quantity;
    return total;
  }

  all(): readonly BookPosition[] {
    return [...this.positions.values()];
  }

  realised(): number {
    let total = 0;
    for (const p of this.positions.values()) total += p.realised;
    return total;
  }

  unrealised(): number {
    let total = 0;
    for (const p of this.positions.values()) total += p.quantity * (p.lastPrice - p.averagePrice);
    return total;
  }

  grossExposure(): number {
    let total = 0;
    for (const p of this.positions.values()) total += Math.abs(p.quantity) * p.lastPrice;
    return total;
  }

  private get(instrument: InstrumentId, product: Product): BookPosition {
    const key = `${instrument}|${product}`;
    let p = this.positions.get(key);
    if (p === undefined) {
      p = { instrument, product, quantity: 0, averagePrice: 0, lastPrice: 0, realised: 0 };
      this.positions.set(key, p);
      const list = this.byInstrument.get(instrument) ?? [];
      list.push(p);
      this.byInstrument.set(instrument, list);
    }
    return p;
  }
}
