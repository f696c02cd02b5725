import type Decimal from 'decimal.js';
import type { Product } from './exchange.js';
import type { InstrumentId } from './instrument.js';

/** A net position in one instrument and product. */
export interface Position {
  readonly instrument: InstrumentId;
  readonly product: Product;
  /** Signed units. */
  readonly quantity: number;
  /** Average entry price of the open quantity (0 when flat). */
  readonly averagePrice: number;
  /** Realised P&L booked on this position so far, before charges. */
  readonly realisedPnl: Decimal;
  /** Last price used to mark the position. */
  readonly lastPrice: number;
}
