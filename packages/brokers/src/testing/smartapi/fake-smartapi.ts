import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { InstrumentId } from '@pravah/sdk';
import { generateSecret, verify } from 'otplib';
import type { Subscription } from 'rxjs';
import type { OrderModification, OrderRequest } from '../../port/order-request.js';
import { FakeOrderBook, FakeOrderError } from '../fake-exchange/index.js';
import {
  FAKE_INTERVAL_MAX_DAYS,
  fakeCandles,
  fakeParseCandleDate,
} from './fake-smartapi-candles.js';
import { FakeSmartApiFeed } from './fake-smartapi-feed.js';
import { FakeSmartApiOrderFeed } from './fake-smartapi-order-feed.js';
import {
  DEFAULT_FAKE_SCRIPS,
  fakeExchangeCode,
  type FakeScripRecord,
} from './fake-smartapi-scrips.js';
import {
  SDK_ORDER_TYPE,
  SDK_PRODUCT,
  fakeInstrumentId,
  uniqueOrderId,
  updateCodeOf,
  wireOrder,
  wirePosition,
  wireTrade,
} from './fake-smartapi-wire.js';

/** Failures the fake can inject into the next calls of a REST route. */
export type FakeSmartApiFailure =
  | 'http-500'
  | 'http-503'
  | 'http-429'
  | 'rate-403'
  /** The handler runs (an order is accepted) but no answer is ever sent. */
  | 'timeout-after-accept'
  /** Nothing happens and no answer is sent. */
  | 'timeout';

/** Fault controls of a running fake. */
export interface FakeSmartApiFaults {
  /** Added before every REST answer, in ms. */
  latencyMs: number;
  /** The next `count` calls of `route` (e.g. `placeOrder`, `getOrderBook`) fail this way. */
  failNext(route: string, failure: FakeSmartApiFailure, count?: number): void;
  /** Every JWT issued so far answers AG8002 (token expired) from now on. */
  expireSessions(): void;
}

/** Options of {@link startFakeSmartApi}. */
export interface FakeSmartApiOptions {
  readonly apiKey?: string;
  readonly clientCode?: string;
  readonly pin?: string;
  /** Base32 TOTP secret; a fresh one by default. */
  readonly totpSecret?: string;
  readonly scrips?: readonly FakeScripRecord[];
  readonly holdings?: readonly Record<string, string | number>[];
  readonly rms?: Record<string, string>;
  /**
   * Window of the server-side per-second limits. Shorter than a second so that requests a
   * well-behaved client spaced 1 s apart are never refused because of network jitter, while a
   * burst still is.
   */
  readonly rateWindowMs?: number;
  /** Server-side rate limits on (default true). */
  readonly enforceRateLimits?: boolean;
}

/** A running fake SmartAPI. */
export interface FakeSmartApi {
  readonly baseUrl: string;
  readonly wsUrl: string;
  readonly orderWsUrl: string;
  readonly instrumentsUrl: string;
  readonly apiKey: string;
  readonly clientCode: string;
  readonly pin: string;
  readonly totpSecret: string;
  readonly orderBook: FakeOrderBook;
  readonly feed: FakeSmartApiFeed;
  readonly orderFeed: FakeSmartApiOrderFeed;
  readonly faults: FakeSmartApiFaults;
  /** Every REST request: route name, headers (lower-case) and parsed JSON body. */
  readonly requests: readonly FakeSmartApiRequest[];
  /** SDK id of a scrip master token. */
  instrumentOf(token: string): InstrumentId | undefined;
  close(): Promise<void>;
}

/** One REST request the fake received. */
export interface FakeSmartApiRequest {
  readonly route: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
}

const AUTH = '/rest/auth/angelbroking';
const SECURE = '/rest/secure/angelbroking';
const SCRIP_PATH = '/OpenAPI_File/files/OpenAPIScripMaster.json';
const RATE_TEXT = 'Access denied because of exceeding access rate';

/** Per-second limits by route (BROKERS.md §3.4). */
const PER_SECOND: Readonly<Record<string, number>> = {
  loginByPassword: 1,
  generateTokens: 1,
  getProfile: 3,
  logout: 1,
  getRMS: 2,
  placeOrder: 20,
  modifyOrder: 20,
  cancelOrder: 20,
  getOrderBook: 1,
  getPosition: 1,
  getTradeBook: 1,
  getHolding: 1,
  details: 10,
  quote: 10,
  getCandleData: 3,
};

interface Route {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly secure: boolean;
  readonly handle: (req: Ctx) => Answer | Promise<Answer>;
}

interface Ctx {
  readonly body: Record<string, unknown>;
  readonly suffix: string;
  readonly jwt: string;
}

type Answer = { readonly status: number; readonly json: unknown };

const ok = (data: unknown): Answer => ({
  status: 200,
  json: { status: true, message: 'SUCCESS', errorcode: '', data },
});
const fail = (errorcode: string, message: string): Answer => ({
  status: 200,
  json: { status: false, message, errorcode, data: null },
});
const gateway = (status: number, errorCode: string, message: string): Answer => ({
  status,
  json: { success: false, message, errorCode, data: '' },
});

/**
 * Starts a wire-faithful fake Angel One SmartAPI on 127.0.0.1 (ephemeral port): TOTP login,
 * the REST routes with SmartAPI's envelopes and string-typed numbers, the scrip master JSON,
 * SmartWebSocket V2 with binary ticks, the order-update socket, server-side rate limits and
 * fault injection. Orders live in a {@link FakeOrderBook}.
 *
 * @example
 * ```ts
 * const fake = await startFakeSmartApi();
 * const broker = await SmartApiBroker.login({ apiKey: fake.apiKey, clientCode: fake.clientCode,
 *   pin: fake.pin, totpSecret: fake.totpSecret, baseUrl: fake.baseUrl, feedUrl: fake.wsUrl,
 *   orderFeedUrl: fake.orderWsUrl, instrumentsUrl: fake.instrumentsUrl });
 * fake.orderBook.setPrice('NSE:SBIN', 812.5);
 * await fake.close();
 * ```
 */
export async function startFakeSmartApi(options: FakeSmartApiOptions = {}): Promise<FakeSmartApi> {
  const apiKey = options.apiKey ?? 'fake-api-key';
  const clientCode = options.clientCode ?? 'A123456';
  const pin = options.pin ?? '1234';
  const totpSecret = options.totpSecret ?? generateSecret();
  const scrips = options.scrips ?? DEFAULT_FAKE_SCRIPS;
  const rateWindowMs = options.rateWindowMs ?? 500;
  const enforceRateLimits = options.enforceRateLimits ?? true;

  const book = new FakeOrderBook({ idPrefix: '2511' });
  const feed = new FakeSmartApiFeed();
  const orderFeed = new FakeSmartApiOrderFeed(clientCode);
  const requests: FakeSmartApiRequest[] = [];
  const byToken = new Map<string, FakeScripRecord>();
  const byInstrument = new Map<InstrumentId, FakeScripRecord>();
  for (const record of scrips) {
    byToken.set(`${fakeExchangeCode(record.exch_seg)}|${record.token}`, record);
    byInstrument.set(fakeInstrumentId(record), record);
  }
  const varieties = new Map<string, string>();
  const sessions = new Map<string, { refresh: string; feed: string; expired: boolean }>();
  let issued = 0;
  const pendingFailures = new Map<string, FakeSmartApiFailure[]>();
  const arrivals = new Map<string, number[]>();
  const hung = new Set<ServerResponse>();
  const sockets = new Set<Socket>();

  const faults: FakeSmartApiFaults = {
    latencyMs: 0,
    failNext(route, failure, count = 1) {
      const list = pendingFailures.get(route) ?? [];
      for (let i = 0; i < count; i++) list.push(failure);
      pendingFailures.set(route, list);
    },
    expireSessions() {
      for (const session of sessions.values()) session.expired = true;
    },
  };

  const issue = () => {
    issued += 1;
    const jwt = `eyJ.fake-jwt-${issued}.${Math.random().toString(36).slice(2)}`;
    const tokens = { refresh: `eyJ.fake-refresh-${issued}`, feed: `eyJ.fake-feed-${issued}` };
    sessions.set(jwt, { ...tokens, expired: false });
    return { jwtToken: jwt, refreshToken: tokens.refresh, feedToken: tokens.feed };
  };

  const recordOf = (exchange: unknown, token: unknown): FakeScripRecord | undefined =>
    byToken.get(`${String(exchange)}|${String(token)}`);

  const orderRecord = (instrument: InstrumentId): FakeScripRecord =>
    byInstrument.get(instrument) ?? DEFAULT_FAKE_SCRIPS[0]!;

  const orderFailure = (error: unknown): Answer => {
    if (error instanceof FakeOrderError) {
      // SmartAPI's codes for these are not documented; AB2000 is "error not specified".
      return fail('AB2000', error.message);
    }
    throw error;
  };

  const text = (value: unknown): string =>
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  const number = (value: unknown): number => {
    const t = text(value).trim();
    return t === '' ? Number.NaN : Number(t);
  };

  const routes: Route[] = [
    {
      name: 'loginByPassword',
      method: 'POST',
      secure: false,
      handle: async ({ body }) => {
        if (body.clientcode !== clientCode || body.password !== pin) {
          return fail('AB1007', 'Invalid clientcode or password'); // code not documented
        }
        const totp = text(body.totp);
        // One 30 s step either side, as authenticator-based logins allow for clock skew.
        const valid =
          /^\d{6}$/.test(totp) &&
          (await verify({ secret: totpSecret, token: totp, epochTolerance: 30 })).valid;
        if (!valid) return fail('AB1050', 'Invalid totp');
        return ok({ ...issue(), state: text(body.state) });
      },
    },
    {
      name: 'generateTokens',
      method: 'POST',
      secure: false,
      handle: ({ body }) => {
        for (const [jwt, session] of sessions) {
          if (session.refresh === body.refreshToken) {
            sessions.delete(jwt);
            return ok(issue());
          }
        }
        return fail('AB8050', 'Invalid refresh token');
      },
    },
    {
      name: 'getProfile',
      method: 'GET',
      secure: true,
      handle: () =>
        ok({
          clientcode: clientCode,
          name: 'FAKE USER',
          email: '',
          mobileno: '',
          exchanges: ['NSE', 'BSE', 'NFO', 'CDS'],
          products: ['MARGIN', 'MIS', 'NRML', 'CNC'],
          lastlogintime: '',
          brokerid: 'B2C',
        }),
    },
    {
      name: 'logout',
      method: 'POST',
      secure: true,
      handle: ({ jwt }) => {
        sessions.delete(jwt);
        return ok('');
      },
    },
    {
      name: 'getRMS',
      method: 'GET',
      secure: true,
      handle: () =>
        ok(
          options.rms ?? {
            net: '99500.00',
            availablecash: '100000.00',
            availableintradaypayin: '0',
            availablelimitmargin: '0',
            collateral: '0',
            m2munrealized: '0',
            m2mrealized: '0',
            utiliseddebits: '500.00',
            utilisedspan: null,
            utilisedoptionpremium: null,
            utilisedholdingsales: null,
            utilisedexposure: null,
            utilisedturnover: null,
            utilisedpayout: '0',
          },
        ),
    },
    {
      name: 'placeOrder',
      method: 'POST',
      secure: true,
      handle: ({ body }) => {
        const record = recordOf(body.exchange, body.symboltoken);
        if (record === undefined || record.symbol !== body.tradingsymbol) {
          return fail('AB1009', 'Symbol not found');
        }
        const variety = text(body.variety);
        if (!['NORMAL', 'STOPLOSS', 'AMO'].includes(variety)) {
          return fail('AB2000', `variety ${variety} not supported`);
        }
        const tag = text(body.ordertag);
        if (tag.length >= 20) return fail('AB2000', 'ordertag must be less than 20 characters');
        const orderType = SDK_ORDER_TYPE[text(body.ordertype)];
        const product = SDK_PRODUCT[text(body.producttype)];
        const duration = text(body.duration);
        const side = text(body.transactiontype);
        if (orderType === undefined || product === undefined)
          return fail('AB2000', 'Invalid order type or product');
        if ((duration !== 'DAY' && duration !== 'IOC') || (side !== 'BUY' && side !== 'SELL')) {
          return fail('AB2000', 'Invalid duration or transaction type');
        }
        const price = number(body.price);
        const trigger = number(body.triggerprice);
        const request: OrderRequest = {
          instrument: fakeInstrumentId(record),
          side,
          quantity: number(body.quantity),
          orderType,
          product,
          validity: duration,
          variety: variety === 'AMO' ? 'amo' : 'regular',
          tag,
          ...(price > 0 ? { price } : {}),
          ...(trigger > 0 ? { triggerPrice: trigger } : {}),
        };
        try {
          const order = book.place(request);
          varieties.set(order.orderId, variety);
          return ok({
            script: record.symbol,
            orderid: order.orderId,
            uniqueorderid: uniqueOrderId(order.orderId),
          });
        } catch (error) {
          return orderFailure(error);
        }
      },
    },
    {
      name: 'modifyOrder',
      method: 'POST',
      secure: true,
      handle: ({ body }) => {
        const orderId = text(body.orderid);
        const changes: { -readonly [K in keyof OrderModification]: OrderModification[K] } = {};
        const quantity = number(body.quantity);
        if (Number.isFinite(quantity)) changes.quantity = quantity;
        const price = number(body.price);
        if (price > 0) changes.price = price;
        const trigger = number(body.triggerprice);
        if (trigger > 0) changes.triggerPrice = trigger;
        const orderType = SDK_ORDER_TYPE[text(body.ordertype)];
        if (orderType !== undefined) changes.orderType = orderType;
        try {
          const order = book.modify(orderId, changes);
          return ok({ orderid: order.orderId, uniqueorderid: uniqueOrderId(order.orderId) });
        } catch (error) {
          return orderFailure(error);
        }
      },
    },
    {
      name: 'cancelOrder',
      method: 'POST',
      secure: true,
      handle: ({ body }) => {
        const orderId = text(body.orderid);
        if (varieties.has(orderId) && varieties.get(orderId) !== body.variety) {
          return fail('AB2000', `order ${orderId} is not of variety ${text(body.variety)}`);
        }
        try {
          const order = book.cancel(orderId);
          return ok({ orderid: order.orderId, uniqueorderid: uniqueOrderId(order.orderId) });
        } catch (error) {
          return orderFailure(error);
        }
      },
    },
    {
      name: 'getOrderBook',
      method: 'GET',
      secure: true,
      handle: () => {
        const rows = book
          .orders()
          .map((o) =>
            wireOrder(o, orderRecord(o.instrument), varieties.get(o.orderId) ?? 'NORMAL', 'text'),
          );
        return ok(rows.length === 0 ? null : rows); // SmartAPI sends null for an empty book
      },
    },
    {
      name: 'details',
      method: 'GET',
      secure: true,
      handle: ({ suffix }) => {
        const order = book.orders().find((o) => uniqueOrderId(o.orderId) === suffix);
        if (order === undefined) return fail('AB2000', 'Order not found');
        return ok(
          wireOrder(
            order,
            orderRecord(order.instrument),
            varieties.get(order.orderId) ?? 'NORMAL',
            'json',
          ),
        );
      },
    },
    {
      name: 'getTradeBook',
      method: 'GET',
      secure: true,
      handle: () => {
        const rows = book.trades().map((t) => wireTrade(t, orderRecord(t.instrument)));
        return ok(rows.length === 0 ? null : rows);
      },
    },
    {
      name: 'getPosition',
      method: 'GET',
      secure: true,
      handle: () => {
        const rows = book.positions().map((p) => wirePosition(p, orderRecord(p.instrument)));
        return ok(rows.length === 0 ? null : rows);
      },
    },
    {
      name: 'getHolding',
      method: 'GET',
      secure: true,
      handle: () => ok(options.holdings ?? []),
    },
    {
      name: 'quote',
      method: 'POST',
      secure: true,
      handle: ({ body }) => {
        const exchangeTokens = body.exchangeTokens;
        if (typeof exchangeTokens !== 'object' || exchangeTokens === null) {
          return fail('AB4018', 'Symbol token is empty');
        }
        const pairs: [string, string][] = [];
        for (const [exchange, tokens] of Object.entries(exchangeTokens)) {
          if (!Array.isArray(tokens)) return fail('AB4018', 'Symbol token is empty');
          for (const token of tokens as unknown[]) pairs.push([exchange, String(token)]);
        }
        if (pairs.length > 50) return fail('AB2000', 'Maximum 50 tokens per request');
        const fetched: unknown[] = [];
        const unfetched: unknown[] = [];
        for (const [exchange, token] of pairs) {
          const record = recordOf(exchange, token);
          const last = record === undefined ? undefined : book.lastPrice(fakeInstrumentId(record));
          if (record === undefined || last === undefined) {
            unfetched.push({
              exchange,
              symbolToken: token,
              message: 'Symbol not found',
              errorCode: 'AB1009',
            });
            continue;
          }
          fetched.push(fullQuote(exchange, record, last));
        }
        return ok({ fetched, unfetched });
      },
    },
    {
      name: 'getCandleData',
      method: 'POST',
      secure: true,
      handle: ({ body }) => {
        if (recordOf(body.exchange, body.symboltoken) === undefined)
          return fail('AB1009', 'Symbol not found');
        const interval = text(body.interval);
        const maxDays = FAKE_INTERVAL_MAX_DAYS[interval];
        if (maxDays === undefined) return fail('AB2000', `Invalid interval ${interval}`);
        const from = fakeParseCandleDate(text(body.fromdate));
        const to = fakeParseCandleDate(text(body.todate));
        if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) {
          return fail('AB2000', 'Invalid date format or range');
        }
        if (to - from > maxDays * 86_400_000) {
          return fail('AB2000', `${interval} allows at most ${maxDays} days per request`);
        }
        return ok(fakeCandles(interval, from, to));
      },
    },
  ];

  const routeOf = (method: string, path: string): { route: Route; suffix: string } | undefined => {
    for (const route of routes) {
      const base = routePath(route.name);
      if (route.method !== method) continue;
      if (path === base) return { route, suffix: '' };
      if (route.name === 'details' && path.startsWith(`${base}/`)) {
        return { route, suffix: decodeURIComponent(path.slice(base.length + 1)) };
      }
    }
    return undefined;
  };

  const rateLimited = (route: string): boolean => {
    const limit = PER_SECOND[route];
    if (!enforceRateLimits || limit === undefined) return false;
    const now = Date.now();
    const list = (arrivals.get(route) ?? []).filter((t) => t > now - rateWindowMs);
    list.push(now);
    arrivals.set(route, list);
    return list.length > limit;
  };

  const send = (res: ServerResponse, answer: Answer): void => {
    const payload = JSON.stringify(answer.json);
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(payload);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    if (req.method === 'GET' && url.pathname === SCRIP_PATH) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(scrips));
      return;
    }
    const match = routeOf(req.method ?? '', url.pathname);
    let body: Record<string, unknown> = {};
    try {
      const parsed: unknown = raw === '' ? {} : JSON.parse(raw);
      if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
    } catch {
      body = {};
    }
    requests.push({
      route: match?.route.name ?? 'unknown',
      method: req.method ?? '',
      path: url.pathname,
      headers: { ...req.headers },
      body,
    });
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (match === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><body>404 Not Found</body></html>');
      return;
    }
    const { route, suffix } = match;
    if (rateLimited(route.name)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end(RATE_TEXT);
      return;
    }
    const failure = pendingFailures.get(route.name)?.shift();
    if (failure === 'http-500' || failure === 'http-503') {
      res.writeHead(failure === 'http-500' ? 500 : 503, { 'Content-Type': 'text/html' });
      res.end('<html><body>Service Unavailable</body></html>');
      return;
    }
    if (failure === 'http-429' || failure === 'rate-403') {
      res.writeHead(failure === 'http-429' ? 429 : 403, { 'Content-Type': 'text/plain' });
      res.end(RATE_TEXT);
      return;
    }
    if (req.headers['x-privatekey'] !== apiKey) {
      send(res, gateway(401, 'AG8004', 'Invalid API Key')); // code not documented
      return;
    }
    let jwt = '';
    if (route.secure) {
      const auth = req.headers.authorization;
      if (auth === undefined || auth === '')
        return send(res, gateway(401, 'AG8003', 'Token missing'));
      jwt = auth.replace(/^Bearer\s+/i, '');
      const session = sessions.get(jwt);
      if (session === undefined) return send(res, gateway(401, 'AG8001', 'Invalid Token'));
      if (session.expired) return send(res, gateway(200, 'AG8002', 'Token Expired'));
    }
    if (failure === 'timeout') {
      hung.add(res);
      return;
    }
    const answer = await route.handle({ body, suffix, jwt });
    if (failure === 'timeout-after-accept') {
      hung.add(res);
      return;
    }
    send(res, answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(error));
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refuse = (message: string): void => {
      socket.end(
        `HTTP/1.1 401 Unauthorized\r\nx-error-message: ${message}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      );
    };
    const header = (name: string): string => {
      const value = req.headers[name];
      return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
    };
    const jwt = (header('authorization') || '').replace(/^Bearer\s+/i, '');
    const session = sessions.get(jwt);
    if (url.pathname === '/smart-stream') {
      const key = header('x-api-key') || url.searchParams.get('apiKey') || '';
      const client = header('x-client-code') || url.searchParams.get('clientCode') || '';
      const feedToken = header('x-feed-token') || url.searchParams.get('feedToken') || '';
      const feedOk = [...sessions.values()].some((s) => s.feed === feedToken && !s.expired);
      const headerAuth = session !== undefined && !session.expired;
      if (key !== apiKey || client !== clientCode || !feedOk || (jwt !== '' && !headerAuth)) {
        refuse('Invalid Header - Invalid Auth token');
        return;
      }
      feed.accept(req, socket, head);
      return;
    }
    if (url.pathname === '/smart-order-update') {
      if (session === undefined || session.expired) {
        refuse('Invalid Auth token');
        return;
      }
      orderFeed.accept(req, socket, head);
      return;
    }
    socket.destroy();
  });

  const updates: Subscription = book.updates$.subscribe((order) => {
    const record = orderRecord(order.instrument);
    orderFeed.push(
      updateCodeOf(order.status),
      wireOrder(order, record, varieties.get(order.orderId) ?? 'NORMAL', 'json'),
    );
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const host = `127.0.0.1:${port}`;

  return {
    baseUrl: `http://${host}`,
    wsUrl: `ws://${host}/smart-stream`,
    orderWsUrl: `ws://${host}/smart-order-update`,
    instrumentsUrl: `http://${host}${SCRIP_PATH}`,
    apiKey,
    clientCode,
    pin,
    totpSecret,
    orderBook: book,
    feed,
    orderFeed,
    faults,
    requests,
    instrumentOf(token: string): InstrumentId | undefined {
      const record = scrips.find((s) => s.token === token);
      return record === undefined ? undefined : fakeInstrumentId(record);
    },
    async close(): Promise<void> {
      updates.unsubscribe();
      feed.close();
      orderFeed.close();
      for (const res of hung) res.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function routePath(name: string): string {
  const paths: Readonly<Record<string, string>> = {
    loginByPassword: `${AUTH}/user/v1/loginByPassword`,
    generateTokens: `${AUTH}/jwt/v1/generateTokens`,
    getProfile: `${SECURE}/user/v1/getProfile`,
    logout: `${SECURE}/user/v1/logout`,
    getRMS: `${SECURE}/user/v1/getRMS`,
    placeOrder: `${SECURE}/order/v1/placeOrder`,
    modifyOrder: `${SECURE}/order/v1/modifyOrder`,
    cancelOrder: `${SECURE}/order/v1/cancelOrder`,
    getOrderBook: `${SECURE}/order/v1/getOrderBook`,
    details: `${SECURE}/order/v1/details`,
    getTradeBook: `${SECURE}/order/v1/getTradeBook`,
    getPosition: `${SECURE}/order/v1/getPosition`,
    getHolding: `${SECURE}/portfolio/v1/getHolding`,
    quote: `${SECURE}/market/v1/quote/`,
    getCandleData: `${SECURE}/historical/v1/getCandleData`,
  };
  return paths[name] ?? '';
}

function fullQuote(
  exchange: string,
  record: FakeScripRecord,
  last: number,
): Record<string, unknown> {
  const tick = Number(record.tick_size) / 100 || 0.05;
  const level = (i: number, sign: number) => ({
    price: Number((last + sign * tick * (i + 1)).toFixed(2)),
    quantity: 100 * (i + 1),
    orders: i + 1,
  });
  return {
    exchange,
    tradingSymbol: record.symbol,
    symbolToken: record.token,
    ltp: last,
    open: last,
    high: last,
    low: last,
    close: last,
    lastTradeQty: 1,
    exchFeedTime: '21-Jun-2023 10:46:10',
    exchTradeTime: '21-Jun-2023 10:46:09',
    netChange: 0,
    percentChange: 0,
    avgPrice: last,
    tradeVolume: 12345,
    opnInterest: 0,
    lowerCircuit: Number((last * 0.9).toFixed(2)),
    upperCircuit: Number((last * 1.1).toFixed(2)),
    totBuyQuan: 1500,
    totSellQuan: 1500,
    '52WeekLow': last,
    '52WeekHigh': last,
    depth: {
      buy: [0, 1, 2, 3, 4].map((i) => level(i, -1)),
      sell: [0, 1, 2, 3, 4].map((i) => level(i, 1)),
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
