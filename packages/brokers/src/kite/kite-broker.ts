import {
  splitInstrumentId,
  type Bar,
  type Exchange,
  type Fill,
  type Instrument,
  type InstrumentId,
  type Tick,
  type Timeframe,
} from '@pravah/sdk';
import {
  BehaviorSubject,
  Subject,
  defer,
  filter,
  from,
  map,
  mergeMap,
  type Observable,
  type Subscription,
} from 'rxjs';
import { InputRejectedError } from '../errors/broker-errors.js';
import type { Funds, Holding, SubscriptionMode, ConnectionState } from '../port/account.js';
import type { Broker, BrokerPositions } from '../port/broker.js';
import {
  CLIENT_TAG_PATTERN,
  type BrokerOrder,
  type OrderAck,
  type OrderModification,
  type OrderRequest,
  type OrderVariety,
} from '../port/order-request.js';
import { instrumentFromKite, isTradedKiteRow } from './mapping/instrument-mapping.js';
import { KiteInstrumentMap } from './mapping/instrument-map.js';
import { intervalOfTimeframe } from './mapping/kite-enums.js';
import { barFromKiteCandle, tickFromKiteQuote } from './mapping/market-mapping.js';
import { brokerOrderFromKite } from './mapping/order-mapping.js';
import {
  fillFromKite,
  fundsFromKite,
  holdingFromKite,
  positionFromKite,
} from './mapping/portfolio-mapping.js';
import { tickFromKiteTick } from './mapping/tick-mapping.js';
import { KiteRestClient, type KiteRestClientOptions } from './rest/kite-rest-client.js';
import { KiteTicker, type KiteTickerOptions } from './ticker/kite-ticker.js';
import { KiteOrderSchema } from './wire/order-wire.js';

/** Kite's ticker root. */
export const KITE_TICKER_URL = 'wss://ws.kite.trade/';

/** Options of a {@link KiteBroker}: the REST client's plus the ticker's. */
export interface KiteBrokerOptions extends KiteRestClientOptions {
  /** Ticker root; a fake's `ws://127.0.0.1:<port>/` in tests. Default `wss://ws.kite.trade/`. */
  readonly tickerUrl?: string;
  /** Read timeout and back-off of the ticker connection. */
  readonly ticker?: Pick<KiteTickerOptions, 'readTimeoutMs' | 'initialBackoffMs' | 'maxBackoffMs'>;
  /** Instruments known up front (else the instrument dump is loaded on first need). */
  readonly instruments?: readonly Instrument[];
}

const DERIVATIVE_EXCHANGES: ReadonlySet<Exchange> = new Set(['NFO', 'BFO', 'MCX', 'CDS', 'BCD']);

/** What an order looked like when last emitted, to emit each change once. */
function signature(order: BrokerOrder): string {
  return `${order.status}|${order.filledQuantity}|${order.quantity}|${order.price}|${order.triggerPrice}|${order.updatedAt}`;
}

/**
 * The {@link Broker} port on Zerodha Kite Connect v3: REST through {@link KiteRestClient}, market
 * data and order postbacks through {@link KiteTicker}. Instrument tokens come from the
 * instrument dump (loaded once when first needed). The ticker connects on the first
 * subscription to ticks or order updates; after every (re)connect the order book is read once
 * so that updates missed while disconnected are still emitted, each order state exactly once.
 *
 * @example
 * ```ts
 * const broker = new KiteBroker({ apiKey, accessToken });
 * broker.orderUpdates$.subscribe((order) => console.log(order.orderId, order.status));
 * const ack = await broker.placeOrder({ instrument: 'NSE:INFY', side: 'BUY', quantity: 1,
 *   orderType: 'MARKET', product: 'CNC', validity: 'DAY', tag: 'pv1' });
 * ```
 */
export class KiteBroker implements Broker {
  readonly name = 'kite' as const;
  readonly rest: KiteRestClient;
  readonly connectionState$: Observable<ConnectionState>;
  readonly orderUpdates$: Observable<BrokerOrder>;

  private readonly options: KiteBrokerOptions;
  private readonly instrumentMap: KiteInstrumentMap;
  private instrumentLoad: Promise<void> | undefined;
  private readonly varieties = new Map<string, OrderVariety>();
  private readonly state = new BehaviorSubject<ConnectionState>('closed');
  private readonly updates = new Subject<BrokerOrder>();
  private readonly emitted = new Map<string, string>();
  private readonly tickerSubscriptions: Subscription[] = [];
  private ticker: KiteTicker | undefined;
  private rejectedPostbacks = 0;

  constructor(options: KiteBrokerOptions) {
    this.options = options;
    this.rest = new KiteRestClient(options);
    this.instrumentMap = KiteInstrumentMap.from(options.instruments ?? []);
    this.connectionState$ = this.state.asObservable();
    this.orderUpdates$ = defer(() => {
      this.ensureTicker();
      return this.updates;
    });
  }

  /** Postbacks dropped because they did not match Kite's order schema or mapping. */
  get malformedPostbacks(): number {
    return this.rejectedPostbacks;
  }

  /** Ticker frames that were not valid Kite frames (0 before the ticker starts). */
  get malformedFrames(): number {
    return this.ticker?.malformedFrames ?? 0;
  }

  async placeOrder(request: OrderRequest): Promise<OrderAck> {
    if (!CLIENT_TAG_PATTERN.test(request.tag)) {
      throw new InputRejectedError(
        `tag ${JSON.stringify(request.tag)} must be 1-20 letters or digits (Kite's limit)`,
        { broker: 'kite' },
      );
    }
    const orderId = await this.rest.placeOrder(request);
    this.varieties.set(orderId, request.variety ?? 'regular');
    return { orderId, tag: request.tag };
  }

  async modifyOrder(orderId: string, changes: OrderModification): Promise<OrderAck> {
    const variety = await this.varietyOf(orderId);
    const id = await this.rest.modifyOrder(orderId, changes, variety);
    return { orderId: id, tag: (await this.tagOf(id)) ?? '' };
  }

  async cancelOrder(orderId: string): Promise<OrderAck> {
    const variety = await this.varietyOf(orderId);
    const id = await this.rest.cancelOrder(orderId, variety);
    return { orderId: id, tag: (await this.tagOf(id)) ?? '' };
  }

  orders(): Promise<readonly BrokerOrder[]> {
    return this.rest.orders();
  }

  /** The latest order of today's book placed with this tag. */
  async orderByTag(tag: string): Promise<BrokerOrder | undefined> {
    const orders = await this.rest.orders();
    for (let i = orders.length - 1; i >= 0; i--) if (orders[i]?.tag === tag) return orders[i];
    return undefined;
  }

  orderHistory(orderId: string): Promise<readonly BrokerOrder[]> {
    return this.rest.orderHistory(orderId);
  }

  async trades(): Promise<readonly Fill[]> {
    return (await this.rest.trades()).map(fillFromKite);
  }

  async positions(): Promise<BrokerPositions> {
    const { net, day } = await this.rest.positions();
    return { net: net.map(positionFromKite), day: day.map(positionFromKite) };
  }

  async holdings(): Promise<readonly Holding[]> {
    return (await this.rest.holdings()).map(holdingFromKite);
  }

  /** Funds of the equity segment. */
  async funds(): Promise<Funds> {
    return fundsFromKite((await this.rest.margins()).equity);
  }

  /** Kite's instrument dump for Pravah's exchanges; also refreshes the token map. */
  async instruments(exchange?: Exchange): Promise<readonly Instrument[]> {
    const rows = await this.rest.instruments(exchange);
    const instruments = rows.filter(isTradedKiteRow).map(instrumentFromKite);
    for (const i of instruments) {
      const token = i.brokerTokens?.kite;
      if (token !== undefined) this.instrumentMap.add(Number(token), i.id);
    }
    return instruments;
  }

  async historicalCandles(
    instrument: InstrumentId,
    timeframe: Timeframe,
    fromTime: number,
    to: number,
  ): Promise<readonly Bar[]> {
    const interval = intervalOfTimeframe(timeframe);
    if (interval === undefined) {
      throw new InputRejectedError(
        `Kite has no ${timeframe} candles: use 1m, 3m, 5m, 10m, 15m, 30m, 60m or 1d`,
        { broker: 'kite' },
      );
    }
    const token = await this.tokenOf(instrument);
    const oi = DERIVATIVE_EXCHANGES.has(splitInstrumentId(instrument).exchange);
    const candles = await this.rest.historical(token, interval, fromTime, to, { oi });
    return candles.map((c) => barFromKiteCandle(instrument, timeframe, c));
  }

  async quotes(instruments: readonly InstrumentId[]): Promise<ReadonlyMap<InstrumentId, Tick>> {
    const quotes = await this.rest.quote(instruments);
    const ticks = new Map<InstrumentId, Tick>();
    for (const id of instruments) {
      const quote = quotes.get(id);
      const tick = quote === undefined ? undefined : tickFromKiteQuote(id, quote);
      if (tick !== undefined) ticks.set(id, tick);
    }
    return ticks;
  }

  subscribe(instruments: readonly InstrumentId[], mode: SubscriptionMode): Observable<Tick> {
    const wanted = new Set(instruments);
    return from(this.tokensOf(instruments)).pipe(
      mergeMap((tokens) => {
        const ticker = this.ensureTicker();
        ticker.subscribe(tokens, mode);
        return ticker.ticks$;
      }),
      map((tick) => {
        const id = this.instrumentMap.idOf(tick.instrumentToken);
        return id !== undefined && wanted.has(id)
          ? tickFromKiteTick(tick, id, Date.now())
          : undefined;
      }),
      filter((tick): tick is Tick => tick !== undefined),
    );
  }

  unsubscribe(instruments: readonly InstrumentId[]): void {
    if (this.ticker === undefined) return;
    const tokens: number[] = [];
    for (const id of instruments) {
      const token = this.instrumentMap.tokenOf(id);
      if (token !== undefined) tokens.push(token);
    }
    this.ticker.unsubscribe(tokens);
  }

  close(): Promise<void> {
    for (const s of this.tickerSubscriptions) s.unsubscribe();
    this.ticker?.close();
    this.ticker = undefined;
    this.state.next('closed');
    this.state.complete();
    this.updates.complete();
    return Promise.resolve();
  }

  private ensureTicker(): KiteTicker {
    if (this.ticker !== undefined) return this.ticker;
    const accessToken = this.rest.currentAccessToken;
    if (accessToken === undefined) {
      throw new InputRejectedError('no Kite session: createSession or pass accessToken first', {
        broker: 'kite',
      });
    }
    const ticker = new KiteTicker({
      ...this.options.ticker,
      url: this.options.tickerUrl ?? KITE_TICKER_URL,
      apiKey: this.rest.apiKey,
      accessToken,
    });
    this.ticker = ticker;
    this.tickerSubscriptions.push(
      ticker.state$.subscribe((state) => {
        this.state.next(state);
        if (state === 'connected') void this.reconcileOrders();
      }),
      ticker.postbacks$.subscribe((payload) => this.onPostback(payload)),
    );
    ticker.connect();
    return ticker;
  }

  private onPostback(payload: unknown): void {
    const wire = KiteOrderSchema.safeParse(payload);
    if (!wire.success) {
      this.rejectedPostbacks += 1;
      return;
    }
    let order: BrokerOrder;
    try {
      order = brokerOrderFromKite(wire.data);
    } catch {
      this.rejectedPostbacks += 1;
      return;
    }
    this.emit(order);
  }

  // Postbacks sent while the socket was down are lost; the order book is the truth.
  private async reconcileOrders(): Promise<void> {
    try {
      for (const order of await this.rest.orders()) this.emit(order);
    } catch {
      // The next reconnect or postback brings the state; REST callers see the error themselves.
    }
  }

  private emit(order: BrokerOrder): void {
    const sig = signature(order);
    if (this.emitted.get(order.orderId) === sig) return;
    this.emitted.set(order.orderId, sig);
    this.updates.next(order);
  }

  private async varietyOf(orderId: string): Promise<OrderVariety> {
    const known = this.varieties.get(orderId);
    if (known !== undefined) return known;
    const history = await this.rest.orderHistory(orderId);
    return history.at(-1)?.variety ?? 'regular';
  }

  private async tagOf(orderId: string): Promise<string | undefined> {
    return (await this.rest.orders()).find((o) => o.orderId === orderId)?.tag;
  }

  private async tokenOf(instrument: InstrumentId): Promise<number> {
    const [token] = await this.tokensOf([instrument]);
    return token as number;
  }

  private async tokensOf(instruments: readonly InstrumentId[]): Promise<number[]> {
    if (instruments.some((id) => this.instrumentMap.tokenOf(id) === undefined)) {
      this.instrumentLoad ??= this.instruments().then(() => undefined);
      await this.instrumentLoad;
    }
    return instruments.map((id) => {
      const token = this.instrumentMap.tokenOf(id);
      if (token === undefined) {
        throw new InputRejectedError(`Kite's instrument dump has no ${id}`, { broker: 'kite' });
      }
      return token;
    });
  }
}
