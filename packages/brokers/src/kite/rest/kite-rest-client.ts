import { z } from 'zod';
import { BrokerPayloadError } from '../../errors/broker-errors.js';
import type { BrokerOrder, OrderModification, OrderRequest } from '../../port/order-request.js';
import { HttpClient, type HttpRequest } from '../../transport/http-client.js';
import { RateLimiter } from '../../transport/rate-limiter.js';
import { kiteChecksum } from '../auth/kite-auth.js';
import type { KiteInterval } from '../mapping/kite-enums.js';
import { brokerOrderFromKite, modifyOrderForm, placeOrderForm } from '../mapping/order-mapping.js';
import { KiteSuccessEnvelopeSchema, parseKite } from '../wire/envelope.js';
import { parseKiteInstrumentsCsv, type KiteInstrumentRow } from '../wire/instruments-csv.js';
import { epochToKiteTime } from '../wire/kite-time.js';
import {
  KiteHistoricalSchema,
  KiteLtpSchema,
  KiteOhlcQuoteSchema,
  KiteQuoteSchema,
  type KiteCandle,
  type KiteLtp,
  type KiteOhlcQuote,
  type KiteQuote,
} from '../wire/market-wire.js';
import { KiteOrderIdSchema, KiteOrderSchema } from '../wire/order-wire.js';
import {
  KiteHoldingSchema,
  KiteMarginsSchema,
  KitePositionsSchema,
  KiteTradeSchema,
  type KiteHolding,
  type KitePosition,
  type KiteTrade,
} from '../wire/portfolio-wire.js';
import {
  KiteProfileSchema,
  KiteSessionSchema,
  type KiteProfile,
  type KiteSession,
} from '../wire/session-wire.js';
import { historicalChunks } from './historical-chunks.js';
import { kiteErrorOf } from './kite-error-mapping.js';

/** Kite's REST root. */
export const KITE_API_ROOT = 'https://api.kite.trade';

/** Requests per second per kind (Kite's documented limits by default). */
export interface KiteRateLimits {
  /** Place / modify / cancel. Default 10. */
  readonly orders?: number;
  /** Historical candles. Default 3. */
  readonly historical?: number;
  /** Quote, OHLC and LTP. Default 1. */
  readonly quote?: number;
  /** Everything else. Default 10. */
  readonly other?: number;
}

/** Options of a {@link KiteRestClient}. */
export interface KiteRestClientOptions {
  readonly apiKey: string;
  /** Set later by {@link KiteRestClient.createSession} or {@link KiteRestClient.setAccessToken}. */
  readonly accessToken?: string;
  /** REST root; a fake server's URL in tests. Default `https://api.kite.trade`. */
  readonly root?: string;
  /** Per-request timeout. Default 7000 ms. */
  readonly timeoutMs?: number;
  readonly rateLimits?: KiteRateLimits;
  readonly fetch?: typeof fetch;
}

/** Most instruments per quote request (KDOC: 500 for full quotes, 1000 for OHLC and LTP). */
export const KITE_QUOTE_BATCH = 500;
export const KITE_OHLC_LTP_BATCH = 1000;

type Kind = 'orders' | 'historical' | 'quote' | 'other';

/** Options of a historical candle request. */
export interface KiteHistoricalOptions {
  /** Continuous data for expired futures (day candles). */
  readonly continuous?: boolean;
  /** Add open interest as the 7th candle element. */
  readonly oi?: boolean;
}

/**
 * Thin Kite Connect v3 REST client: form-encoded bodies, `X-Kite-Version: 3`,
 * `Authorization: token api_key:access_token`, every answer validated by zod and failures
 * mapped to the typed broker errors. Each kind of call goes through its own rate limiter so
 * bursts queue instead of drawing 429s.
 *
 * @example
 * ```ts
 * const kite = new KiteRestClient({ apiKey: 'key', accessToken: 'token' });
 * const { orderId } = await kite.placeOrder({ instrument: 'NSE:INFY', side: 'BUY', quantity: 1,
 *   orderType: 'MARKET', product: 'CNC', validity: 'DAY', tag: 'pv1' });
 * ```
 */
export class KiteRestClient {
  readonly apiKey: string;
  readonly root: string;
  private accessToken: string | undefined;
  private readonly http: HttpClient;
  private readonly limiters: Record<Kind, RateLimiter>;

  constructor(options: KiteRestClientOptions) {
    this.apiKey = options.apiKey;
    this.accessToken = options.accessToken;
    this.root = (options.root ?? KITE_API_ROOT).replace(/\/+$/, '');
    this.http = new HttpClient('kite', options.timeoutMs ?? 7000, options.fetch);
    const limits = options.rateLimits ?? {};
    this.limiters = {
      orders: new RateLimiter(limits.orders ?? 10, 1000),
      historical: new RateLimiter(limits.historical ?? 3, 1000),
      quote: new RateLimiter(limits.quote ?? 1, 1000),
      other: new RateLimiter(limits.other ?? 10, 1000),
    };
  }

  /** The session's access token, once there is one. */
  get currentAccessToken(): string | undefined {
    return this.accessToken;
  }

  /** Uses an access token obtained elsewhere (e.g. stored from this morning's login). */
  setAccessToken(accessToken: string): void {
    this.accessToken = accessToken;
  }

  /** Exchanges the login redirect's `request_token` for a session; keeps its access token. */
  async createSession(requestToken: string, apiSecret: string): Promise<KiteSession> {
    const form = new URLSearchParams({
      api_key: this.apiKey,
      request_token: requestToken,
      checksum: kiteChecksum(this.apiKey, requestToken, apiSecret),
    });
    const session = await this.call(
      'other',
      'POST',
      '/session/token',
      KiteSessionSchema,
      'session',
      form,
    );
    this.accessToken = session.access_token;
    return session;
  }

  /** Invalidates the access token (`DELETE /session/token`). */
  async logout(): Promise<void> {
    const query = new URLSearchParams({
      api_key: this.apiKey,
      access_token: this.accessToken ?? '',
    });
    await this.call(
      'other',
      'DELETE',
      `/session/token?${query.toString()}`,
      z.literal(true),
      'logout',
    );
    this.accessToken = undefined;
  }

  profile(): Promise<KiteProfile> {
    return this.call('other', 'GET', '/user/profile', KiteProfileSchema, 'profile');
  }

  /** Places an order (variety from the request, default `regular`); resolves with its id. */
  async placeOrder(request: OrderRequest): Promise<string> {
    const variety = request.variety ?? 'regular';
    const data = await this.call(
      'orders',
      'POST',
      `/orders/${variety}`,
      KiteOrderIdSchema,
      'order placement',
      placeOrderForm(request),
    );
    return data.order_id;
  }

  async modifyOrder(
    orderId: string,
    changes: OrderModification,
    variety = 'regular',
  ): Promise<string> {
    const path = `/orders/${variety}/${encodeURIComponent(orderId)}`;
    const data = await this.call(
      'orders',
      'PUT',
      path,
      KiteOrderIdSchema,
      'order modification',
      modifyOrderForm(changes),
    );
    return data.order_id;
  }

  async cancelOrder(orderId: string, variety = 'regular'): Promise<string> {
    const path = `/orders/${variety}/${encodeURIComponent(orderId)}`;
    const data = await this.call('orders', 'DELETE', path, KiteOrderIdSchema, 'order cancellation');
    return data.order_id;
  }

  /** Today's order book, mapped. */
  async orders(): Promise<BrokerOrder[]> {
    const list = await this.call('other', 'GET', '/orders', z.array(KiteOrderSchema), 'order book');
    return list.map(brokerOrderFromKite);
  }

  /** Every state of one order, oldest first. */
  async orderHistory(orderId: string): Promise<BrokerOrder[]> {
    const path = `/orders/${encodeURIComponent(orderId)}`;
    const list = await this.call('other', 'GET', path, z.array(KiteOrderSchema), 'order history');
    return list.map(brokerOrderFromKite);
  }

  trades(): Promise<KiteTrade[]> {
    return this.call('other', 'GET', '/trades', z.array(KiteTradeSchema), 'trades');
  }

  orderTrades(orderId: string): Promise<KiteTrade[]> {
    const path = `/orders/${encodeURIComponent(orderId)}/trades`;
    return this.call('other', 'GET', path, z.array(KiteTradeSchema), 'order trades');
  }

  positions(): Promise<{ net: KitePosition[]; day: KitePosition[] }> {
    return this.call('other', 'GET', '/portfolio/positions', KitePositionsSchema, 'positions');
  }

  holdings(): Promise<KiteHolding[]> {
    return this.call('other', 'GET', '/portfolio/holdings', z.array(KiteHoldingSchema), 'holdings');
  }

  margins(): Promise<z.output<typeof KiteMarginsSchema>> {
    return this.call('other', 'GET', '/user/margins', KiteMarginsSchema, 'margins');
  }

  /** Full quotes keyed by the `i` strings asked for (`NSE:INFY` or a token), 500 per request. */
  quote(keys: readonly string[]): Promise<Map<string, KiteQuote>> {
    return this.batched('/quote', keys, KITE_QUOTE_BATCH, KiteQuoteSchema, 'quote');
  }

  ohlc(keys: readonly string[]): Promise<Map<string, KiteOhlcQuote>> {
    return this.batched(
      '/quote/ohlc',
      keys,
      KITE_OHLC_LTP_BATCH,
      KiteOhlcQuoteSchema,
      'OHLC quote',
    );
  }

  ltp(keys: readonly string[]): Promise<Map<string, KiteLtp>> {
    return this.batched('/quote/ltp', keys, KITE_OHLC_LTP_BATCH, KiteLtpSchema, 'LTP quote');
  }

  /**
   * Candles of one instrument over `[from, to]` (epoch ms, inclusive), requested in chunks no
   * longer than the interval's maximum span; oldest first, one candle per timestamp.
   */
  async historical(
    instrumentToken: number,
    interval: KiteInterval,
    from: number,
    to: number,
    options: KiteHistoricalOptions = {},
  ): Promise<KiteCandle[]> {
    const candles: KiteCandle[] = [];
    let last = -Infinity;
    for (const chunk of historicalChunks(from, to, interval)) {
      const query = new URLSearchParams({
        from: epochToKiteTime(chunk.from),
        to: epochToKiteTime(chunk.to),
        continuous: options.continuous ? '1' : '0',
        oi: options.oi ? '1' : '0',
      });
      const path = `/instruments/historical/${instrumentToken}/${interval}?${query.toString()}`;
      const data = await this.call(
        'historical',
        'GET',
        path,
        KiteHistoricalSchema,
        'historical candles',
      );
      for (const candle of data.candles) {
        // Windows are disjoint, but a day candle stamped 00:00 can be repeated by the next
        // window; keep strictly increasing times.
        if (candle[0] <= last) continue;
        candles.push(candle);
        last = candle[0];
      }
    }
    return candles;
  }

  /** The instrument dump (all exchanges, or one), CSV parsed; gzip transfer is decoded by fetch. */
  async instruments(exchange?: string): Promise<KiteInstrumentRow[]> {
    const path =
      exchange === undefined ? '/instruments' : `/instruments/${encodeURIComponent(exchange)}`;
    const response = await this.send('other', {
      method: 'GET',
      url: `${this.root}${path}`,
      headers: this.headers(),
    });
    if (response.status >= 400) throw kiteErrorOf(response.status, response.body, response.headers);
    return parseKiteInstrumentsCsv(response.body);
  }

  private async batched<S extends z.ZodType>(
    path: string,
    keys: readonly string[],
    batch: number,
    schema: S,
    what: string,
  ): Promise<Map<string, z.output<S>>> {
    const result = new Map<string, z.output<S>>();
    for (let i = 0; i < keys.length; i += batch) {
      const query = new URLSearchParams();
      for (const key of keys.slice(i, i + batch)) query.append('i', key);
      const data = await this.call(
        'quote',
        'GET',
        `${path}?${query.toString()}`,
        z.record(z.string(), schema),
        what,
      );
      for (const [key, value] of Object.entries(data)) result.set(key, value);
    }
    return result;
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { 'X-Kite-Version': '3' };
    if (this.accessToken !== undefined) {
      headers.Authorization = `token ${this.apiKey}:${this.accessToken}`;
    }
    return headers;
  }

  private async send(kind: Kind, request: HttpRequest) {
    await this.limiters[kind].acquire();
    const response = await this.http.send(request);
    if (response.status === 429) {
      const error = kiteErrorOf(response.status, response.body, response.headers);
      if ('retryAfterMs' in error && typeof error.retryAfterMs === 'number') {
        this.limiters[kind].backOff(error.retryAfterMs);
      }
      throw error;
    }
    return response;
  }

  private async call<S extends z.ZodType>(
    kind: Kind,
    method: HttpRequest['method'],
    path: string,
    data: S,
    what: string,
    form?: URLSearchParams,
  ): Promise<z.output<S>> {
    const headers = this.headers();
    if (form !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const response = await this.send(kind, {
      method,
      url: `${this.root}${path}`,
      headers,
      ...(form === undefined ? {} : { body: form.toString() }),
    });
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      if (response.status >= 400)
        throw kiteErrorOf(response.status, response.body, response.headers);
      throw new BrokerPayloadError('kite', what, [
        `body is not JSON: ${response.body.slice(0, 120)}`,
      ]);
    }
    if (response.status >= 400 || (json as { status?: unknown } | null)?.status === 'error') {
      throw kiteErrorOf(response.status, response.body, response.headers);
    }
    const envelope = parseKite(KiteSuccessEnvelopeSchema, json, what);
    return parseKite(data, envelope.data, what);
  }
}
