import Decimal from 'decimal.js';
import type { Fill, InstrumentId, PositionView, Product } from '@pravah/sdk';
import { decimalToNumber } from '../money/decimal-to-number.js';

/** A closed (part of a) position, reported to the trade builder. */
export interface Closing {
  readonly instrument: InstrumentId;
  readonly product: Product;
  /** Direction of the position that was closed. */
  readonly side: 'long' | 'short';
  readonly quantity: number;
  readonly entryTime: number;
  readonly entryPrice: number;
  readonly exitTime: number;
  readonly exitPrice: number;
  readonly grossPnl: Decimal;
  /** Entry charges allocated pro rata to the closed quantity, plus the exit fill's share. */
  readonly charges: Decimal;
}

/** One open position's books. Cost basis in decimals; marks in numbers (they are not booked). */
interface Book {
  readonly instrument: InstrumentId;
  readonly product: Product;
  quantity: number;
  /** Σ signed quantity × price of the open lots (average-cost method). */
  costBasis: Decimal;
  /** Entry charges not yet allocated to a closing. */
  openCharges: Decimal;
  openedAt: number;
  lastPrice: number;
}

/**
 * Ledger arithmetic runs at 40 significant digits so that average-cost divisions on large books
 * never lose a paisa; the default 20 digits is not enough for ₹10 crore books with fractional costs.
 */
const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
const ZERO = new Money(0);

/** Fill prices are numbers; drop binary noise (89.30000000000001) before they are booked. */
function bookedPrice(price: number): Decimal {
  const exact = new Money(price);
  return exact.decimalPlaces() <= 6 ? exact : exact.toDecimalPlaces(6);
}

/**
 * The backtest's books: cash and realised P&L in decimal.js (money that is booked), positions
 * at average cost, marks as numbers. Booking a fill moves cash by its value and its charges;
 * equity = cash + Σ quantity × last price, so the ledger always balances by construction.
 *
 * Margin is kept simple and explicit: buying power is `equity × leverage − gross exposure`,
 * with leverage 1 unless configured; shorts are allowed for MIS and NRML only.
 */
export class Ledger {
  private cashValue: Decimal;
  private cashNumber: number;
  /** Open books per instrument (one per product held, so at most three). */
  private readonly byInstrument = new Map<InstrumentId, Book[]>();
  /** Σ quantity × lastPrice over open positions; recomputed lazily after marks (exact, no drift). */
  private marked = 0;
  private markDirty = false;
  private realised = ZERO;
  private charges = ZERO;
  /** Realised P&L net of charges as a number, refreshed on every fill: guards read it per event. */
  private netRealisedNumber = 0;
  private turnover = ZERO;

  constructor(initialCash: Decimal.Value) {
    this.cashValue = new Money(initialCash);
    this.cashNumber = decimalToNumber(this.cashValue);
  }

  cash(): Decimal {
    return this.cashValue;
  }

  cashAsNumber(): number {
    return this.cashNumber;
  }

  /** Cash + marked value of open positions. */
  equity(): number {
    if (this.markDirty) {
      let sum = 0;
      for (const list of this.byInstrument.values())
        for (const b of list) sum += b.quantity * b.lastPrice;
      this.marked = sum;
      this.markDirty = false;
    }
    return this.cashNumber + this.marked;
  }

  /** Σ |quantity| × last price. */
  grossExposure(): number {
    let sum = 0;
    for (const list of this.byInstrument.values())
      for (const b of list) sum += Math.abs(b.quantity * b.lastPrice);
    return sum;
  }

  /** True while any position is open. */
  hasPositions(): boolean {
    return this.byInstrument.size > 0;
  }

  realisedPnl(): Decimal {
    return this.realised;
  }

  /** Realised P&L minus all charges so far, as a number (cheap; updated per fill). */
  netRealised(): number {
    return this.netRealisedNumber;
  }

  totalCharges(): Decimal {
    return this.charges;
  }

  totalTurnover(): Decimal {
    return this.turnover;
  }

  quantity(instrument: InstrumentId, product?: Product): number {
    let q = 0;
    for (const b of this.byInstrument.get(instrument) ?? NONE)
      if (product === undefined || b.product === product) q += b.quantity;
    return q;
  }

  /** Updates the mark of every position in `instrument`. O(products held), usually O(1). */
  mark(instrument: InstrumentId, price: number): void {
    const list = this.byInstrument.get(instrument);
    if (list === undefined) return;
    for (const b of list) b.lastPrice = price;
    this.markDirty = true;
  }

  /**
   * Books a fill (with its charges, if any) and returns the closings it caused, for the trade
   * list. A fill that flips a position closes it and opens the rest the other way.
   */
  book(fill: Fill): Closing[] {
    const signed = fill.side === 'BUY' ? fill.quantity : -fill.quantity;
    const price = bookedPrice(fill.price);
    const value = price.mul(fill.quantity);
    const fillCharges = fill.charges ? new Money(fill.charges.total) : ZERO;
    const traded = fill.side === 'BUY' ? this.cashValue.sub(value) : this.cashValue.add(value);
    this.cashValue = fillCharges === ZERO ? traded : traded.sub(fillCharges);
    this.cashNumber = decimalToNumber(this.cashValue);
    if (fillCharges !== ZERO) this.charges = this.charges.add(fillCharges);
    this.turnover = this.turnover.add(value);

    let list = this.byInstrument.get(fill.instrument);
    if (list === undefined) {
      list = [];
      this.byInstrument.set(fill.instrument, list);
    }
    let b = list.find((x) => x.product === fill.product);
    if (b === undefined) {
      b = {
        instrument: fill.instrument,
        product: fill.product,
        quantity: 0,
        costBasis: ZERO,
        openCharges: ZERO,
        openedAt: fill.time,
        lastPrice: fill.price,
      };
      list.push(b);
    }
    b.lastPrice = fill.price;
    this.markDirty = true;

    const closings: Closing[] = [];
    let remaining = signed;
    let chargesLeft = fillCharges;
    if (b.quantity !== 0 && Math.sign(b.quantity) !== Math.sign(signed)) {
      const closeQty = Math.min(Math.abs(b.quantity), Math.abs(signed));
      const whole = closeQty === Math.abs(b.quantity);
      // Multiply before dividing so that exact shares stay exact (1300 × 4 / 26 = 200).
      const open = Math.abs(b.quantity);
      const basisClosed = whole ? b.costBasis : b.costBasis.mul(closeQty).div(open);
      const entryCharges = whole ? b.openCharges : b.openCharges.mul(closeQty).div(open);
      const exitCharges =
        closeQty === fill.quantity ? fillCharges : fillCharges.mul(closeQty).div(fill.quantity);
      const sideSign = b.quantity > 0 ? 1 : -1;
      // Long: proceeds − cost; short: cost − proceeds.
      const gross = price.mul(closeQty * sideSign).sub(basisClosed);
      closings.push({
        instrument: b.instrument,
        product: b.product,
        side: b.quantity > 0 ? 'long' : 'short',
        quantity: closeQty,
        entryTime: b.openedAt,
        // |basis| / q = |basis / q|: half-even rounding is symmetric in sign.
        entryPrice: Math.abs(decimalToNumber(basisClosed.div(closeQty))),
        exitTime: fill.time,
        exitPrice: fill.price,
        grossPnl: gross,
        charges: entryCharges === ZERO ? exitCharges : entryCharges.add(exitCharges),
      });
      this.realised = this.realised.add(gross);
      b.quantity -= sideSign * closeQty;
      remaining += sideSign * closeQty;
      // A whole close leaves nothing on the book (it is reset or removed below).
      if (!whole) {
        b.costBasis = b.costBasis.sub(basisClosed);
        b.openCharges = b.openCharges.sub(entryCharges);
      }
      // What is left of the fill's charges matters only if the fill opens the other way.
      if (remaining !== 0) chargesLeft = chargesLeft.sub(exitCharges);
    }
    if (remaining !== 0) {
      if (b.quantity === 0) {
        b.openedAt = fill.time;
        b.costBasis = ZERO;
        b.openCharges = ZERO;
      }
      b.costBasis = b.costBasis.add(price.mul(remaining));
      b.openCharges = b.openCharges === ZERO ? chargesLeft : b.openCharges.add(chargesLeft);
      b.quantity += remaining;
    }
    this.netRealisedNumber = decimalToNumber(this.realised.sub(this.charges));
    if (b.quantity === 0) {
      list.splice(list.indexOf(b), 1);
      if (list.length === 0) this.byInstrument.delete(fill.instrument);
    }
    return closings;
  }

  /** Open positions, in a stable order (instrument, then product). */
  positions(): PositionView[] {
    return [...this.byInstrument.values()]
      .flat()
      .sort((a, b) =>
        a.instrument < b.instrument
          ? -1
          : a.instrument > b.instrument
            ? 1
            : a.product < b.product
              ? -1
              : 1,
      )
      .map((b) => this.view(b));
  }

  position(instrument: InstrumentId): PositionView | undefined {
    const b = this.byInstrument.get(instrument)?.[0];
    return b === undefined ? undefined : this.view(b);
  }

  private view(b: Book): PositionView {
    const average = b.quantity === 0 ? 0 : decimalToNumber(b.costBasis.div(b.quantity));
    return {
      instrument: b.instrument,
      product: b.product,
      quantity: b.quantity,
      averagePrice: average,
      lastPrice: b.lastPrice,
      unrealisedPnl: b.quantity * (b.lastPrice - average),
    };
  }
}

const NONE: readonly Book[] = [];
