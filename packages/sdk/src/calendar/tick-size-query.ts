import type { Exchange, InstrumentType } from '../model/exchange.js';
import type { DateInput } from '../time/iso-date.js';

/** What {@link Calendar.tickSize} needs to know about a contract. */
export interface TickSizeQuery {
  readonly exchange: Exchange;
  readonly type: InstrumentType;
  /**
   * The reference price choosing the slab: the close on the last trading day of the previous
   * month (NSE reviews tick sizes monthly).
   */
  readonly referencePrice: number;
  /** The trading date the tick size is wanted for. */
  readonly date: DateInput;
  /** Derivatives only: index or single-stock underlying. */
  readonly underlyingKind?: 'index' | 'stock';
}
