import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { InstrumentId, OrderType } from '@pravah/sdk';
import { WebSocketServer } from 'ws';
import type { OrderRequest } from '../../port/order-request.js';
import { upstoxTokenExpiry, type UpstoxSession } from '../../upstox/auth/upstox-session.js';
import { parseUpstoxInstruments } from '../../upstox/instruments/instrument-master.js';
import {
  UPSTOX_ORDER_LIMIT,
  UPSTOX_STANDARD_LIMIT,
  type UpstoxRateLimit,
} from '../../upstox/rest/api-group-limiter.js';
import { FakeOrderBook } from '../fake-exchange/fake-order-book.js';
import { FakeOrderError } from '../fake-exchange/fake-order-error.js';
import { candleRequestProblem, fakeCandles } from './fake-upstox-candles.js';
import { FakeUpstoxFaults } from './fake-upstox-faults.js';
import { FakeUpstoxFeed } from './fake-upstox-feed.js';
import {
  FAKE_UPSTOX_INSTRUMENTS,
  type FakeUpstoxInstrumentRow,
} from './fake-upstox-instruments.js';
import {
  istIso,
  wireError,
  wireOrder,
  wirePosition,
  wireTrade,
  type FakeListing,
} from './fake-upstox-wire.js';

/** Options of {@link startFakeUpstox}. */
export interface FakeUpstoxOptions {
  readonly instruments?: readonly FakeUpstoxInstrumentRow[];
  /** The fake's clock (token expiry, order times, intraday candles). Default Date.now. */
  readonly now?: () => number;
  readonly apiKey?: string;
  readonly apiSecret?: string;
  readonly redirectUri?: string;
  /** Server-side limits; beyond them the fake answers 429 UDAPI10005. */
  readonly standardLimit?: UpstoxRateLimit;
  readonly orderLimit?: UpstoxRateLimit;
  /** WS ping interval; default 5 s. */
  readonly pingIntervalMs?: number;
  /** Equity funds reported by get-funds-and-margin. */
  readonly funds?: { readonly available: number; readonly used: number };
}

/** A running fake Upstox: both hosts, state, feed control and faults. */
export interface FakeUpstox {
  /** Main REST host (also serves the order paths, as Upstox does). */
  readonly baseUrl: string;
  /** The `api-hft` order host: only order place/modify/cancel. */
  readonly orderBaseUrl: string;
  /** `complete.json.gz` of the fake's instruments. */
  readonly instrumentsUrl: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly redirectUri: string;
  /** A token valid from the start, and a session built on it. */
  readonly accessToken: string;
  session(): UpstoxSession;
  readonly orderBook: FakeOrderBook;
  readonly feed: FakeUpstoxFeed;
  readonly faults: FakeUpstoxFaults;
  /** Every REST request: which host, method and path. */
  readonly requests: readonly { host: 'main' | 'order'; method: string; path: string }[];
  /** Issues a single-use authorization code (what the login redirect would carry). */
  issueCode(): string;
  /** Open portfolio-stream sockets. */
  readonly portfolioSockets: number;
  /** Makes every token invalid now (the next call gets 401 UDAPI100050). */
  expireTokens(): void;
  /** Sets an instrument's last price in the order book and on the feed. */
  setPrice(instrument: InstrumentId, price: number): void;
  /** Instrument key of an SDK id in the fake's master. */
  keyOf(instrument: InstrumentId): string;
  close(): Promise<void>;
}

/** The part of a response the routes use; a timeout-after-accept swallows the answer. */
interface Reply {
  writeHead(status: number, headers?: Record<string, string>): unknown;
  end(body?: string | Buffer): unknown;
}
const DISCARD: Reply = { writeHead: () => undefined, end: () => undefined };

const ORDER_PATH = /^\/v[23]\/order\/(place|modify|cancel)$/;

/**
 * Starts a wire-faithful fake Upstox on 127.0.0.1 (ephemeral ports): OAuth dialog and token
 * exchange (flat body), v2/v3 order routes on both hosts, order book, history, trades,
 * positions, holdings, funds, full quotes keyed by `SEGMENT:SYMBOL`, v3 historical and intraday
 * candles (newest first, range limits enforced), the gzipped JSON master, feed and portfolio
 * authorize endpoints (both key spellings, single-use URLs), the protobuf feed and portfolio
 * sockets, 429 beyond the rate limits, and injectable faults.
 *
 * @example
 * ```ts
 * const fake = await startFakeUpstox();
 * const broker = new UpstoxBroker({ session: fake.session(), baseUrl: fake.baseUrl,
 *   orderBaseUrl: fake.orderBaseUrl, instrumentsUrl: fake.instrumentsUrl });
 * await fake.close();
 * ```
 */
export async function startFakeUpstox(options: FakeUpstoxOptions = {}): Promise<FakeUpstox> {
  const now = options.now ?? Date.now;
  const apiKey = options.apiKey ?? 'fake-api-key';
  const apiSecret = options.apiSecret ?? 'fake-api-secret';
  const redirectUri = options.redirectUri ?? 'http://127.0.0.1/callback';
  const rows = options.instruments ?? FAKE_UPSTOX_INSTRUMENTS;
  const master = parseUpstoxInstruments(rows);
  const byKey = new Map<string, FakeListing>();
  const byId = new Map<InstrumentId, FakeListing>();
  for (const instrument of master.instruments) {
    const key = instrument.brokerTokens?.['upstox'] ?? '';
    const row = rows.find((r) => r.instrument_key === key);
    const listing: FakeListing = {
      key,
      id: instrument.id,
      segment: row?.segment ?? '',
      tradingSymbol: row?.trading_symbol ?? instrument.symbol,
      ...(row?.isin === undefined ? {} : { isin: row.isin }),
    };
    byKey.set(key, listing);
    byId.set(instrument.id, listing);
  }
  const freezeOf = new Map(rows.map((r) => [r.instrument_key, r.freeze_quantity]));
  const gzMaster = gzipSync(Buffer.from(JSON.stringify(rows)));

  const book = new FakeOrderBook({ now, idPrefix: '2511' });
  const feed = new FakeUpstoxFeed(now, options.pingIntervalMs ?? 5_000);
  const faults = new FakeUpstoxFaults();
  const requests: { host: 'main' | 'order'; method: string; path: string }[] = [];
  const tokens = new Map<string, number>(); // token → expiry
  const codes = new Set<string>();
  const socketCodes = new Map<string, 'feed' | 'portfolio'>();
  const hanging = new Set<ServerResponse>();
  const accessToken = 'fake-upstox-access-token';
  tokens.set(accessToken, upstoxTokenExpiry(now()));
  let counter = 0;
  const windows = new Map<string, number[]>();

  const limitExceeded = (token: string, group: 'standard' | 'order'): boolean => {
    const limit =
      group === 'order'
        ? (options.orderLimit ?? UPSTOX_ORDER_LIMIT)
        : (options.standardLimit ?? UPSTOX_STANDARD_LIMIT);
    const key = `${token}|${group}`;
    const stamps = windows.get(key) ?? [];
    const t = now();
    while (stamps.length > 0 && (stamps[0] ?? 0) <= t - 60_000) stamps.shift();
    const lastSecond = stamps.filter((s) => s > t - 1_000).length;
    if (lastSecond >= limit.perSecond || stamps.length >= limit.perMinute) return true;
    stamps.push(t);
    windows.set(key, stamps);
    return false;
  };

  const send = (
    res: Reply,
    status: number,
    body: string | Buffer,
    type = 'application/json',
  ): void => {
    res.writeHead(status, { 'Content-Type': type });
    res.end(body);
  };
  const success = (res: Reply, data: unknown, extra: Record<string, unknown> = {}): void =>
    send(res, 200, JSON.stringify({ status: 'success', data, ...extra }));
  const fail = (res: Reply, status: number, code: string, message: string): void =>
    send(res, status, wireError(code, message));

  const listingOf = (instrument: InstrumentId): FakeListing =>
    byId.get(instrument) ?? {
      key: instrument,
      id: instrument,
      segment: '',
      tradingSymbol: instrument,
    };

  const orderError = (res: Reply, error: unknown): void => {
    if (error instanceof FakeOrderError) {
      if (error.code === 'NOT_FOUND')
        fail(res, 400, 'UDAPI100010', `Order not found: ${error.message}`);
      // Not-open: Upstox's exact code is unverified; any non-input code reads as a refusal.
      else if (error.code === 'NOT_OPEN') fail(res, 400, 'UDAPI1026', error.message);
      else fail(res, 400, 'UDAPI100038', error.message);
      return;
    }
    throw error;
  };

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    host: 'main' | 'order',
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    requests.push({ host, method, path });
    const body = await readBody(req);

    if (path === '/instruments/complete.json.gz' && host === 'main') {
      send(res, 200, gzMaster, 'application/octet-stream');
      return;
    }
    if (host === 'order' && !ORDER_PATH.test(path)) {
      fail(res, 404, 'UDAPI100060', 'Resource not Found.');
      return;
    }
    if (path === '/v2/login/authorization/dialog' && method === 'GET') {
      const code = issueCode();
      const target = new URL(url.searchParams.get('redirect_uri') ?? redirectUri);
      target.searchParams.set('code', code);
      const state = url.searchParams.get('state');
      if (state !== null) target.searchParams.set('state', state);
      res.writeHead(302, { Location: target.toString() });
      res.end();
      return;
    }
    if (path === '/v2/login/authorization/token' && method === 'POST') {
      const form = new URLSearchParams(body);
      const code = form.get('code') ?? '';
      const valid =
        form.get('client_id') === apiKey &&
        form.get('client_secret') === apiSecret &&
        form.get('redirect_uri') === redirectUri &&
        form.get('grant_type') === 'authorization_code' &&
        codes.has(code);
      codes.delete(code); // single use, even when the exchange fails
      if (!valid) {
        fail(res, 401, 'UDAPI100016', 'Invalid Credentials');
        return;
      }
      const token = `fake-token-${++counter}`;
      tokens.set(token, upstoxTokenExpiry(now()));
      send(
        res,
        200,
        JSON.stringify({
          email: 'trader@example.com',
          exchanges: ['NSE', 'NFO', 'BSE', 'BFO', 'MCX', 'CDS'],
          products: ['D', 'I', 'CO', 'MTF'],
          broker: 'UPSTOX',
          user_id: 'FAKE01',
          user_name: 'Fake Trader',
          order_types: ['MARKET', 'LIMIT', 'SL', 'SL-M'],
          user_type: 'individual',
          poa: false,
          is_active: true,
          access_token: token,
          extended_token: null,
        }),
      );
      return;
    }

    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const expiry = tokens.get(token);
    if (expiry === undefined || now() >= expiry) {
      fail(res, 401, 'UDAPI100050', 'Invalid token used to access API');
      return;
    }
    const isOrderCall = ORDER_PATH.test(path);
    if (limitExceeded(token, isOrderCall ? 'order' : 'standard')) {
      fail(res, 429, 'UDAPI10005', 'Too Many Request Sent');
      return;
    }
    const fault = faults.take(path);
    let hang = false;
    if (fault !== undefined) {
      if (fault.kind === 'latency') await sleep(fault.ms);
      else if (fault.kind === 'status') {
        if (fault.status === 429) fail(res, 429, 'UDAPI10005', 'Too Many Request Sent');
        else fail(res, fault.status, 'UDAPI100500', 'Something went wrong, please try again');
        return;
      } else if (fault.kind === 'error') {
        fail(res, fault.status, fault.code, fault.message);
        return;
      } else {
        hang = true;
        hanging.add(res);
      }
    }
    const out: Reply = hang ? DISCARD : res;
    route(method, path, url.searchParams, body, out);
  }

  function route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: string,
    res: Reply,
  ): void {
    if (ORDER_PATH.test(path)) {
      orderRoute(method, path, query, body, res);
      return;
    }
    if (method !== 'GET') {
      fail(res, 405, 'UDAPI10000', 'This request is not supported by Upstox API');
      return;
    }
    switch (path) {
      case '/v2/order/retrieve-all':
        success(
          res,
          book.orders().map((o) => wireOrder(o, listingOf(o.instrument))),
        );
        return;
      case '/v2/order/details': {
        const order = book.order(query.get('order_id') ?? '');
        if (order === undefined) fail(res, 400, 'UDAPI100010', 'Order not found');
        else success(res, wireOrder(order, listingOf(order.instrument)));
        return;
      }
      case '/v2/order/history': {
        const id = query.get('order_id');
        const tag = query.get('tag');
        const order =
          id !== null ? book.order(id) : tag !== null ? book.orderByTag(tag) : undefined;
        if (order === undefined) fail(res, 400, 'UDAPI100010', 'Order not found');
        else
          success(
            res,
            book.history(order.orderId).map((o) => wireOrder(o, listingOf(o.instrument))),
          );
        return;
      }
      case '/v2/order/trades/get-trades-for-day':
        success(
          res,
          book
            .trades()
            .map((t) =>
              wireTrade(t, listingOf(t.instrument), book.order(t.orderId)?.orderType ?? 'MARKET'),
            ),
        );
        return;
      case '/v2/portfolio/short-term-positions':
        success(
          res,
          book.positions().map((p) => wirePosition(p, listingOf(p.instrument))),
        );
        return;
      case '/v2/portfolio/long-term-holdings':
        success(res, []);
        return;
      case '/v2/user/get-funds-and-margin': {
        const funds = options.funds ?? { available: 100_000, used: 0 };
        const segment = {
          used_margin: funds.used,
          payin_amount: 0,
          span_margin: 0,
          adhoc_margin: 0,
          notional_cash: 0,
          available_margin: funds.available,
          exposure_margin: 0,
        };
        success(
          res,
          query.get('segment') === 'SEC'
            ? { equity: segment }
            : { equity: segment, commodity: { ...segment, used_margin: 0, available_margin: 0 } },
        );
        return;
      }
      case '/v2/market-quote/quotes':
        quotes(query, res);
        return;
      case '/v3/feed/market-data-feed/authorize':
      case '/v2/feed/market-data-feed/authorize':
        authorizeSocket(res, 'feed', '/market-data-feeder/v3/upstox-developer-api/feeds');
        return;
      case '/v2/feed/portfolio-stream-feed/authorize':
        authorizeSocket(res, 'portfolio', '/portfolio-stream-feeder/v2/upstox-developer-api/feeds');
        return;
    }
    if (path.startsWith('/v3/historical-candle/')) {
      candles(path, res);
      return;
    }
    fail(res, 404, 'UDAPI100060', 'Resource not Found.');
  }

  function orderRoute(
    method: string,
    path: string,
    query: URLSearchParams,
    body: string,
    res: Reply,
  ): void {
    const v3 = path.startsWith('/v3/');
    const latency = v3 ? { metadata: { latency: 12 } } : {};
    try {
      if (path.endsWith('/place') && method === 'POST') {
        const json = JSON.parse(body) as Record<string, unknown>;
        const listing = byKey.get(String(json['instrument_token']));
        if (listing === undefined) {
          fail(res, 400, 'UDAPI1087', 'Invalid Instrument key');
          return;
        }
        const product =
          json['product'] === 'I' ? 'MIS' : listing.segment.endsWith('_EQ') ? 'CNC' : 'NRML';
        const quantity = Number(json['quantity']);
        const freeze = freezeOf.get(listing.key);
        const slices =
          v3 && json['slice'] === true && freeze !== undefined && quantity > freeze
            ? splitQuantity(quantity, freeze)
            : [quantity];
        if (slices.length > 25) {
          fail(res, 400, 'UDAPI100038', 'Quantity needs more than 25 slices');
          return;
        }
        const ids: string[] = [];
        for (const sliceQuantity of slices) {
          const request: OrderRequest = {
            instrument: listing.id,
            side: json['transaction_type'] === 'SELL' ? 'SELL' : 'BUY',
            quantity: sliceQuantity,
            orderType: String(json['order_type']) as OrderType,
            product,
            validity: json['validity'] === 'IOC' ? 'IOC' : 'DAY',
            ...(Number(json['price']) > 0 ? { price: Number(json['price']) } : {}),
            ...(Number(json['trigger_price']) > 0
              ? { triggerPrice: Number(json['trigger_price']) }
              : {}),
            variety: json['is_amo'] === true ? 'amo' : 'regular',
            tag: typeof json['tag'] === 'string' ? json['tag'] : '',
          };
          ids.push(book.place(request).orderId);
        }
        success(res, v3 ? { order_ids: ids } : { order_id: ids[0] }, latency);
        return;
      }
      if (path.endsWith('/modify') && method === 'PUT') {
        const json = JSON.parse(body) as Record<string, unknown>;
        for (const required of ['order_id', 'order_type', 'price', 'trigger_price', 'validity']) {
          if (json[required] === undefined) {
            fail(res, 400, 'UDAPI100036', `${required} is required`);
            return;
          }
        }
        const order = book.modify(String(json['order_id']), {
          ...(json['quantity'] === undefined ? {} : { quantity: Number(json['quantity']) }),
          price: Number(json['price']),
          triggerPrice: Number(json['trigger_price']),
          orderType: String(json['order_type']) as OrderType,
          validity: json['validity'] === 'IOC' ? 'IOC' : 'DAY',
        });
        success(res, { order_id: order.orderId }, latency);
        return;
      }
      if (path.endsWith('/cancel') && method === 'DELETE') {
        const order = book.cancel(query.get('order_id') ?? '');
        success(res, { order_id: order.orderId }, latency);
        return;
      }
      fail(res, 405, 'UDAPI10000', 'This request is not supported by Upstox API');
    } catch (error) {
      if (error instanceof SyntaxError) fail(res, 400, 'UDAPI100038', 'Invalid JSON body');
      else orderError(res, error);
    }
  }

  function quotes(query: URLSearchParams, res: Reply): void {
    const keys = (query.get('instrument_key') ?? '').split(',').filter((k) => k !== '');
    if (keys.length === 0) {
      fail(res, 400, 'UDAPI1009', 'instrument_key is required');
      return;
    }
    if (keys.length > 500) {
      fail(res, 400, 'UDAPI100043', 'Instrument keys should be less than or equal to 500');
      return;
    }
    const data: Record<string, unknown> = {};
    for (const key of keys) {
      const listing = byKey.get(key);
      if (listing === undefined) {
        fail(res, 400, 'UDAPI1087', `Invalid Instrument key: ${key}`);
        return;
      }
      const q = feed.quote(key);
      const last = q?.ltp ?? book.lastPrice(listing.id) ?? 0;
      const depth = q?.depth ?? [];
      const level = (price: number, quantity: number) => ({
        quantity,
        price,
        orders: quantity > 0 ? 1 : 0,
      });
      data[`${listing.segment}:${listing.tradingSymbol}`] = {
        ohlc: { open: last, high: last, low: last, close: last },
        depth: {
          buy: depth.slice(0, 5).map((d) => level(d.bidP, d.bidQ)),
          sell: depth.slice(0, 5).map((d) => level(d.askP, d.askQ)),
        },
        timestamp: istIso(now()).replace('+05:30', '.000+05:30'),
        instrument_token: key,
        symbol: listing.tradingSymbol,
        last_price: last,
        volume: q?.volume ?? 0,
        average_price: q?.atp ?? last,
        oi: q?.oi ?? 0,
        net_change: 0,
        total_buy_quantity: 0,
        total_sell_quantity: 0,
        lower_circuit_limit: last * 0.8,
        upper_circuit_limit: last * 1.2,
        last_trade_time: String(q?.ltt ?? now()),
        oi_day_high: 0,
        oi_day_low: 0,
      };
    }
    success(res, data);
  }

  function candles(path: string, res: Reply): void {
    const parts = path.split('/').slice(3).map(decodeURIComponent); // after /v3/historical-candle/
    const intraday = parts[0] === 'intraday';
    const [key, unit, interval, toDate, fromDate] = intraday ? parts.slice(1) : parts;
    if (key === undefined || !byKey.has(key)) {
      fail(res, 400, 'UDAPI1087', 'Invalid Instrument key');
      return;
    }
    const request = {
      instrumentKey: key,
      unit: unit ?? '',
      interval: Number(interval),
      fromDate: intraday ? '' : (fromDate ?? toDate ?? ''),
      toDate: intraday ? '' : (toDate ?? ''),
      intraday,
    };
    const problem = candleRequestProblem(request);
    if (problem !== undefined) {
      fail(res, 400, 'UDAPI1015', problem);
      return;
    }
    const today = new Date(now() + 19_800_000).toISOString().slice(0, 10);
    success(res, { candles: fakeCandles(request, today, now()) });
  }

  function authorizeSocket(res: Reply, kind: 'feed' | 'portfolio', path: string): void {
    const code = `ws${++counter}x${Math.random().toString(36).slice(2, 10)}`;
    socketCodes.set(code, kind);
    const url = `ws://127.0.0.1:${mainPort()}${path}?requestId=${counter}&code=${code}`;
    success(res, { authorized_redirect_uri: url, authorizedRedirectUri: url });
  }

  function issueCode(): string {
    const code = `code${++counter}`;
    codes.add(code);
    return code;
  }

  const main = createServer((req, res) => {
    handle(req, res, 'main').catch(() => {
      if (!res.headersSent) fail(res, 500, 'UDAPI100500', 'Internal error');
    });
  });
  const order = createServer((req, res) => {
    handle(req, res, 'order').catch(() => {
      if (!res.headersSent) fail(res, 500, 'UDAPI100500', 'Internal error');
    });
  });
  const sockets = new WebSocketServer({ noServer: true });
  const portfolioUnsubscribes = new Set<() => void>();
  main.on('upgrade', (req: IncomingMessage, tcp: Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const code = url.searchParams.get('code') ?? '';
    const kind = socketCodes.get(code);
    socketCodes.delete(code); // single use
    if (kind === undefined) {
      tcp.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, tcp, head, (ws) => {
      if (kind === 'feed') {
        feed.accept(ws, req);
        return;
      }
      const subscription = book.updates$.subscribe((o) => {
        ws.send(JSON.stringify({ update_type: 'order', ...wireOrder(o, listingOf(o.instrument)) }));
      });
      const stop = (): void => subscription.unsubscribe();
      portfolioUnsubscribes.add(stop);
      ws.on('close', () => {
        stop();
        portfolioUnsubscribes.delete(stop);
      });
      ws.on('error', () => undefined);
    });
  });

  await listen(main);
  await listen(order);
  const mainPort = (): number => (main.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${mainPort()}`;

  return {
    baseUrl,
    orderBaseUrl: `http://127.0.0.1:${(order.address() as AddressInfo).port}`,
    instrumentsUrl: `${baseUrl}/instruments/complete.json.gz`,
    apiKey,
    apiSecret,
    redirectUri,
    accessToken,
    session: () => ({ accessToken, expiresAt: tokens.get(accessToken) ?? 0 }),
    orderBook: book,
    feed,
    faults,
    requests,
    get portfolioSockets() {
      return portfolioUnsubscribes.size;
    },
    issueCode,
    expireTokens: () => {
      for (const token of tokens.keys()) tokens.set(token, 0);
    },
    setPrice: (instrument, price) => {
      book.setPrice(instrument, price);
      const listing = byId.get(instrument);
      if (listing !== undefined) feed.publish(listing.key, { ltp: price });
    },
    keyOf: (instrument) => {
      const listing = byId.get(instrument);
      if (listing === undefined) throw new Error(`the fake lists no ${instrument}`);
      return listing.key;
    },
    close: async () => {
      feed.close();
      for (const stop of portfolioUnsubscribes) stop();
      for (const client of sockets.clients) client.terminate();
      for (const res of hanging) res.destroy();
      sockets.close();
      main.closeAllConnections();
      order.closeAllConnections();
      await Promise.all([closeServer(main), closeServer(order)]);
    },
  };
}

function splitQuantity(quantity: number, freeze: number): number[] {
  const out: number[] = [];
  for (let left = quantity; left > 0; left -= freeze) out.push(Math.min(freeze, left));
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
