import type { Bar, Exchange, Fill, Instrument, InstrumentId, Tick, Timeframe } from '@pravah/sdk';
import { z } from 'zod';
import { defer, filter, from, share, switchMap, type Observable } from 'rxjs';
import { InputRejectedError } from '../errors/broker-errors.js';
import type { Broker, BrokerPositions } from '../port/broker.js';
import type { ConnectionState, Funds, Holding, SubscriptionMode } from '../port/account.js';
import {
  CLIENT_TAG_PATTERN,
  type BrokerOrder,
  type OrderAck,
  type OrderModification,
  type OrderRequest,
} from '../port/order-request.js';
import { HttpClient } from '../transport/http-client.js';
import { UPSTOX_BASE_URL, UPSTOX_ORDER_BASE_URL } from './auth/oauth.js';
import type { UpstoxSession } from './auth/upstox-session.js';
import { candleChunks, upstoxCandleSpec } from './candles/candle-plan.js';
import type { UpstoxMarketStatus } from './feed/feed-types.js';
import { UpstoxMarketDataStream } from './feed/market-data-stream.js';
import { UpstoxPortfolioStream } from './feed/portfolio-stream.js';
import { UpstoxInstrumentKeys } from './instruments/instrument-keys.js';
import {
  UPSTOX_INSTRUMENTS_URL,
  downloadUpstoxInstruments,
  type UpstoxInstrumentMaster,
} from './instruments/instrument-master.js';
import type { UpstoxRateLimit } from './rest/api-group-limiter.js';
import { UpstoxRest } from './rest/upstox-rest.js';
import { upstoxFeedMode, upstoxProductOf, upstoxValidityOf } from './wire/enums.js';
import {
  UpstoxAuthorizeSchema,
  UpstoxCandlesSchema,
  UpstoxFundsSchema,
  UpstoxHoldingSchema,
  UpstoxOrderIdsSchema,
  UpstoxOrderSchema,
  UpstoxPositionSchema,
  UpstoxQuotesSchema,
  UpstoxTradeSchema,
} from './wire/schemas.js';
import {
  candlesToBars,
  quoteToTick,
  toBrokerOrder,
  toFill,
  toFunds,
  toHolding,
  toPositions,
} from './wire/to-sdk.js';
import { istDate } from './wire/wire-time.js';

/** Largest number of instrument keys one quote request may carry. */
export const UPSTOX_QUOTE_BATCH = 500;

/** Configuration of an {@link UpstoxBroker}. */
export interface UpstoxBrokerOptions {
  /** From {@link exchangeUpstoxCode}, or built from a stored token and its expiry. */
  readonly session: UpstoxSession;
  /** Default `https://api.upstox.com`. */
  readonly baseUrl?: string;
  /** Host of order place/modify/cancel; default `https://api-hft.upstox.com`. */
  readonly orderBaseUrl?: string;
  /** Default the BOD `complete.json.gz`. */
  readonly instrumentsUrl?: string;
  /** Known id → instrument key pairs; others are looked up in the master on first use. */
  readonly instrumentKeys?: Readonly<Record<string, string>>;
  /** REST timeout; default 10 s. */
  readonly timeoutMs?: number;
  /** Let Upstox split orders above the freeze quantity (v3 `slice`); default true. */
  readonly slice?: boolean;
  readonly now?: () => number;
  readonly standardLimit?: UpstoxRateLimit;
  readonly orderLimit?: UpstoxRateLimit;
  /** Market data socket tuning (tests shorten these). */
  readonly feed?: {
    readonly readTimeoutMs?: number;
    readonly initialBackoffMs?: number;
    readonly maxBackoffMs?: number;
  };
}

/**
 * The Upstox adapter of the {@link Broker} port: v3 orders on the order host, v2 order book,
 * portfolio and funds, full quotes, v3 candles chunked to the per-request limits, the JSON
 * instruments master, Market Data Feed v3 over protobuf and the portfolio stream for order
 * updates. Every payload is validated and mapped to SDK types; failures are typed broker errors.
 *
 * @example
 * ```ts
 * const broker = new UpstoxBroker({ session });
 * const ack = await broker.placeOrder({ instrument: 'NSE:INFY', side: 'BUY', quantity: 1,
 *   orderType: 'MARKET', product: 'MIS', validity: 'DAY', tag: 'pv1a2b3c' });
 * broker.subscribe(['NSE:INFY'], 'ltp').subscribe((tick) => console.log(tick.price));
 * ```
 */
export class UpstoxBroker implements Broker {
  readonly name = 'upstox' as const;
  readonly connectionState$: Observable<ConnectionState>;
  readonly orderUpdates$: Observable<BrokerOrder>;

  private readonly rest: UpstoxRest;
  private readonly keys: UpstoxInstrumentKeys;
  private readonly stream: UpstoxMarketDataStream;
  private readonly portfolio: UpstoxPortfolioStream;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private master: Promise<UpstoxInstrumentMaster> | undefined;

  constructor(private readonly options: UpstoxBrokerOptions) {
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.keys = new UpstoxInstrumentKeys(options.instrumentKeys);
    this.rest = new UpstoxRest({
      baseUrl: options.baseUrl ?? UPSTOX_BASE_URL,
      orderBaseUrl: options.orderBaseUrl ?? UPSTOX_ORDER_BASE_URL,
      session: () => options.session,
      http: new HttpClient('upstox', this.timeoutMs),
      now: this.now,
      ...(options.standardLimit === undefined ? {} : { standardLimit: options.standardLimit }),
      ...(options.orderLimit === undefined ? {} : { orderLimit: options.orderLimit }),
    });
    this.stream = new UpstoxMarketDataStream({
      authorize: () => this.authorizeFeed('/v3/feed/market-data-feed/authorize'),
      ...options.feed,
    });
    this.portfolio = new UpstoxPortfolioStream(
      () =>
        this.authorizeFeed('/v2/feed/portfolio-stream-feed/authorize', { update_types: 'order' }),
      this.keys,
    );
    this.connectionState$ = this.stream.state$;
    this.orderUpdates$ = defer(() => {
      this.portfolio.connect();
      return this.portfolio.orders$;
    }).pipe(share());
  }

  /** Feed frames that failed to decode and were skipped. */
  get malformedFrames(): number {
    return this.stream.malformedFrames;
  }

  /** Segment statuses from the feed's latest `market_info`. */
  get marketStatus(): Readonly<Record<string, UpstoxMarketStatus>> {
    return this.stream.marketStatus;
  }

  /** Market data reconnects so far. */
  get reconnects(): number {
    return this.stream.reconnects;
  }

  async placeOrder(request: OrderRequest): Promise<OrderAck> {
    if (!CLIENT_TAG_PATTERN.test(request.tag)) {
      throw new InputRejectedError(
        `tag ${JSON.stringify(request.tag)} must be 1-20 letters or digits`,
        { broker: 'upstox' },
      );
    }
    const validity = upstoxValidityOf(request.validity);
    const key = await this.keyOf(request.instrument);
    const data = await this.rest.call({
      method: 'POST',
      path: '/v3/order/place',
      group: 'order',
      json: {
        quantity: request.quantity,
        product: upstoxProductOf(request.product),
        validity,
        price: request.price ?? 0,
        tag: request.tag,
        instrument_token: key,
        order_type: request.orderType,
        transaction_type: request.side,
        disclosed_quantity: 0,
        trigger_price: request.triggerPrice ?? 0,
        is_amo: request.variety === 'amo',
        slice: this.options.slice ?? true,
      },
      data: UpstoxOrderIdsSchema,
      what: 'order placement',
    });
    const orderId = data.order_ids?.[0] ?? data.order_id ?? '';
    return { orderId, tag: request.tag };
  }

  async modifyOrder(orderId: string, changes: OrderModification): Promise<OrderAck> {
    const current = await this.orderDetails(orderId);
    const validity = upstoxValidityOf(changes.validity ?? current.validity);
    const data = await this.rest.call({
      method: 'PUT',
      path: '/v3/order/modify',
      group: 'order',
      json: {
        order_id: orderId,
        quantity: changes.quantity ?? current.quantity,
        validity,
        price: changes.price ?? current.price,
        order_type: changes.orderType ?? current.orderType,
        disclosed_quantity: 0,
        trigger_price: changes.triggerPrice ?? current.triggerPrice,
      },
      data: UpstoxOrderIdsSchema,
      what: 'order modification',
    });
    return { orderId: data.order_id ?? data.order_ids?.[0] ?? orderId, tag: current.tag ?? '' };
  }

  async cancelOrder(orderId: string): Promise<OrderAck> {
    const current = await this.orderDetails(orderId);
    const data = await this.rest.call({
      method: 'DELETE',
      path: '/v3/order/cancel',
      group: 'order',
      query: { order_id: orderId },
      data: UpstoxOrderIdsSchema,
      what: 'order cancellation',
    });
    return { orderId: data.order_id ?? data.order_ids?.[0] ?? orderId, tag: current.tag ?? '' };
  }

  async orders(): Promise<readonly BrokerOrder[]> {
    const data = await this.rest.call({
      method: 'GET',
      path: '/v2/order/retrieve-all',
      group: 'standard',
      data: z.array(UpstoxOrderSchema),
      what: 'order book',
    });
    return data.map((o) => toBrokerOrder(o, this.keys));
  }

  async orderByTag(tag: string): Promise<BrokerOrder | undefined> {
    const orders = await this.orders();
    for (let i = orders.length - 1; i >= 0; i--) {
      const order = orders[i];
      if (order?.tag === tag) return order;
    }
    return undefined;
  }

  async orderHistory(orderId: string): Promise<readonly BrokerOrder[]> {
    const data = await this.rest.call({
      method: 'GET',
      path: '/v2/order/history',
      group: 'standard',
      query: { order_id: orderId },
      data: z.array(UpstoxOrderSchema),
      what: 'order history',
    });
    return data.map((o) => toBrokerOrder(o, this.keys));
  }

  async trades(): Promise<readonly Fill[]> {
    const data = await this.rest.call({
      method: 'GET',
      path: '/v2/order/trades/get-trades-for-day',
      group: 'standard',
      data: z.array(UpstoxTradeSchema),
      what: 'trades',
    });
    return data.map((t) => toFill(t, this.keys));
  }

  async positions(): Promise<BrokerPositions> {
    const data = await this.rest.call({
      method: 'GET',
      path: '/v2/portfolio/short-term-positions',
      group: 'standard',
      data: z.array(UpstoxPositionSchema),
      what: 'positions',
    });
    const mapped = data.map((p) => toPositions(p, this.keys));
    return { net: mapped.map((m) => m.net), day: mapped.map((m) => m.day) };
  }

  async holdings(): Promise<readonly Holding[]> {
    const data = await this.rest.call({
      method: 'GET',
      path: '/v2/portfolio/long-term-holdings',
      group: 'standard',
      data: z.array(UpstoxHoldingSchema),
      what: 'holdings',
    });
    return data.map((h) => toHolding(h, this.keys));
  }

  async funds(): Promise<Funds> {
    const data = await this.rest.call({
      method: 'GET',
      path: '/v2/user/get-funds-and-margin',
      group: 'standard',
      query: { segment: 'SEC' },
      data: UpstoxFundsSchema,
      what: 'funds',
    });
    return toFunds(data.equity);
  }

  async instruments(exchange?: Exchange): Promise<readonly Instrument[]> {
    const { instruments } = await this.loadMaster();
    return exchange === undefined
      ? instruments
      : instruments.filter((i) => i.exchange === exchange);
  }

  async historicalCandles(
    instrument: InstrumentId,
    timeframe: Timeframe,
    from: number,
    to: number,
  ): Promise<readonly Bar[]> {
    const spec = upstoxCandleSpec(timeframe);
    const chunks = candleChunks(from, to, spec.maxSpanDays);
    const key = encodeURIComponent(await this.keyOf(instrument));
    const bars = new Map<number, Bar>();
    for (const chunk of chunks) {
      const data = await this.rest.call({
        method: 'GET',
        path: `/v3/historical-candle/${key}/${spec.unit}/${spec.interval}/${chunk.toDate}/${chunk.fromDate}`,
        group: 'standard',
        data: UpstoxCandlesSchema,
        what: 'historical candles',
      });
      candlesToBars(data.candles, instrument, timeframe, bars);
    }
    const today = istDate(this.now());
    if (istDate(from) <= today && today <= istDate(to)) {
      const data = await this.rest.call({
        method: 'GET',
        path: `/v3/historical-candle/intraday/${key}/${spec.unit}/${spec.interval}`,
        group: 'standard',
        data: UpstoxCandlesSchema,
        what: 'intraday candles',
      });
      candlesToBars(data.candles, instrument, timeframe, bars);
    }
    const out: Bar[] = [];
    for (const bar of bars.values()) if (bar.time >= from && bar.time <= to) out.push(bar);
    return out.sort((a, b) => a.time - b.time);
  }

  async quotes(instruments: readonly InstrumentId[]): Promise<ReadonlyMap<InstrumentId, Tick>> {
    const keys: string[] = [];
    for (const id of instruments) keys.push(await this.keyOf(id));
    const out = new Map<InstrumentId, Tick>();
    for (let i = 0; i < keys.length; i += UPSTOX_QUOTE_BATCH) {
      const data = await this.rest.call({
        method: 'GET',
        path: '/v2/market-quote/quotes',
        group: 'standard',
        query: { instrument_key: keys.slice(i, i + UPSTOX_QUOTE_BATCH).join(',') },
        data: UpstoxQuotesSchema,
        what: 'quotes',
      });
      // Keyed by SEGMENT:SYMBOL, not by the key asked for: match on instrument_token.
      for (const quote of Object.values(data)) {
        const id = this.keys.idOf(quote.instrument_token);
        if (id === undefined) continue;
        const tick = quoteToTick(quote, id);
        if (tick !== undefined) out.set(id, tick);
      }
    }
    return out;
  }

  subscribe(instruments: readonly InstrumentId[], mode: SubscriptionMode): Observable<Tick> {
    const wanted = new Set<InstrumentId>(instruments);
    return defer(() => from(this.entriesOf(instruments))).pipe(
      switchMap((entries) => {
        this.stream.subscribe(entries, upstoxFeedMode(mode));
        return this.stream.ticks$.pipe(filter((tick) => wanted.has(tick.instrument)));
      }),
    );
  }

  unsubscribe(instruments: readonly InstrumentId[]): void {
    const keys: string[] = [];
    for (const id of instruments) if (this.keys.has(id)) keys.push(this.keys.keyOf(id));
    this.stream.unsubscribe(keys);
  }

  /** Drops the market data socket as a network failure would (for fault drills). */
  dropMarketData(): void {
    this.stream.terminate();
  }

  close(): Promise<void> {
    this.stream.close();
    this.portfolio.close();
    return Promise.resolve();
  }

  private async authorizeFeed(path: string, query?: Record<string, string>): Promise<string> {
    return this.rest.call({
      method: 'GET',
      path,
      group: 'standard',
      ...(query === undefined ? {} : { query }),
      data: UpstoxAuthorizeSchema,
      what: 'feed authorization',
    });
  }

  private async orderDetails(orderId: string): Promise<BrokerOrder> {
    const data = await this.rest.call({
      method: 'GET',
      path: '/v2/order/details',
      group: 'standard',
      query: { order_id: orderId },
      data: UpstoxOrderSchema,
      what: 'order details',
    });
    return toBrokerOrder(data, this.keys);
  }

  private loadMaster(): Promise<UpstoxInstrumentMaster> {
    this.master ??= downloadUpstoxInstruments(
      this.options.instrumentsUrl ?? UPSTOX_INSTRUMENTS_URL,
      this.timeoutMs * 6,
    ).then(
      (master) => {
        this.keys.addAll(master.instruments);
        return master;
      },
      (error: unknown) => {
        this.master = undefined;
        throw error;
      },
    );
    return this.master;
  }

  private async keyOf(id: InstrumentId): Promise<string> {
    if (!this.keys.has(id)) await this.loadMaster();
    return this.keys.keyOf(id);
  }

  private async entriesOf(
    ids: readonly InstrumentId[],
  ): Promise<{ key: string; id: InstrumentId }[]> {
    const entries: { key: string; id: InstrumentId }[] = [];
    for (const id of ids) entries.push({ key: await this.keyOf(id), id });
    return entries;
  }
}
