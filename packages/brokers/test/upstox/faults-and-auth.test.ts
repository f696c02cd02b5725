import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstox, type FakeUpstox } from '../../src/testing/upstox/index.js';
import {
  BrokerUnavailableError,
  InputRejectedError,
  InsufficientFundsError,
  NetworkError,
  OrderRejectedError,
  RateLimitedError,
  TokenExpiredError,
} from '../../src/errors/index.js';
import type { OrderRequest } from '../../src/port/index.js';
import {
  UpstoxBroker,
  exchangeUpstoxCode,
  upstoxAuthorizeUrl,
  upstoxTokenExpiry,
} from '../../src/upstox/index.js';
import { brokerFor } from './helpers.js';

const buy = (tag: string): OrderRequest => ({
  instrument: 'NSE:INFY',
  side: 'BUY',
  quantity: 1,
  orderType: 'LIMIT',
  price: 1400,
  product: 'MIS',
  validity: 'DAY',
  tag,
});

describe('Upstox faults map to typed errors', () => {
  let fake: FakeUpstox;
  let broker: UpstoxBroker;
  beforeAll(async () => {
    fake = await startFakeUpstox();
    broker = brokerFor(fake, { timeoutMs: 1_000 });
  });
  afterAll(async () => {
    await broker.close();
    await fake.close();
  });

  it('5xx -> BrokerUnavailableError with the status', async () => {
    fake.faults.next({ kind: 'status', status: 503 }, '/v2/order/retrieve-all');
    const error = await broker.orders().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokerUnavailableError);
    expect((error as BrokerUnavailableError).httpStatus).toBe(503);
  });

  it('429 -> RateLimitedError carrying UDAPI10005 and a wait', async () => {
    fake.faults.next({ kind: 'status', status: 429 }, '/v2/portfolio/short-term-positions');
    const error = await broker.positions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).brokerCode).toBe('UDAPI10005');
    expect((error as RateLimitedError).retryAfterMs).toBe(1_000);
  });

  it('latency below the timeout still answers; above it -> NetworkError', async () => {
    fake.faults.next({ kind: 'latency', ms: 50 }, '/v2/user/get-funds-and-margin');
    expect((await broker.funds()).available).toBe(100_000);
    fake.faults.next({ kind: 'latency', ms: 3_000 }, '/v2/user/get-funds-and-margin');
    await expect(broker.funds()).rejects.toBeInstanceOf(NetworkError);
  });

  it('error envelopes: input codes, RMS refusals, insufficient funds (camelCase or snake_case)', async () => {
    fake.faults.next(
      { kind: 'error', status: 400, code: 'UDAPI1004', message: 'Invalid order type' },
      '/v3/order/place',
    );
    await expect(broker.placeOrder(buy('err1'))).rejects.toBeInstanceOf(InputRejectedError);
    fake.faults.next(
      {
        kind: 'error',
        status: 400,
        code: 'UDAPI100099',
        message: 'RMS: Margin Exceeds, insufficient funds',
      },
      '/v3/order/place',
    );
    const funds = await broker.placeOrder(buy('err2')).catch((e: unknown) => e);
    expect(funds).toBeInstanceOf(InsufficientFundsError);
    expect((funds as InsufficientFundsError).brokerCode).toBe('UDAPI100099');
    fake.faults.next(
      { kind: 'error', status: 400, code: 'UDAPI100098', message: 'Price outside circuit band' },
      '/v3/order/place',
    );
    await expect(broker.placeOrder(buy('err3'))).rejects.toBeInstanceOf(OrderRejectedError);
  });

  it('timeout after the order was accepted is resolved by orderByTag, with no duplicate order', async () => {
    fake.faults.next({ kind: 'timeoutAfterAccept' }, '/v3/order/place');
    const error = await broker.placeOrder(buy('unknown1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    const found = await broker.orderByTag('unknown1');
    expect(found).toMatchObject({ tag: 'unknown1', status: 'OPEN', quantity: 1 });
    // The runtime's rule: found by tag -> do not place again.
    expect(fake.orderBook.orders().filter((o) => o.tag === 'unknown1')).toHaveLength(1);
  });

  it('server-side rate limit beyond the window -> 429 -> RateLimitedError', async () => {
    const limited = await startFakeUpstox({
      orderLimit: { perSecond: 2, perMinute: 500, perHalfHour: 2000 },
    });
    const eager = brokerFor(limited, {
      orderLimit: { perSecond: 100, perMinute: 1000, perHalfHour: 5000 },
    });
    try {
      const results = await Promise.allSettled(
        [1, 2, 3, 4, 5].map((n) => eager.placeOrder(buy(`rl${n}`))),
      );
      const rejected = results.filter((r) => r.status === 'rejected');
      expect(rejected.length).toBeGreaterThanOrEqual(1);
      for (const r of rejected) expect(r.reason).toBeInstanceOf(RateLimitedError);
    } finally {
      await eager.close();
      await limited.close();
    }
  });

  it('the client limiter queues a burst instead of drawing 429s', async () => {
    // The client allows 2/s against the server's 3/s: arrival jitter on a loaded machine
    // cannot push three requests into one server second.
    const limited = await startFakeUpstox({
      orderLimit: { perSecond: 3, perMinute: 500, perHalfHour: 2000 },
    });
    const polite = brokerFor(limited, {
      orderLimit: { perSecond: 2, perMinute: 500, perHalfHour: 2000 },
    });
    try {
      const acks = await Promise.all([1, 2, 3, 4, 5].map((n) => polite.placeOrder(buy(`q${n}`))));
      expect(acks.map((a) => a.tag)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    } finally {
      await polite.close();
      await limited.close();
    }
  });
});

describe('Upstox login and token expiry', () => {
  let fake: FakeUpstox;
  let clock = Date.parse('2024-03-20T10:00:00+05:30');
  beforeAll(async () => {
    fake = await startFakeUpstox({ now: () => clock });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('builds the authorize URL, follows the dialog redirect and exchanges the code (flat body)', async () => {
    const url = upstoxAuthorizeUrl({
      apiKey: fake.apiKey,
      redirectUri: fake.redirectUri,
      state: 's1',
      baseUrl: fake.baseUrl,
    });
    expect(new URL(url).pathname).toBe('/v2/login/authorization/dialog');
    expect(new URL(url).searchParams.get('response_type')).toBe('code');
    const dialog = await fetch(url, { redirect: 'manual' });
    const location = new URL(dialog.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('s1');
    const code = location.searchParams.get('code') ?? '';
    const session = await exchangeUpstoxCode({
      apiKey: fake.apiKey,
      apiSecret: fake.apiSecret,
      redirectUri: fake.redirectUri,
      baseUrl: fake.baseUrl,
      code,
      now: () => clock,
    });
    expect(session.userId).toBe('FAKE01');
    expect(session.expiresAt).toBe(Date.parse('2024-03-21T03:30:00+05:30'));
    // The code is single-use.
    await expect(
      exchangeUpstoxCode({
        apiKey: fake.apiKey,
        apiSecret: fake.apiSecret,
        redirectUri: fake.redirectUri,
        baseUrl: fake.baseUrl,
        code,
      }),
    ).rejects.toBeInstanceOf(TokenExpiredError);

    const broker = new UpstoxBroker({
      session,
      baseUrl: fake.baseUrl,
      orderBaseUrl: fake.orderBaseUrl,
      now: () => clock,
    });
    expect(await broker.orders()).toEqual([]);
    // Past 03:30 IST next day the client refuses before sending.
    clock = Date.parse('2024-03-21T03:30:00+05:30');
    const before = fake.requests.length;
    await expect(broker.orders()).rejects.toBeInstanceOf(TokenExpiredError);
    expect(fake.requests.length).toBe(before);
    await broker.close();
  });

  it('a token the server revoked -> 401 UDAPI100050 -> TokenExpiredError', async () => {
    clock = Date.parse('2024-03-20T12:00:00+05:30');
    const broker = brokerFor(fake, { now: () => clock });
    fake.expireTokens();
    const error = await broker.funds().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenExpiredError);
    expect((error as TokenExpiredError).brokerCode).toBe('UDAPI100050');
    expect((error as TokenExpiredError).httpStatus).toBe(401);
    await broker.close();
  });

  it('expiry is 03:30 IST on the next calendar day whatever the issue time', () => {
    expect(upstoxTokenExpiry(Date.parse('2024-03-20T00:10:00+05:30'))).toBe(
      Date.parse('2024-03-21T03:30:00+05:30'),
    );
    expect(upstoxTokenExpiry(Date.parse('2024-03-20T23:59:00+05:30'))).toBe(
      Date.parse('2024-03-21T03:30:00+05:30'),
    );
  });
});
