import type { Observable } from 'rxjs';
import type { Instrument, InstrumentId } from '../model/instrument.js';
import type { MarketEvent } from '../model/market-event.js';
import type { Order } from '../model/order.js';
import type { Product } from '../model/exchange.js';

/** The run's clock. In a backtest it is the time of the event being handled. */
export interface Clock {
  /** Current time, epoch ms (UTC). */
  now(): number;
}

/** Read-only view of one position, in numbers (booked money lives in the ledger as decimals). */
export interface PositionView {
  readonly instrument: InstrumentId;
  readonly product: Product;
  /** Signed units. */
  readonly quantity: number;
  readonly averagePrice: number;
  /** Last price the position was marked at. */
  readonly lastPrice: number;
  readonly unrealisedPnl: number;
}

/** Realised and marked (realised + unrealised change) P&L over a period, net of charges. */
export interface PeriodPnl {
  readonly realised: number;
  readonly marked: number;
}

/** Synchronous, read-only view of the portfolio that stages may consult. */
export interface PortfolioView {
  cash(): number;
  equity(): number;
  /** Highest equity seen so far in the run. */
  peakEquity(): number;
  /** Equity at the start of the current IST trading day. */
  startOfDayEquity(): number;
  /** Equity at the start of the current IST week. */
  startOfWeekEquity(): number;
  /** Net signed position in an instrument (0 when flat), across products. */
  positionQuantity(instrument: InstrumentId): number;
  position(instrument: InstrumentId): PositionView | undefined;
  positions(): readonly PositionView[];
  /** Open (not yet terminal) orders, optionally for one instrument. */
  openOrders(instrument?: InstrumentId): readonly Order[];
  today(): PeriodPnl;
  thisWeek(): PeriodPnl;
}

/** Instrument metadata lookup. */
export interface InstrumentRegistry {
  /** Throws an UnknownInstrumentError when the id is not known. */
  get(id: InstrumentId): Instrument;
  has(id: InstrumentId): boolean;
  all(): readonly Instrument[];
}

/** Minimal structured logger: runtimes route it to pino, the console or nowhere. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * What every stage factory receives. Runtimes (backtest, paper, live) implement it; strategies
 * only read from it.
 */
export interface StrategyContext<P = unknown> {
  readonly clock: Clock;
  readonly portfolio: PortfolioView;
  readonly instruments: InstrumentRegistry;
  /** The strategy's parameters, validated by its zod schema with defaults applied. */
  readonly params: Readonly<P>;
  readonly logger: Logger;
  /**
   * Every market event, emitted before the signal stage sees it. Stages that act on time or
   * price rather than on their input (trailing stops, time exits, order time-to-live) listen here.
   */
  readonly market$: Observable<MarketEvent>;
}
