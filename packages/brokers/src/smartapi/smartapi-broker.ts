import type { Bar, Exchange, Fill, Instrument, InstrumentId, Tick, Timeframe } from '@pravah/sdk';
import { defer, filter, map, Observable, share, type Observable as Obs } from 'rxjs';
import { z } from 'zod';
import { InputRejectedError } from '../errors/broker-errors.js';
import type { ConnectionState, Funds, Holding, SubscriptionMode } from '../port/account.js';
import type { Broker, BrokerPositions } from '../port/broker.js';
import type {
  BrokerOrder,
  OrderAck,
  OrderModification,
  OrderRequest,
} from '../port/order-request.js';
import { HttpClient } from '../transport/http-client.js';
import { mapPositions, mapRms, mapWireHolding, mapWireTrade } from './smartapi-account.js';
import { appendCandles, candleChunks, candleRequestBody } from './smartapi-candles.js';
import {
  QUOTE_BATCH_SIZE,
  SCRIP_MASTER_URL,
  SMARTAPI_BASE_URL,
  SMARTAPI_FEED_URL,
  SMARTAPI_ORDER_FEED_URL,
} from './smartapi-endpoints.js';
import { exchangeToSmartApi, exchangeTypeOf, modeOf } from './smartapi-enums.js';
import {
  mapScripRecord,
  SmartApiInstrumentIndex,
  type SmartApiInstrument,
} from './smartapi-instruments.js';
import { SmartApiMarketFeed } from './smartapi-market-feed.js';
import { SmartApiOrderFeed } from './smartapi-order-feed.js';
import { mapWireOrder, modifyOrderBody, placeOrderBody } from './smartapi-orders.js';
import { parsePayload, SmartApiRestClient, type SmartApiTokens } from './smartapi-rest-client.js';
import {
  smartApiLogin,
  smartApiLogout,
  smartApiRefresh,
  type SmartApiCredentials,
} from './smartapi-session.js';
import { tickOfQuote, tickOfSmartApi } from './smartapi-ticks.js';
import {
  CandlesDataSchema,
  OrderIdDataSchema,
  PositionsDataSchema,
  QuoteDataSchema,
  RmsSchema,
  ScripRecordSchema,
  WireHoldingSchema,
  WireOrderSchema,
  WireTradeSchema,
  type WireOrder,
} from './smartapi-wire-schemas.js';

/** Everything a {@link SmartApiBroker} needs; only credentials and the API key are required. */
export interface SmartApiBrokerOptions extends SmartApiCredentials {
  /** The SmartAPI app's key (`X-PrivateKey`, socket `x-api-key`). */
  readonly apiKey: string;
  readonly baseUrl?: string;
  readonly feedUrl?: string;
  readonly orderFeedUrl?: string;
  /** Scrip master JSON location. */
  readonly instrumentsUrl?: string;
  readonly clientLocalIp?: string;
  readonly clientPublicIp?: string;
  readonly macAddress?: string;
  /** REST timeout per request; default 7000 ms. */
  readonly timeoutMs?: number;
  /** Market socket `ping` interval (default 30 s) and silence before reconnecting (45 s). */
  readonly pingIntervalMs?: number;
  readonly readTimeoutMs?: number;
  /** First reconnect delay of both sockets; default 250 ms. */
  readonly reconnectBackoffMs?: number;
  readonly fetch?: typeof fetch;
}

const nullableArray = <T extends z.ZodType>(item: T) =>
  z.union([z.array(item), z.null()]).transform((rows) => rows ?? []);
const OrderBookSchema = nullableArray(WireOrderSchema);
const TradeBookSchema = nullableArray(WireTradeSchema);
const HoldingsSchema = nullableArray(WireHoldingSchema);

/**
 * Angel One SmartAPI adapter of the {@link Broker} port: a thin client on `fetch` and `ws`.
 * Login by client code, PIN and TOTP; REST calls rate-limited per route as documented; every
 * payload validated and mapped to SDK types; SmartWebSocket V2 ticks decoded from binary; order
 * updates from the order-update socket. The client tag travels as `ordertag`.
 *
 * @example
 * ```ts
 * const broker = await SmartApiBroker.login({ apiKey, clientCode: 'A123456', pin: '1234',
 *   totpSecret: process.env.ANGEL_TOTP_SECRET! });
 * const ack = await broker.placeOrder({ instrument: 'NSE:SBIN', side: 'BUY', quantity: 1,
 *   orderType: 'MARKET', product: 'MIS', validity: 'DAY', tag: 'pv1a2b3c' });
 * broker.subscribe(['NSE:SBIN'], 'full').subscribe((tick) => console.log(tick.price));
 * ```
 */
export class SmartApiBroker implements Broker {
  readonly name = 'smartapi' as const;
  readonly rest: SmartApiRestClient;
  readonly marketFeed: SmartApiMarketFeed;
  readonly orderFeed: SmartApiOrderFeed;
  readonly connectionState$: Obs<ConnectionState>;
  readonly orderUpdates$: Obs<BrokerOrder>;
  private readonly http: HttpClient;
  private indexPromise: Promise<SmartApiInstrumentIndex> | undefined;
  private index: SmartApiInstrumentIndex | undefined;
  private readonly ticks$: Obs<Tick>;
  private readonly varieties = new Map<string, string>();

  /** Logs in and returns a ready broker. */
  static async login(options: SmartApiBrokerOptions): Promise<SmartApiBroker> {
    const broker = new SmartApiBroker(options);
    await smartApiLogin(broker.rest, options);
    return broker;
  }

  constructor(private readonly options: SmartApiBrokerOptions) {
    this.rest = new SmartApiRestClient({
      baseUrl: options.baseUrl ?? SMARTAPI_BASE_URL,
      apiKey: options.apiKey,
      ...pick(options, ['clientLocalIp', 'clientPublicIp', 'macAddress', 'timeoutMs', 'fetch']),
    });
    this.http = new HttpClient('smartapi', 60_000, options.fetch ?? fetch);
    const tokens = (): SmartApiTokens | undefined => this.rest.tokens;
    const backoff =
      options.reconnectBackoffMs === undefined
        ? {}
        : { initialBackoffMs: options.reconnectBackoffMs };
    this.marketFeed = new SmartApiMarketFeed({
      url: options.feedUrl ?? SMARTAPI_FEED_URL,
      apiKey: options.apiKey,
      clientCode: options.clientCode,
      tokens,
      ...pick(options, ['pingIntervalMs', 'readTimeoutMs']),
      ...backoff,
    });
    this.orderFeed = new SmartApiOrderFeed({
      url: options.orderFeedUrl ?? SMARTAPI_ORDER_FEED_URL,
      tokens,
      ...backoff,
    });
    this.connectionState$ = this.marketFeed.state$;
    this.orderUpdates$ = defer(() => {
      this.orderFeed.connect();
      return this.orderFeed.orders$;
    }).pipe(share());
    this.ticks$ = this.marketFeed.packets$.pipe(
      map((packet) => {
        const entry = this.index?.byToken(packet.exchangeType, packet.token);
        return entry === undefined ? undefined : tickOfSmartApi(packet, entry.instrument.id);
      }),
      filter((tick): tick is Tick => tick !== undefined),
      share(),
    );
  }

  /** Logs in again (new TOTP) after a TokenExpiredError. */
  async login(): Promise<void> {
    await smartApiLogin(this.rest, this.options);
  }

  /** Swaps the refresh token for fresh JWT and feed tokens (generateTokens). */
  async refreshSession(): Promise<void> {
    await smartApiRefresh(this.rest);
  }

  /** Ends the session at SmartAPI. */
  async logout(): Promise<void> {
    await smartApiLogout(this.rest, this.options.clientCode);
  }

  async placeOrder(request: OrderRequest): Promise<OrderAck> {
    const entry = await this.entryOf(request.instrument);
    const body = placeOrderBody(request, entry);
    const data = await this.rest.call('placeOrder', OrderIdDataSchema, { body });
    this.varieties.set(data.orderid, body.variety ?? 'NORMAL');
    return { orderId: data.orderid, tag: request.tag };
  }

  async modifyOrder(orderId: string, changes: OrderModification): Promise<OrderAck> {
    const current = await this.wireOrder(orderId);
    const data = await this.rest.call('modifyOrder', OrderIdDataSchema, {
      body: modifyOrderBody(current, changes),
    });
    return { orderId: data.orderid, tag: current.ordertag };
  }

  async cancelOrder(orderId: string): Promise<OrderAck> {
    let variety = this.varieties.get(orderId);
    let tag = '';
    if (variety === undefined) {
      const current = await this.wireOrder(orderId);
      variety = current.variety;
      tag = current.ordertag;
    }
    const data = await this.rest.call('cancelOrder', OrderIdDataSchema, {
      body: { variety, orderid: orderId },
    });
    return { orderId: data.orderid, tag };
  }

  async orders(): Promise<readonly BrokerOrder[]> {
    const now = Date.now();
    return (await this.orderBook()).map((row) => mapWireOrder(row, now));
  }

  async orderByTag(tag: string): Promise<BrokerOrder | undefined> {
    const rows = await this.orderBook();
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i];
      if (row?.ordertag === tag) return mapWireOrder(row);
    }
    return undefined;
  }

  /** SmartAPI keeps no per-order history: this is the current state from `details`. */
  async orderHistory(orderId: string): Promise<readonly BrokerOrder[]> {
    const current = await this.wireOrder(orderId);
    if (current.uniqueorderid === '') return [mapWireOrder(current)];
    const details = await this.rest.call('orderDetails', WireOrderSchema, {
      pathSuffix: `/${encodeURIComponent(current.uniqueorderid)}`,
    });
    return [mapWireOrder(details)];
  }

  async trades(): Promise<readonly Fill[]> {
    const now = Date.now();
    return (await this.rest.call('tradeBook', TradeBookSchema)).map((row) =>
      mapWireTrade(row, now),
    );
  }

  async positions(): Promise<BrokerPositions> {
    return mapPositions(await this.rest.call('positions', PositionsDataSchema));
  }

  async holdings(): Promise<readonly Holding[]> {
    return (await this.rest.call('holdings', HoldingsSchema)).map(mapWireHolding);
  }

  async funds(): Promise<Funds> {
    return mapRms(await this.rest.call('rms', RmsSchema));
  }

  async instruments(exchange?: Exchange): Promise<readonly Instrument[]> {
    const index = await this.instrumentIndex();
    const all = index.entries.map((e) => e.instrument);
    return exchange === undefined ? all : all.filter((i) => i.exchange === exchange);
  }

  /** Reloads the scrip master on the next lookup (it changes daily). */
  invalidateInstruments(): void {
    this.indexPromise = undefined;
  }

  async historicalCandles(
    instrument: InstrumentId,
    timeframe: Timeframe,
    from: number,
    to: number,
  ): Promise<readonly Bar[]> {
    const entry = await this.entryOf(instrument);
    const exchange = exchangeToSmartApi(entry.instrument.exchange);
    const bars: Bar[] = [];
    for (const chunk of candleChunks(timeframe, from, to)) {
      const rows = await this.rest.call('candles', CandlesDataSchema, {
        body: candleRequestBody(exchange, entry.token, timeframe, chunk),
      });
      if (rows !== null) appendCandles(bars, instrument, timeframe, rows);
    }
    return bars;
  }

  async quotes(instruments: readonly InstrumentId[]): Promise<ReadonlyMap<InstrumentId, Tick>> {
    const entries = await Promise.all(instruments.map((id) => this.entryOf(id)));
    const index = await this.instrumentIndex();
    const result = new Map<InstrumentId, Tick>();
    for (let start = 0; start < entries.length; start += QUOTE_BATCH_SIZE) {
      const exchangeTokens: Record<string, string[]> = {};
      for (const entry of entries.slice(start, start + QUOTE_BATCH_SIZE)) {
        const exchange = exchangeToSmartApi(entry.instrument.exchange);
        (exchangeTokens[exchange] ??= []).push(entry.token);
      }
      const data = await this.rest.call('quote', QuoteDataSchema, {
        body: { mode: 'FULL', exchangeTokens },
      });
      const now = Date.now();
      for (const item of data.fetched) {
        const exchange = item.exchange as Exchange;
        const type = safeExchangeType(exchange);
        const entry = type === undefined ? undefined : index.byToken(type, item.symbolToken);
        if (entry === undefined) continue;
        const id = entry.instrument.id;
        const tick = tickOfQuote(item, id, now);
        if (tick !== undefined) result.set(id, tick);
      }
    }
    return result;
  }

  subscribe(instruments: readonly InstrumentId[], mode: SubscriptionMode): Observable<Tick> {
    const wanted = new Set<InstrumentId>(instruments);
    const ready = Promise.all(instruments.map((id) => this.entryOf(id))).then((entries) => {
      this.marketFeed.subscribe(entries, modeOf(mode));
    });
    ready.catch(() => undefined); // reported to subscribers below
    return new Observable<Tick>((subscriber) => {
      const subscription = this.ticks$
        .pipe(filter((tick) => wanted.has(tick.instrument)))
        .subscribe(subscriber);
      ready.then(undefined, (error: unknown) => subscriber.error(error));
      return subscription;
    });
  }

  unsubscribe(instruments: readonly InstrumentId[]): void {
    const index = this.index;
    if (index === undefined) return;
    const entries = instruments
      .map((id) => index.byId(id))
      .filter((e): e is SmartApiInstrument => e !== undefined);
    this.marketFeed.unsubscribe(entries);
  }

  close(): Promise<void> {
    this.marketFeed.close();
    this.orderFeed.close();
    return Promise.resolve();
  }

  private async orderBook(): Promise<readonly WireOrder[]> {
    return this.rest.call('orderBook', OrderBookSchema);
  }

  private async wireOrder(orderId: string): Promise<WireOrder> {
    const row = (await this.orderBook()).find((o) => o.orderid === orderId);
    if (row === undefined) {
      throw new InputRejectedError(`smartapi has no order ${orderId} in today's order book`, {
        broker: 'smartapi',
      });
    }
    return row;
  }

  private async entryOf(id: InstrumentId): Promise<SmartApiInstrument> {
    const entry = (await this.instrumentIndex()).byId(id);
    if (entry === undefined) {
      throw new InputRejectedError(
        `smartapi scrip master has no instrument ${id}: check the symbol (cash symbols without -EQ)`,
        { broker: 'smartapi' },
      );
    }
    return entry;
  }

  private instrumentIndex(): Promise<SmartApiInstrumentIndex> {
    if (this.indexPromise === undefined) {
      const loading = this.loadInstruments();
      this.indexPromise = loading;
      loading.then(
        (index) => {
          this.index = index;
        },
        () => {
          if (this.indexPromise === loading) this.indexPromise = undefined;
        },
      );
    }
    return this.indexPromise;
  }

  private async loadInstruments(): Promise<SmartApiInstrumentIndex> {
    const response = await this.http.send({
      method: 'GET',
      url: this.options.instrumentsUrl ?? SCRIP_MASTER_URL,
    });
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      json = undefined;
    }
    const records = parsePayload(z.array(ScripRecordSchema), json, 'scrip master');
    const entries: SmartApiInstrument[] = [];
    for (const record of records) {
      const entry = mapScripRecord(record);
      if (entry !== undefined) entries.push(entry);
    }
    return new SmartApiInstrumentIndex(entries);
  }
}

function safeExchangeType(exchange: Exchange): number | undefined {
  try {
    return exchangeTypeOf(exchange);
  } catch {
    return undefined;
  }
}

function pick<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
