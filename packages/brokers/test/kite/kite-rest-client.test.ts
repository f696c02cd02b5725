import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrokerUnavailableError,
  InputRejectedError,
  InsufficientFundsError,
  NetworkError,
  OrderRejectedError,
  RateLimitedError,
  TokenExpiredError,
} from '../../src/errors/index.js';
import { KiteRestClient, kiteChecksum, kiteLoginUrl } from '../../src/kite/index.js';
import type { OrderRequest } from '../../src/port/index.js';
import { startFakeKite, type FakeKite } from '../../src/testing/kite/index.js';

let fake: FakeKite;
let kite: KiteRestClient;
let tags = 0;

type Overrides = { [K in keyof OrderRequest]?: OrderRequest[K] | undefined };

/** A LIMIT buy of NSE:INFY with a fresh tag; overrides set to undefined remove the field. */
function limit(overrides: Overrides = {}): OrderRequest {
  const merged: Overrides = {
    instrument: 'NSE:INFY',
    side: 'BUY',
    quantity: 10,
    orderType: 'LIMIT',
    price: 1490,
    product: 'CNC',
    validity: 'DAY',
    tag: `t${Date.now().toString(36)}${(tags += 1)}`,
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(merged).filter(([, value]) => value !== undefined),
  ) as unknown as OrderRequest;
}

const IST = (y: number, mo: number, d: number, h = 0, mi = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi) - 19_800_000;

beforeAll(async () => {
  fake = await startFakeKite();
  // Generous per-kind limits for the client: these tests are about behaviour, not pacing.
  kite = new KiteRestClient({
    apiKey: fake.apiKey,
    accessToken: fake.accessToken,
    root: fake.url,
    timeoutMs: 5_000,
  });
});

afterAll(async () => {
  await fake.close();
});

describe('Kite auth', () => {
  it('builds the login URL and the SHA-256 checksum', () => {
    expect(kiteLoginUrl('abc')).toBe('https://kite.zerodha.com/connect/login?api_key=abc&v=3');
    // sha256('keyrequestsecret'), computed independently
    expect(kiteChecksum('key', 'request', 'secret')).toBe(
      'e4465f58be6159d2a7f087f4292515e9d631b4f91e056b53e6f14456222ff709',
    );
  });

  it('exchanges the request token (checksum verified by the fake) and logs out', async () => {
    const own = await startFakeKite({ loggedIn: false });
    try {
      const client = new KiteRestClient({ apiKey: own.apiKey, root: own.url });
      await expect(client.profile()).rejects.toBeInstanceOf(TokenExpiredError);
      const bad = new KiteRestClient({ apiKey: own.apiKey, root: own.url });
      await expect(bad.createSession(own.requestToken, 'wrong secret')).rejects.toMatchObject({
        brokerCode: 'TokenException',
        brokerMessage: 'Invalid `checksum`.',
        httpStatus: 403,
      });
      const session = await client.createSession(own.requestToken, own.apiSecret);
      expect(session.access_token).toBe(own.accessToken);
      const sent = own.requests.filter((r) => r.path === '/session/token').at(-1);
      expect(sent?.form.get('checksum')).toBe(
        kiteChecksum(own.apiKey, own.requestToken, own.apiSecret),
      );
      expect((await client.profile()).user_id).toBe('AB1234');
      const profileCall = own.requests.at(-1);
      expect(profileCall?.headers.authorization).toBe(`token ${own.apiKey}:${own.accessToken}`);
      expect(profileCall?.headers['x-kite-version']).toBe('3');
      await client.logout();
      const after = new KiteRestClient({
        apiKey: own.apiKey,
        accessToken: own.accessToken,
        root: own.url,
      });
      await expect(after.profile()).rejects.toBeInstanceOf(TokenExpiredError);
    } finally {
      await own.close();
    }
  });

  it('expires the session at 06:00 IST the next day', async () => {
    let clock = IST(2025, 3, 10, 9, 0);
    const own = await startFakeKite({ now: () => clock });
    try {
      const client = new KiteRestClient({
        apiKey: own.apiKey,
        accessToken: own.accessToken,
        root: own.url,
      });
      clock = IST(2025, 3, 11, 5, 59);
      expect((await client.margins()).equity.net).toBeCloseTo(99725.05, 2);
      clock = IST(2025, 3, 11, 6, 0);
      await expect(client.margins()).rejects.toBeInstanceOf(TokenExpiredError);
    } finally {
      await own.close();
    }
  });
});

describe('Kite orders over the fake', () => {
  it('places (form-encoded), modifies, partially fills, fills and reports the lifecycle', async () => {
    const request = limit({ validity: 'TTL', validityTtlMinutes: 5 });
    const orderId = await kite.placeOrder(request);
    const placed = fake.requests.find(
      (r) =>
        r.method === 'POST' && r.path === '/orders/regular' && r.form.get('tag') === request.tag,
    );
    expect(placed?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(placed?.form ?? [])).toEqual({
      exchange: 'NSE',
      tradingsymbol: 'INFY',
      transaction_type: 'BUY',
      quantity: '10',
      product: 'CNC',
      order_type: 'LIMIT',
      validity: 'TTL',
      validity_ttl: '5',
      price: '1490',
      tag: request.tag,
    });
    expect((await kite.orders()).find((o) => o.orderId === orderId)).toMatchObject({
      status: 'OPEN',
      validity: 'TTL',
      tag: request.tag,
    });

    expect(await kite.modifyOrder(orderId, { quantity: 12, price: 1495 })).toBe(orderId);
    fake.book.fill(orderId, 4, 1495);
    expect((await kite.orders()).find((o) => o.orderId === orderId)).toMatchObject({
      status: 'PARTIALLY_FILLED',
      quantity: 12,
      filledQuantity: 4,
      pendingQuantity: 8,
      price: 1495,
    });
    fake.setPrice('NSE:INFY', 1494);
    const history = await kite.orderHistory(orderId);
    expect(history.map((o) => o.status)).toEqual(['OPEN', 'OPEN', 'PARTIALLY_FILLED', 'FILLED']);
    expect(history.at(-1)).toMatchObject({ filledQuantity: 12, averagePrice: 1495 });
    const trades = await kite.orderTrades(orderId);
    expect(trades.map((t) => t.quantity)).toEqual([4, 8]);
    await expect(kite.cancelOrder(orderId)).rejects.toBeInstanceOf(OrderRejectedError);
  });

  it('cancels an open SL order (TRIGGER PENDING) and places an AMO SL-M', async () => {
    fake.setPrice('NSE:SBIN', 800);
    const sl = await kite.placeOrder(
      limit({
        instrument: 'NSE:SBIN',
        side: 'SELL',
        orderType: 'SL',
        price: 780,
        triggerPrice: 785,
        product: 'MIS',
      }),
    );
    expect((await kite.orderHistory(sl)).at(-1)?.status).toBe('TRIGGER_PENDING');
    await kite.cancelOrder(sl);
    expect((await kite.orderHistory(sl)).at(-1)).toMatchObject({
      status: 'CANCELLED',
      cancelledQuantity: 10,
    });
    const amo = await kite.placeOrder(
      limit({
        instrument: 'NSE:SBIN',
        orderType: 'SL-M',
        price: undefined,
        triggerPrice: 820,
        variety: 'amo',
      }),
    );
    expect(fake.requests.at(-1)?.path).toBe('/orders/amo');
    expect((await kite.orders()).find((o) => o.orderId === amo)).toMatchObject({
      variety: 'amo',
      orderType: 'SL-M',
      triggerPrice: 820,
    });
  });

  it('reports positions and trades after fills', async () => {
    fake.setPrice('NSE:SBIN', 810);
    await kite.placeOrder(
      limit({
        instrument: 'NSE:SBIN',
        orderType: 'MARKET',
        price: undefined,
        quantity: 5,
        product: 'MIS',
      }),
    );
    fake.setPrice('NSE:SBIN', 812);
    await kite.placeOrder(
      limit({
        instrument: 'NSE:SBIN',
        orderType: 'MARKET',
        price: undefined,
        quantity: 2,
        side: 'SELL',
        product: 'MIS',
      }),
    );
    const { net } = await kite.positions();
    const sbin = net.find((p) => p.tradingsymbol === 'SBIN' && p.product === 'MIS');
    expect(sbin).toMatchObject({
      quantity: 3,
      average_price: 810,
      realised: 4,
      instrument_token: 779521,
      buy_quantity: 5,
      sell_quantity: 2,
    });
    const fills = (await kite.trades()).filter((t) => t.tradingsymbol === 'SBIN');
    expect(fills.map((t) => [t.transaction_type, t.quantity, t.average_price])).toEqual([
      ['BUY', 5, 810],
      ['SELL', 2, 812],
    ]);
  });

  it('maps input errors from the fake to InputRejectedError with the broker message', async () => {
    const error = await kite
      .placeOrder(limit({ orderType: 'LIMIT', price: undefined }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputRejectedError);
    expect(error).toMatchObject({ brokerCode: 'InputException', httpStatus: 400 });
  });
});

describe('Kite injected faults', () => {
  it('503 NetworkException -> BrokerUnavailableError', async () => {
    fake.faults.unavailableOnce();
    await expect(kite.margins()).rejects.toBeInstanceOf(BrokerUnavailableError);
  });

  it('429 -> RateLimitedError with the Retry-After wait', async () => {
    fake.faults.rateLimitOnce(2);
    const error = await kite.holdings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(2000);
  });

  it('MarginException, OrderException and DataException envelopes', async () => {
    fake.faults.failNext({
      status: 400,
      errorType: 'MarginException',
      message: 'Insufficient funds.',
    });
    await expect(kite.placeOrder(limit())).rejects.toBeInstanceOf(InsufficientFundsError);
    fake.faults.failNext({ status: 500, errorType: 'OrderException', message: 'RMS blocked' });
    await expect(kite.placeOrder(limit())).rejects.toBeInstanceOf(OrderRejectedError);
    fake.faults.failNext({ status: 502, errorType: 'DataException', message: 'bad OMS response' });
    await expect(kite.orders()).rejects.toBeInstanceOf(BrokerUnavailableError);
  });

  it('latency beyond the client timeout -> NetworkError', async () => {
    const impatient = new KiteRestClient({
      apiKey: fake.apiKey,
      accessToken: fake.accessToken,
      root: fake.url,
      timeoutMs: 200,
    });
    fake.faults.latencyMs = 1_000;
    try {
      await expect(impatient.holdings()).rejects.toBeInstanceOf(NetworkError);
    } finally {
      fake.faults.latencyMs = 0;
    }
  });

  it('a fetch failure (nothing listening) -> NetworkError', async () => {
    const nowhere = new KiteRestClient({
      apiKey: 'k',
      accessToken: 't',
      root: 'http://127.0.0.1:1',
    });
    await expect(nowhere.orders()).rejects.toBeInstanceOf(NetworkError);
  });

  it('timeout after acceptance: one order in the book, found again by its tag', async () => {
    const impatient = new KiteRestClient({
      apiKey: fake.apiKey,
      accessToken: fake.accessToken,
      root: fake.url,
      timeoutMs: 500,
    });
    const request = limit();
    const before = fake.book.orders().length;
    fake.faults.timeoutAfterAcceptOnce();
    await expect(impatient.placeOrder(request)).rejects.toBeInstanceOf(NetworkError);
    const found = (await kite.orders()).filter((o) => o.tag === request.tag);
    expect(found).toHaveLength(1);
    expect(fake.book.orders()).toHaveLength(before + 1);
  });

  it('the fake answers 429 beyond its rate limit when a client does not pace', async () => {
    const own = await startFakeKite({ rateLimits: { quote: 1 } });
    try {
      const unpaced = new KiteRestClient({
        apiKey: own.apiKey,
        accessToken: own.accessToken,
        root: own.url,
        rateLimits: { quote: 100 },
      });
      const results = await Promise.allSettled([
        unpaced.ltp(['NSE:INFY']),
        unpaced.ltp(['NSE:INFY']),
        unpaced.ltp(['NSE:INFY']),
      ]);
      const rejected = results.filter((r) => r.status === 'rejected');
      expect(rejected.length).toBeGreaterThanOrEqual(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(RateLimitedError);
    } finally {
      await own.close();
    }
  });
});

describe('Kite market data over the fake', () => {
  it('serves fixture quotes and book prices; batches 1000 LTP keys into one request and 1200 into two', async () => {
    fake.setPrice('NSE:INFY', 1500);
    const quotes = await kite.quote(['NSE:INFY']);
    expect(quotes.get('NSE:INFY')).toMatchObject({ last_price: 1500, instrument_token: 408065 });
    const keys = Array.from({ length: 1200 }, (_, i) => (i === 0 ? 'NSE:INFY' : `NSE:X${i}`));
    const before = fake.requests.length;
    const ltp = await kite.ltp(keys);
    const calls = fake.requests.slice(before).filter((r) => r.path === '/quote/ltp');
    expect(calls.map((c) => c.query.getAll('i').length)).toEqual([1000, 200]);
    expect(ltp.get('NSE:INFY')?.last_price).toBe(1500);
  });

  it('fetches intraday candles across a 60-day chunk boundary, oldest first, no duplicates', async () => {
    const from = IST(2024, 1, 1, 9, 15);
    const to = IST(2024, 3, 29, 15, 30); // 88 days: two chunks
    const before = fake.requests.length;
    const candles = await kite.historical(408065, '60minute', from, to, { oi: true });
    const calls = fake.requests.slice(before);
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => [c.query.get('from'), c.query.get('to')])).toEqual([
      ['2024-01-01 09:15:00', '2024-03-01 09:14:59'],
      ['2024-03-01 09:15:00', '2024-03-29 15:30:00'],
    ]);
    expect(calls[0]?.query.get('oi')).toBe('1');
    const times = candles.map((c) => c[0]);
    expect(new Set(times).size).toBe(times.length);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[0]).toBe(from);
    expect(candles[0]).toHaveLength(7);
    // 65 weekdays x 7 hourly candles (09:15 ... 15:15)
    expect(candles).toHaveLength(65 * 7);
    expect(times).toContain(IST(2024, 3, 1, 9, 15));
  });

  it('loads the instruments CSV, gzip-encoded on the wire', async () => {
    const rows = await kite.instruments();
    expect(rows.find((r) => r.tradingsymbol === 'INFY')).toMatchObject({
      instrumentToken: 408065,
      exchange: 'NSE',
    });
    const raw = await fetch(`${fake.url}/instruments/NSE`, {
      headers: {
        Authorization: `token ${fake.apiKey}:${fake.accessToken}`,
        'Accept-Encoding': 'gzip',
      },
    });
    expect(raw.headers.get('content-type')).toBe('text/csv');
    expect(raw.headers.get('content-encoding')).toBe('gzip');
    const sent = fake.requests.filter((r) => r.path === '/instruments').at(-1);
    expect(sent?.headers['accept-encoding']).toContain('gzip');
    const nse = await kite.instruments('NSE');
    expect(nse.every((r) => r.exchange === 'NSE')).toBe(true);
    expect(nse.length).toBeGreaterThan(90);
  });
});
