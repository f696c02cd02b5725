import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import {
  instrumentIdProblem,
  istDayStart,
  ORDER_TYPES,
  PRODUCTS,
  SIDES,
  type InstrumentId,
  type OrderType,
  type Product,
  type Side,
} from '@pravah/sdk';
import { kiteChecksum } from '../../kite/auth/kite-auth.js';
import { KITE_MAX_SPAN_DAYS } from '../../kite/rest/historical-chunks.js';
import { kiteTimeToEpoch } from '../../kite/wire/kite-time.js';
import type { BrokerValidity, OrderRequest, OrderVariety } from '../../port/order-request.js';
import { CLIENT_TAG_PATTERN } from '../../port/order-request.js';
import { FakeOrderBook } from '../fake-exchange/fake-order-book.js';
import { FakeOrderError } from '../fake-exchange/fake-order-error.js';
import type { KiteFullTick } from '../../kite/ticker/kite-tick.js';
import { fakeKiteCandles, isKiteInterval } from './fake-kite-candles.js';
import { FakeKiteFaults } from './fake-kite-faults.js';
import { defaultKiteFixturesDir, KiteFixtures } from './fake-kite-fixtures.js';
import { kiteOrderJson, kitePositionJson, kiteTradeJson } from './fake-kite-wire.js';
import { attachFakeKiteTicker, type FakeKiteTicker } from './fake-kite-ticker.js';

/** An instrument the fake lists besides the fixture dump (appended to the instruments CSV). */
export interface FakeKiteInstrument {
  readonly instrumentToken: number;
  readonly exchange: 'NSE' | 'BSE' | 'NFO' | 'BFO' | 'MCX' | 'CDS' | 'BCD';
  readonly tradingsymbol: string;
  readonly name?: string;
  readonly tickSize?: number;
  readonly lotSize?: number;
  /** Default EQ. */
  readonly instrumentType?: 'EQ' | 'FUT' | 'CE' | 'PE';
  readonly segment?: string;
  readonly expiry?: string;
  readonly strike?: number;
}

/** Requests per second the fake allows per kind before answering 429. */
export interface FakeKiteRateLimits {
  readonly orders: number;
  readonly historical: number;
  readonly quote: number;
  readonly other: number;
}

/** Options of {@link startFakeKite}. */
export interface FakeKiteOptions {
  readonly apiKey?: string;
  readonly apiSecret?: string;
  /** The request token the login "redirect" hands out (single use). */
  readonly requestToken?: string;
  /** The access token of the session; valid from the start unless `loggedIn` is false. */
  readonly accessToken?: string;
  /** Start with a live session for `accessToken`. Default true. */
  readonly loggedIn?: boolean;
  /** Where Zerodha's fixtures are; default `shared/fixtures/kite` found above the package. */
  readonly fixturesDir?: string;
  /** The matching; default a new FakeOrderBook with Kite-like ids. */
  readonly book?: FakeOrderBook;
  /** Instruments listed besides the fixture dump. Default NSE:INFY (408065), NSE:SBIN (779521). */
  readonly instruments?: readonly FakeKiteInstrument[];
  /** Default Kite's: orders 10, historical 3, quote 1, other 10 per second. */
  readonly rateLimits?: Partial<FakeKiteRateLimits>;
  /** Clock for session expiry (06:00 IST after login). Default Date.now. */
  readonly now?: () => number;
  /** Idle time before the ticker's 1-byte heartbeat; 0 turns heartbeats off. Default 1000. */
  readonly heartbeatMs?: number;
}

/** One request as the fake received it. */
export interface FakeKiteRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly form: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
}

/** A running fake Kite server and its controls. */
export interface FakeKite {
  /** `http://127.0.0.1:<port>`: the REST root (and the ticker's, as a ws:// URL). */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  readonly book: FakeOrderBook;
  readonly faults: FakeKiteFaults;
  /** The WebSocket ticker on the same port (`ws://127.0.0.1:<port>/`). */
  readonly ticker: FakeKiteTicker;
  /** `ws://127.0.0.1:<port>/`. */
  readonly tickerUrl: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly requestToken: string;
  readonly accessToken: string;
  /** Every request received, oldest first. */
  readonly requests: readonly FakeKiteRequest[];
  /** Instrument token of an instrument the fake lists, or 0. */
  tokenOf(instrument: InstrumentId): number;
  /** Whether this key and token form a live session now. */
  isValidSession(apiKey: string, accessToken: string): boolean;
  /**
   * Sets the last price in the book (fills resting orders it crosses, each change sent as an
   * order postback) and broadcasts it as a full tick to ticker clients subscribed to it.
   */
  setPrice(instrument: InstrumentId, price: number): void;
  close(): Promise<void>;
}

const DEFAULT_INSTRUMENTS: readonly FakeKiteInstrument[] = [
  { instrumentToken: 408065, exchange: 'NSE', tradingsymbol: 'INFY', name: 'INFOSYS' },
  { instrumentToken: 779521, exchange: 'NSE', tradingsymbol: 'SBIN', name: 'STATE BANK OF INDIA' },
];

const DEFAULT_LIMITS: FakeKiteRateLimits = { orders: 10, historical: 3, quote: 1, other: 10 };
// A client pacing at exactly the limit must not be punished for transit jitter: windows are
// 10% shorter than a second.
const WINDOW_MS = 900;
const SIX_HOURS_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

type Kind = keyof FakeKiteRateLimits;

function kindOf(method: string, path: string): Kind {
  if (path.startsWith('/orders/') && method !== 'GET') return 'orders';
  if (path.startsWith('/instruments/historical/')) return 'historical';
  if (path === '/quote' || path.startsWith('/quote/')) return 'quote';
  return 'other';
}

function nextSixIst(time: number): number {
  const six = istDayStart(time) + SIX_HOURS_MS;
  return six > time ? six : six + DAY_MS;
}

/**
 * Starts a fake Zerodha Kite Connect v3 REST server on 127.0.0.1 (ephemeral port): the session
 * exchange with checksum verification, `Authorization: token key:token` on every call, order
 * placement/modification/cancellation, order book, history, trades and positions from a
 * {@link FakeOrderBook}, holdings, margins and profile from Zerodha's own fixture bodies,
 * quotes, synthetic historical candles (span limits enforced), the instruments CSV (exactly
 * `text/csv`, gzip when accepted), form-encoded bodies, Kite's error envelopes, 429 beyond the
 * rate limits, token expiry at 06:00 IST, and injectable faults.
 *
 * @example
 * ```ts
 * const fake = await startFakeKite();
 * const kite = new KiteRestClient({ apiKey: fake.apiKey, accessToken: fake.accessToken, root: fake.url });
 * fake.setPrice('NSE:INFY', 1500);
 * await kite.placeOrder({ instrument: 'NSE:INFY', side: 'BUY', quantity: 1, orderType: 'MARKET',
 *   product: 'CNC', validity: 'DAY', tag: 'a1' });
 * await fake.close();
 * ```
 */
export async function startFakeKite(options: FakeKiteOptions = {}): Promise<FakeKite> {
  const apiKey = options.apiKey ?? 'fake_api_key';
  const apiSecret = options.apiSecret ?? 'fake_api_secret';
  const requestToken = options.requestToken ?? 'fake_request_token';
  const accessToken = options.accessToken ?? 'fake_access_token';
  const now = options.now ?? Date.now;
  const fixtures = new KiteFixtures(options.fixturesDir ?? defaultKiteFixturesDir());
  const book = options.book ?? new FakeOrderBook({ idPrefix: '2511', now });
  const faults = new FakeKiteFaults();
  const limits: FakeKiteRateLimits = { ...DEFAULT_LIMITS, ...options.rateLimits };
  const extra = options.instruments ?? DEFAULT_INSTRUMENTS;
  const requests: FakeKiteRequest[] = [];
  const stamps: Record<Kind, number[]> = { orders: [], historical: [], quote: [], other: [] };
  /** access token -> expiry (epoch ms) */
  const sessions = new Map<string, number>();
  let requestTokenUsed = false;
  if (options.loggedIn ?? true) sessions.set(accessToken, nextSixIst(now()));

  const tokens = new Map<InstrumentId, number>();
  const ids = new Map<number, InstrumentId>();
  for (const line of fixtures.text('instruments_all.csv').split(/\r?\n/).slice(1)) {
    const f = line.split(',');
    if (f.length !== 12) continue;
    const id = `${f[11]}:${f[2]}`;
    if (instrumentIdProblem(id) === undefined) {
      tokens.set(id as InstrumentId, Number(f[0]));
      ids.set(Number(f[0]), id as InstrumentId);
    }
  }
  for (const i of extra) {
    const id: InstrumentId = `${i.exchange}:${i.tradingsymbol}`;
    tokens.set(id, i.instrumentToken);
    ids.set(i.instrumentToken, id);
  }
  const tokenOf = (instrument: InstrumentId): number => tokens.get(instrument) ?? 0;

  const isValidSession = (key: string, token: string): boolean => {
    if (faults.tokensExpired || key !== apiKey) return false;
    const expiry = sessions.get(token);
    return expiry !== undefined && now() < expiry;
  };

  const pending = new Set<ServerResponse>();

  const sendJson = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const fail = (status: number, errorType: string, message: string): never => {
    throw new HttpFailure(status, errorType, message);
  };
  const success = (res: ServerResponse, data: unknown): void =>
    sendJson(res, 200, { status: 'success', data });

  const rateLimited = (kind: Kind): boolean => {
    const list = stamps[kind];
    const t = Date.now();
    while (list.length > 0 && (list[0] ?? 0) <= t - WINDOW_MS) list.shift();
    if (list.length >= limits[kind]) return true;
    list.push(t);
    return false;
  };

  const orderRequestOf = (variety: string, form: URLSearchParams): OrderRequest => {
    if (variety !== 'regular' && variety !== 'amo')
      fail(400, 'InputException', 'Invalid `variety`.');
    const field = (name: string): string => {
      const value = form.get(name);
      if (value === null || value === '') fail(400, 'InputException', `Missing \`${name}\`.`);
      return value as string;
    };
    const oneOf = <T extends string>(name: string, allowed: readonly T[]): T => {
      const value = field(name);
      if (!allowed.includes(value as T)) fail(400, 'InputException', `Invalid \`${name}\`.`);
      return value as T;
    };
    const positive = (name: string): number | undefined => {
      const raw = form.get(name);
      if (raw === null || raw === '') return undefined;
      const value = Number(raw);
      if (!Number.isFinite(value) || value < 0) fail(400, 'InputException', `Invalid \`${name}\`.`);
      return value === 0 ? undefined : value;
    };
    const instrument = `${field('exchange')}:${field('tradingsymbol')}`;
    if (instrumentIdProblem(instrument) !== undefined)
      fail(400, 'InputException', 'Invalid `tradingsymbol`.');
    const quantity = Number(field('quantity'));
    if (!Number.isInteger(quantity) || quantity <= 0)
      fail(400, 'InputException', 'Invalid `quantity`.');
    const tag = form.get('tag') ?? '';
    if (tag !== '' && !CLIENT_TAG_PATTERN.test(tag)) {
      fail(400, 'InputException', 'Tag length should be less than 20 characters and alphanumeric.');
    }
    const validity = oneOf<BrokerValidity>('validity', ['DAY', 'IOC', 'TTL']);
    const ttl = positive('validity_ttl');
    if (validity === 'TTL' && ttl === undefined)
      fail(400, 'InputException', 'Missing `validity_ttl`.');
    const price = positive('price');
    const triggerPrice = positive('trigger_price');
    return {
      instrument: instrument as InstrumentId,
      side: oneOf<Side>('transaction_type', SIDES),
      quantity,
      orderType: oneOf<OrderType>('order_type', ORDER_TYPES),
      product: oneOf<Product>('product', PRODUCTS),
      validity,
      ...(ttl === undefined ? {} : { validityTtlMinutes: ttl }),
      ...(price === undefined ? {} : { price }),
      ...(triggerPrice === undefined ? {} : { triggerPrice }),
      variety: variety as OrderVariety,
      tag,
    };
  };

  const bookCall = <T>(action: () => T): T => {
    try {
      return action();
    } catch (error) {
      if (error instanceof FakeOrderError) {
        if (error.code === 'NOT_FOUND')
          fail(400, 'InputException', `Invalid \`order_id\`: ${error.message}`);
        if (error.code === 'NOT_OPEN')
          fail(400, 'OrderException', `Order cannot be modified or cancelled: ${error.message}`);
        fail(400, 'InputException', error.message);
      }
      throw error;
    }
  };

  const quoteOf = (
    key: string,
    kind: 'quote' | 'ohlc' | 'ltp',
  ): Record<string, unknown> | undefined => {
    const id = /^\d+$/.test(key) ? ids.get(Number(key)) : (key as InstrumentId);
    const price = id === undefined ? undefined : book.lastPrice(id);
    if (id === undefined || price === undefined) {
      const fixture = fixtures.data(
        kind === 'quote' ? 'quote.json' : kind === 'ohlc' ? 'ohlc.json' : 'ltp.json',
      );
      return (fixture as Record<string, Record<string, unknown>>)[key];
    }
    const token = tokenOf(id);
    const ohlc = { open: price, high: price, low: price, close: price };
    if (kind === 'ltp') return { instrument_token: token, last_price: price };
    if (kind === 'ohlc') return { instrument_token: token, last_price: price, ohlc };
    const time = new Date(now() + 19_800_000).toISOString().slice(0, 19).replace('T', ' ');
    const level = (p: number) => ({ price: p, quantity: 100, orders: 1 });
    const empty = { price: 0, quantity: 0, orders: 0 };
    return {
      instrument_token: token,
      timestamp: time,
      last_trade_time: time,
      last_price: price,
      last_quantity: 1,
      buy_quantity: 100,
      sell_quantity: 100,
      volume: 0,
      average_price: price,
      oi: 0,
      oi_day_high: 0,
      oi_day_low: 0,
      net_change: 0,
      lower_circuit_limit: 0,
      upper_circuit_limit: 0,
      ohlc,
      depth: {
        buy: [level(Math.round((price - 0.05) * 100) / 100), empty, empty, empty, empty],
        sell: [level(Math.round((price + 0.05) * 100) / 100), empty, empty, empty, empty],
      },
    };
  };

  const instrumentsCsv = (exchange: string | undefined): string => {
    const all = fixtures
      .text(exchange === 'NSE' ? 'instruments_nse.csv' : 'instruments_all.csv')
      .trimEnd()
      .split(/\r?\n/);
    const header = all[0] ?? '';
    const rows = all
      .slice(1)
      .filter((line) => exchange === undefined || line.endsWith(`,${exchange}`));
    for (const i of extra) {
      if (exchange !== undefined && i.exchange !== exchange) continue;
      rows.push(
        [
          i.instrumentToken,
          i.instrumentToken >> 8,
          i.tradingsymbol,
          i.name ?? '',
          0,
          i.expiry ?? '',
          i.strike ?? 0,
          i.tickSize ?? 0.05,
          i.lotSize ?? 1,
          i.instrumentType ?? 'EQ',
          i.segment ?? i.exchange,
          i.exchange,
        ].join(','),
      );
    }
    return `${[header, ...rows].join('\n')}\n`;
  };

  const route = (req: FakeKiteRequest, res: ServerResponse): void => {
    const { method, path, query, form } = req;
    const segments = path
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);

    if (path === '/session/token' && method === 'POST') {
      const expected = kiteChecksum(apiKey, requestToken, apiSecret);
      if (form.get('api_key') !== apiKey) fail(403, 'TokenException', 'Invalid `api_key`.');
      if (form.get('request_token') !== requestToken || requestTokenUsed) {
        fail(403, 'TokenException', 'Token is invalid or has expired.');
      }
      if (form.get('checksum') !== expected) fail(403, 'TokenException', 'Invalid `checksum`.');
      requestTokenUsed = true;
      faults.tokensExpired = false;
      sessions.set(accessToken, nextSixIst(now()));
      const data = fixtures.data('generate_session.json') as Record<string, unknown>;
      success(res, { ...data, api_key: apiKey, access_token: accessToken, user_id: 'FAKE01' });
      return;
    }
    if (path === '/session/token' && method === 'DELETE') {
      if (query.get('api_key') !== apiKey) fail(403, 'TokenException', 'Invalid `api_key`.');
      sessions.delete(query.get('access_token') ?? '');
      success(res, true);
      return;
    }

    const auth = /^token ([^:]+):(.+)$/.exec(String(req.headers.authorization ?? ''));
    if (auth === null || !isValidSession(auth[1] ?? '', auth[2] ?? '')) {
      fail(403, 'TokenException', 'Incorrect `api_key` or `access_token`.');
    }

    if (method === 'GET' && path === '/user/profile')
      return success(res, fixtures.data('profile.json'));
    if (method === 'GET' && path === '/user/margins')
      return success(res, fixtures.data('margins.json'));
    if (method === 'GET' && path === '/user/margins/equity')
      return success(res, fixtures.data('margins_equity.json'));
    if (method === 'GET' && path === '/user/margins/commodity')
      return success(res, fixtures.data('margin_commodity.json'));
    if (method === 'GET' && path === '/portfolio/holdings')
      return success(res, fixtures.data('holdings.json'));
    if (method === 'GET' && path === '/portfolio/positions') {
      const rows = book.positions().map((p) => kitePositionJson(p, tokenOf));
      return success(res, { net: rows, day: rows });
    }
    if (method === 'GET' && path === '/trades') {
      return success(
        res,
        book.trades().map((t) => kiteTradeJson(t, tokenOf)),
      );
    }
    if (method === 'GET' && path === '/orders') {
      return success(
        res,
        book.orders().map((o) => kiteOrderJson(o, tokenOf)),
      );
    }
    if (segments[0] === 'orders') {
      if (method === 'GET' && segments.length === 2) {
        const history = book.history(segments[1] ?? '');
        if (history.length === 0) fail(400, 'InputException', "Couldn't find that `order_id`.");
        return success(
          res,
          history.map((o) => kiteOrderJson(o, tokenOf)),
        );
      }
      if (method === 'GET' && segments.length === 3 && segments[2] === 'trades') {
        const id = segments[1];
        return success(
          res,
          book
            .trades()
            .filter((t) => t.orderId === id)
            .map((t) => kiteTradeJson(t, tokenOf)),
        );
      }
      if (method === 'POST' && segments.length === 2) {
        const request = orderRequestOf(segments[1] ?? '', form);
        const order = bookCall(() => book.place(request));
        if (faults.withheldPlacements > 0) {
          // Accepted into the book, answer never sent: the client times out (duplicate trap).
          faults.withheldPlacements -= 1;
          pending.add(res);
          return;
        }
        return success(res, { order_id: order.orderId });
      }
      if (method === 'PUT' && segments.length === 3) {
        const num = (name: string): number | undefined => {
          const raw = form.get(name);
          if (raw === null || raw === '') return undefined;
          const value = Number(raw);
          if (!Number.isFinite(value) || value < 0)
            fail(400, 'InputException', `Invalid \`${name}\`.`);
          return value;
        };
        const quantity = num('quantity');
        const price = num('price');
        const triggerPrice = num('trigger_price');
        const orderType = form.get('order_type');
        if (orderType !== null && !ORDER_TYPES.includes(orderType as OrderType)) {
          fail(400, 'InputException', 'Invalid `order_type`.');
        }
        const validity = form.get('validity');
        if (validity !== null && !['DAY', 'IOC', 'TTL'].includes(validity)) {
          fail(400, 'InputException', 'Invalid `validity`.');
        }
        const order = bookCall(() =>
          book.modify(segments[2] ?? '', {
            ...(quantity === undefined ? {} : { quantity }),
            ...(price === undefined ? {} : { price }),
            ...(triggerPrice === undefined ? {} : { triggerPrice }),
            ...(orderType === null ? {} : { orderType: orderType as OrderType }),
            ...(validity === null ? {} : { validity: validity as BrokerValidity }),
          }),
        );
        return success(res, { order_id: order.orderId });
      }
      if (method === 'DELETE' && segments.length === 3) {
        const order = bookCall(() => book.cancel(segments[2] ?? ''));
        return success(res, { order_id: order.orderId });
      }
    }
    if (
      method === 'GET' &&
      (path === '/quote' || path === '/quote/ohlc' || path === '/quote/ltp')
    ) {
      const kind = path === '/quote' ? 'quote' : path === '/quote/ohlc' ? 'ohlc' : 'ltp';
      const keys = query.getAll('i');
      const max = kind === 'quote' ? 500 : 1000;
      if (keys.length > max) fail(400, 'InputException', `Too many instruments: at most ${max}.`);
      const data: Record<string, unknown> = {};
      for (const key of keys) {
        const entry = quoteOf(key, kind);
        if (entry !== undefined) data[key] = entry;
      }
      return success(res, data);
    }
    if (method === 'GET' && segments[0] === 'instruments' && segments[1] === 'historical') {
      const token = Number(segments[2]);
      const interval = segments[3] ?? '';
      if (!ids.has(token)) fail(400, 'InputException', 'Invalid `instrument_token`.');
      if (!isKiteInterval(interval)) fail(400, 'InputException', 'Invalid `interval`.');
      const from = kiteTimeToEpoch(query.get('from') ?? '');
      const to = kiteTimeToEpoch(query.get('to') ?? '');
      if (from === undefined || to === undefined || from > to) {
        fail(400, 'InputException', 'Invalid `from` or `to`.');
      }
      const maxDays = KITE_MAX_SPAN_DAYS[interval as keyof typeof KITE_MAX_SPAN_DAYS];
      if ((to as number) - (from as number) > maxDays * DAY_MS) {
        fail(400, 'InputException', `interval exceeds max limit: ${maxDays} days`);
      }
      const candles = fakeKiteCandles(
        interval as keyof typeof KITE_MAX_SPAN_DAYS,
        from as number,
        to as number,
        query.get('oi') === '1',
      );
      return success(res, { candles });
    }
    if (method === 'GET' && segments[0] === 'instruments' && segments.length <= 2) {
      const csv = Buffer.from(instrumentsCsv(segments[1]), 'utf8');
      const gzip = String(req.headers['accept-encoding'] ?? '').includes('gzip');
      res.writeHead(200, {
        'Content-Type': 'text/csv',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(gzip ? gzipSync(csv) : csv);
      return;
    }
    fail(404, 'GeneralException', 'Route not found');
  };

  const handle = async (incoming: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = new URL(incoming.url ?? '/', 'http://fake-kite');
    const isForm = String(incoming.headers['content-type'] ?? '').includes(
      'application/x-www-form-urlencoded',
    );
    const request: FakeKiteRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      form: new URLSearchParams(isForm ? Buffer.concat(chunks).toString('utf8') : ''),
      headers: incoming.headers,
    };
    requests.push(request);
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    const failure = faults.take(request.path);
    if (failure !== undefined) {
      sendJson(
        res,
        failure.status,
        {
          status: 'error',
          message: failure.message ?? 'Injected failure',
          data: null,
          error_type: failure.errorType ?? 'NetworkException',
        },
        failure.retryAfterSeconds === undefined
          ? {}
          : { 'Retry-After': String(failure.retryAfterSeconds) },
      );
      return;
    }
    if (rateLimited(kindOf(request.method, request.path))) {
      sendJson(
        res,
        429,
        {
          status: 'error',
          message: 'Too many requests',
          data: null,
          error_type: 'NetworkException',
        },
        { 'Retry-After': '1' },
      );
      return;
    }
    try {
      route(request, res);
    } catch (error) {
      if (error instanceof HttpFailure) {
        sendJson(res, error.status, {
          status: 'error',
          message: error.message,
          data: null,
          error_type: error.errorType,
        });
      } else {
        sendJson(res, 500, {
          status: 'error',
          message: String(error),
          data: null,
          error_type: 'GeneralException',
        });
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  const ticker = attachFakeKiteTicker(server, {
    isValidSession,
    ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
  });
  faults.dropMarketDataHook = () => ticker.dropConnections();
  const postbacks = book.updates$.subscribe((order) =>
    ticker.sendPostback(kiteOrderJson(order, tokenOf)),
  );
  const setPrice = (instrument: InstrumentId, price: number): void => {
    book.setPrice(instrument, price);
    const token = tokens.get(instrument);
    if (token !== undefined) ticker.broadcast([fullTick(token, price, now())]);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    book,
    faults,
    ticker,
    tickerUrl: `ws://127.0.0.1:${port}/`,
    apiKey,
    apiSecret,
    requestToken,
    accessToken,
    requests,
    tokenOf,
    isValidSession,
    setPrice,
    close: async () => {
      postbacks.unsubscribe();
      ticker.close();
      for (const res of pending) res.destroy();
      pending.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A full-mode tick at one price: a one-level book 0.05 either side, time `now`. */
function fullTick(instrumentToken: number, price: number, time: number): KiteFullTick {
  const level = (p: number) => ({ price: Math.round(p * 100) / 100, quantity: 100, orders: 1 });
  const empty = { price: 0, quantity: 0, orders: 0 };
  const second = Math.floor(time / 1000) * 1000;
  return {
    mode: 'full',
    tradable: true,
    instrumentToken,
    lastPrice: price,
    lastQuantity: 1,
    averagePrice: price,
    volume: 0,
    buyQuantity: 100,
    sellQuantity: 100,
    ohlc: { open: price, high: price, low: price, close: price },
    change: 0,
    lastTradeTime: second,
    oi: 0,
    oiDayHigh: 0,
    oiDayLow: 0,
    timestamp: second,
    depth: {
      buy: [level(price - 0.05), empty, empty, empty, empty],
      sell: [level(price + 0.05), empty, empty, empty, empty],
    },
  };
}
