import type {
  Bar,
  Fill,
  Instrument,
  InstrumentId,
  Exchange,
  Position,
  Tick,
  Timeframe,
} from '@pravah/sdk';
import type { Observable } from 'rxjs';
import type { BrokerName } from '../errors/broker-error.js';
import type { ConnectionState, Funds, Holding, SubscriptionMode } from './account.js';
import type { BrokerOrder, OrderAck, OrderModification, OrderRequest } from './order-request.js';

/** Net positions (carried + today) and today's positions, as brokers report both. */
export interface BrokerPositions {
  readonly net: readonly Position[];
  readonly day: readonly Position[];
}

/**
 * The one interface every broker adapter (Kite, Upstox, SmartAPI) and the PaperBroker
 * implement. Everything is in SDK types; wire formats never leak out. Failures are
 * {@link BrokerError} subclasses: TokenExpired, InputRejected, OrderRejected, InsufficientFunds,
 * RateLimited, Network, BrokerUnavailable.
 *
 * @example
 * ```ts
 * const ack = await broker.placeOrder({ instrument: 'NSE:INFY', side: 'BUY', quantity: 1,
 *   orderType: 'MARKET', product: 'MIS', validity: 'DAY', tag: 'pv1a2b3c' });
 * const order = await broker.orderByTag('pv1a2b3c');
 * ```
 */
export interface Broker {
  readonly name: BrokerName;

  /** Places an order; resolves with the broker's order id. */
  placeOrder(request: OrderRequest): Promise<OrderAck>;
  /** Changes an open order; resolves with its order id. */
  modifyOrder(orderId: string, changes: OrderModification): Promise<OrderAck>;
  /** Cancels an open order; resolves with its order id. */
  cancelOrder(orderId: string): Promise<OrderAck>;

  /** Today's order book. */
  orders(): Promise<readonly BrokerOrder[]>;
  /** The order placed with this client tag today, or undefined when the broker has none. */
  orderByTag(tag: string): Promise<BrokerOrder | undefined>;
  /** Every state an order went through, oldest first. */
  orderHistory(orderId: string): Promise<readonly BrokerOrder[]>;
  /** Today's executions. */
  trades(): Promise<readonly Fill[]>;
  positions(): Promise<BrokerPositions>;
  holdings(): Promise<readonly Holding[]>;
  funds(): Promise<Funds>;

  /** The broker's instrument master mapped to SDK instruments (one exchange, or all). */
  instruments(exchange?: Exchange): Promise<readonly Instrument[]>;
  /** Candles oldest first, chunked by the broker's per-request span limits. */
  historicalCandles(
    instrument: InstrumentId,
    timeframe: Timeframe,
    from: number,
    to: number,
  ): Promise<readonly Bar[]>;
  /** Latest quote per instrument, batched to the broker's per-request maximum. */
  quotes(instruments: readonly InstrumentId[]): Promise<ReadonlyMap<InstrumentId, Tick>>;

  /**
   * Streams ticks for the instruments (adds to the current subscription). The stream survives
   * reconnects: the adapter resubscribes; malformed frames are counted and skipped.
   */
  subscribe(instruments: readonly InstrumentId[], mode: SubscriptionMode): Observable<Tick>;
  /** Removes instruments from the market data subscription. */
  unsubscribe(instruments: readonly InstrumentId[]): void;
  /** State of the market data connection; replays the current state to new subscribers. */
  readonly connectionState$: Observable<ConnectionState>;
  /** Order updates pushed by the broker (postbacks / portfolio stream). */
  readonly orderUpdates$: Observable<BrokerOrder>;

  /** Closes sockets and timers. */
  close(): Promise<void>;
}
