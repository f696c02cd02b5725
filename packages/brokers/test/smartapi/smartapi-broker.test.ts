import type { InstrumentId, Tick } from '@pravah/sdk';
import { generateSecret } from 'otplib';
import { firstValueFrom, filter, type Subscription } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrokerUnavailableError,
  InputRejectedError,
  NetworkError,
  RateLimitedError,
  TokenExpiredError,
} from '../../src/errors/index.js';
import type { BrokerOrder, ConnectionState } from '../../src/port/index.js';
import { SmartApiBroker, type SmartApiBrokerOptions } from '../../src/smartapi/index.js';
import {
  fakeCandles,
  startFakeSmartApi,
  type FakeSmartApi,
} from '../../src/testing/smartapi/index.js';

let fake: FakeSmartApi;
let broker: SmartApiBroker;
const states: ConnectionState[] = [];
const updates: BrokerOrder[] = [];
const subscriptions: Subscription[] = [];

function optionsFor(
  f: FakeSmartApi,
  extra: Partial<SmartApiBrokerOptions> = {},
): SmartApiBrokerOptions {
  return {
    apiKey: f.apiKey,
    clientCode: f.clientCode,
    pin: f.pin,
    totpSecret: f.totpSecret,
    baseUrl: f.baseUrl,
    feedUrl: f.wsUrl,
    orderFeedUrl: f.orderWsUrl,
    instrumentsUrl: f.instrumentsUrl,
    timeoutMs: 3000,
    reconnectBackoffMs: 50,
    pingIntervalMs: 300,
    ...extra,
  };
}

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Publishes until a tick arrives (the subscription reaches the fake asynchronously). */
async function nextTick(stream: Promise<Tick>, publish: () => void): Promise<Tick> {
  let done = false;
  void stream.finally(() => (done = true));
  while (!done) {
    publish();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return stream;
}

beforeAll(async () => {
  fake = await startFakeSmartApi();
  broker = await SmartApiBroker.login(optionsFor(fake));
  subscriptions.push(broker.connectionState$.subscribe((s) => states.push(s)));
  subscriptions.push(broker.orderUpdates$.subscribe((o) => updates.push(o)));
});

afterAll(async () => {
  for (const s of subscriptions) s.unsubscribe();
  await broker.close();
  await fake.close();
});

describe('SmartApiBroker login', () => {
  it('logs in with client code, PIN and a TOTP, sending the fixed X- headers', () => {
    const login = fake.requests.find((r) => r.route === 'loginByPassword');
    expect(login?.body).toMatchObject({ clientcode: fake.clientCode, password: fake.pin });
    expect(String((login?.body as { totp: string }).totp)).toMatch(/^\d{6}$/);
    expect(login?.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
      'x-usertype': 'USER',
      'x-sourceid': 'WEB',
      'x-clientlocalip': '127.0.0.1',
      'x-clientpublicip': '127.0.0.1',
      'x-macaddress': '00:00:00:00:00:00',
      'x-privatekey': fake.apiKey,
    });
    expect(login?.headers.authorization).toBeUndefined();
    expect(broker.rest.tokens?.feedToken).toMatch(/fake-feed/);
  });

  it('turns a wrong TOTP into InputRejectedError with code AB1050', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // login is limited to 1/s
    const error: unknown = await SmartApiBroker.login(
      optionsFor(fake, { totpSecret: generateSecret() }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputRejectedError);
    expect((error as InputRejectedError).brokerCode).toBe('AB1050');
  });

  it('sends the JWT as a Bearer token on secure calls', async () => {
    const funds = await broker.funds();
    expect(funds).toEqual({ available: 99_500, used: 500, net: 100_000 });
    const rms = fake.requests.filter((r) => r.route === 'getRMS').at(-1);
    expect(rms?.headers.authorization).toBe(`Bearer ${broker.rest.tokens?.jwtToken}`);
  });
});

describe('SmartApiBroker instruments', () => {
  it('maps the scrip master: -EQ dropped, tick and strike from paise, expiry as ISO date', async () => {
    const all = await broker.instruments();
    const byId = new Map(all.map((i) => [i.id, i]));
    expect(byId.get('NSE:SBIN')).toMatchObject({
      type: 'EQ',
      lotSize: 1,
      tickSize: 0.05,
      brokerTokens: { smartapi: '3045' },
    });
    expect(byId.get('NFO:NIFTY30DEC2526000CE')).toMatchObject({
      type: 'CE',
      strike: 26_000,
      expiry: '2025-12-30',
      lotSize: 75,
      tickSize: 0.05,
      underlying: 'NIFTY',
      brokerTokens: { smartapi: '43562' },
    });
    expect(byId.get('NFO:NIFTY30DEC25FUT')).toMatchObject({ type: 'FUT', expiry: '2025-12-30' });
    expect(byId.get('NSE:NIFTY 50')).toMatchObject({ type: 'IDX', tickSize: 0.05 });
    expect(byId.get('NSE:NIFTY BANK')?.brokerTokens).toEqual({ smartapi: '99926009' });
    expect(byId.get('CDS:USDINR29DEC25FUT')?.tickSize).toBe(0.0025);
    expect(byId.get('BSE:RELIANCE')?.brokerTokens).toEqual({ smartapi: '500325' });
    expect(all).toHaveLength(10); // the NCDEX row has no SDK exchange
    expect((await broker.instruments('NFO')).map((i) => i.id)).toEqual([
      'NFO:NIFTY30DEC25FUT',
      'NFO:NIFTY30DEC2526000CE',
      'NFO:NIFTY30DEC2526000PE',
    ]);
  });
});

describe('SmartApiBroker orders', () => {
  it('places, modifies and cancels a LIMIT order with its tag as ordertag', async () => {
    fake.orderBook.setPrice('NSE:SBIN', 812);
    const ack = await broker.placeOrder({
      instrument: 'NSE:SBIN',
      side: 'BUY',
      quantity: 5,
      orderType: 'LIMIT',
      price: 800,
      product: 'MIS',
      validity: 'DAY',
      tag: 'life1',
    });
    expect(ack.tag).toBe('life1');
    const placed = fake.requests.filter((r) => r.route === 'placeOrder').at(-1);
    expect(placed?.body).toEqual({
      variety: 'NORMAL',
      tradingsymbol: 'SBIN-EQ',
      symboltoken: '3045',
      transactiontype: 'BUY',
      exchange: 'NSE',
      ordertype: 'LIMIT',
      producttype: 'INTRADAY',
      duration: 'DAY',
      price: '800',
      triggerprice: '0',
      squareoff: '0',
      stoploss: '0',
      quantity: '5',
      ordertag: 'life1',
    });
    const open = await broker.orderByTag('life1');
    expect(open).toMatchObject({
      orderId: ack.orderId,
      instrument: 'NSE:SBIN',
      status: 'OPEN',
      price: 800,
      quantity: 5,
      pendingQuantity: 5,
      product: 'MIS',
      variety: 'regular',
    });
    await broker.modifyOrder(ack.orderId, { price: 805 });
    expect(fake.orderBook.order(ack.orderId)?.price).toBe(805);
    await broker.cancelOrder(ack.orderId);
    const history = await broker.orderHistory(ack.orderId);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: 'CANCELLED', price: 805, cancelledQuantity: 5 });
    await until(() => updates.some((u) => u.orderId === ack.orderId && u.status === 'CANCELLED'));
    expect(updates.find((u) => u.orderId === ack.orderId)?.tag).toBe('life1');
  });

  it('sends stop-loss orders as variety STOPLOSS and reads them back as TRIGGER_PENDING', async () => {
    const ack = await broker.placeOrder({
      instrument: 'NSE:SBIN',
      side: 'SELL',
      quantity: 1,
      orderType: 'SL',
      price: 790,
      triggerPrice: 795,
      product: 'MIS',
      validity: 'DAY',
      tag: 'sl1',
    });
    const placed = fake.requests.filter((r) => r.route === 'placeOrder').at(-1);
    expect(placed?.body).toMatchObject({ variety: 'STOPLOSS', ordertype: 'STOPLOSS_LIMIT' });
    expect(await broker.orderByTag('sl1')).toMatchObject({
      orderId: ack.orderId,
      status: 'TRIGGER_PENDING',
      triggerPrice: 795,
      orderType: 'SL',
    });
    await broker.cancelOrder(ack.orderId);
    const cancel = fake.requests.filter((r) => r.route === 'cancelOrder').at(-1);
    expect(cancel?.body).toEqual({ variety: 'STOPLOSS', orderid: ack.orderId });
  });

  it('rejects tags SmartAPI cannot carry before sending anything', async () => {
    const before = fake.requests.length;
    const error: unknown = await broker
      .placeOrder({
        instrument: 'NSE:SBIN',
        side: 'BUY',
        quantity: 1,
        orderType: 'MARKET',
        product: 'MIS',
        validity: 'DAY',
        tag: 'a'.repeat(20),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputRejectedError);
    expect(fake.requests.length).toBe(before);
  });

  it('reports positions, trades after fills', async () => {
    fake.orderBook.setPrice('NSE:INFY', 1500);
    const base = {
      instrument: 'NSE:INFY' as InstrumentId,
      orderType: 'MARKET' as const,
      product: 'NRML' as const,
      validity: 'DAY' as const,
    };
    await broker.placeOrder({ ...base, side: 'BUY', quantity: 10, tag: 'pos1' });
    fake.orderBook.setPrice('NSE:INFY', 1503.5);
    await broker.placeOrder({ ...base, side: 'SELL', quantity: 4, tag: 'pos2' });
    const positions = await broker.positions();
    const infy = positions.net.find((p) => p.instrument === 'NSE:INFY');
    expect(infy).toMatchObject({
      product: 'NRML',
      quantity: 6,
      averagePrice: 1500,
      lastPrice: 1503.5,
    });
    expect(infy?.realisedPnl.toNumber()).toBe(14);
    const trades = (await broker.trades()).filter((t) => t.instrument === 'NSE:INFY');
    expect(trades.map((t) => [t.side, t.quantity, t.price])).toEqual([
      ['BUY', 10, 1500],
      ['SELL', 4, 1503.5],
    ]);
    expect(await broker.orderByTag('pos2')).toMatchObject({
      status: 'FILLED',
      averagePrice: 1503.5,
    });
  });

  it('answers quotes with depth from the FULL market quote', async () => {
    fake.orderBook.setPrice('NFO:NIFTY30DEC25FUT', 26_010.5);
    const quotes = await broker.quotes(['NSE:SBIN', 'NFO:NIFTY30DEC25FUT', 'NSE:RELIANCE']);
    expect(quotes.get('NFO:NIFTY30DEC25FUT')).toMatchObject({
      price: 26_010.5,
      bid: 26_010.4,
      ask: 26_010.6,
      volume: 12_345,
      time: Date.UTC(2023, 5, 21, 5, 16, 10),
    });
    expect(quotes.get('NSE:SBIN')?.price).toBe(812);
    expect(quotes.has('NSE:RELIANCE')).toBe(false); // unfetched: no price yet
    const request = fake.requests.filter((r) => r.route === 'quote').at(-1);
    expect(request?.body).toEqual({
      mode: 'FULL',
      exchangeTokens: { NSE: ['3045', '2885'], NFO: ['57920'] },
    });
  });
});

describe('SmartApiBroker candles', () => {
  it('chunks 1m candles to 30-day requests, without gaps or duplicates at the boundary', async () => {
    const from = Date.UTC(2025, 0, 1, 3, 45); // 09:15 IST
    const to = Date.UTC(2025, 1, 14, 10, 0); // 15:30 IST, 44 days later
    const before = fake.requests.filter((r) => r.route === 'getCandleData').length;
    const bars = await broker.historicalCandles('NSE:SBIN', '1m', from, to);
    const calls = fake.requests.filter((r) => r.route === 'getCandleData').slice(before);
    expect(calls.map((c) => c.body)).toEqual([
      {
        exchange: 'NSE',
        symboltoken: '3045',
        interval: 'ONE_MINUTE',
        fromdate: '2025-01-01 09:15',
        todate: '2025-01-31 09:15',
      },
      {
        exchange: 'NSE',
        symboltoken: '3045',
        interval: 'ONE_MINUTE',
        fromdate: '2025-01-31 09:16',
        todate: '2025-02-14 15:30',
      },
    ]);
    const expected = fakeCandles('ONE_MINUTE', from, to);
    expect(bars).toHaveLength(expected.length);
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.time).toBeGreaterThan(bars[i - 1]!.time);
    expect(bars.some((b) => b.time === Date.UTC(2025, 0, 31, 3, 45))).toBe(true);
    expect(bars.some((b) => b.time === Date.UTC(2025, 0, 31, 3, 46))).toBe(true);
    expect(bars[0]).toMatchObject({
      kind: 'bar',
      instrument: 'NSE:SBIN',
      timeframe: '1m',
      time: from,
    });
  });

  it('rejects 1s candles, which SmartAPI does not have', async () => {
    await expect(broker.historicalCandles('NSE:SBIN', '1s', 0, 1)).rejects.toBeInstanceOf(
      InputRejectedError,
    );
  });
});

describe('SmartApiBroker market data socket', () => {
  const sbin = { exchangeType: 1, token: '3045', exchangeTime: 1_763_361_420_000, ltp: 812.35 };

  it('subscribes, changes mode, unsubscribes', async () => {
    const ltp = firstValueFrom(broker.subscribe(['NSE:SBIN'], 'ltp'));
    const tick = await nextTick(ltp, () => fake.feed.publish(sbin));
    expect(tick).toEqual({
      kind: 'tick',
      instrument: 'NSE:SBIN',
      time: sbin.exchangeTime,
      price: 812.35,
    });
    const connect = fake.requests.length; // the socket authenticated with headers, not REST
    expect(connect).toBeGreaterThan(0);
    expect(fake.feed.subscriptions()).toEqual([{ exchangeType: 1, token: '3045', mode: 1 }]);

    const full = firstValueFrom(
      broker.subscribe(['NSE:SBIN'], 'full').pipe(filter((t) => t.depth !== undefined)),
    );
    const deep = await nextTick(full, () =>
      fake.feed.publish({
        ...sbin,
        buy: [{ price: 812.3, quantity: 10, orders: 2 }],
        sell: [{ price: 812.4, quantity: 7, orders: 1 }],
        volume: 999,
        openInterest: 0,
      }),
    );
    expect(deep).toMatchObject({ price: 812.35, bid: 812.3, ask: 812.4, volume: 999 });
    expect(deep.depth?.buy).toHaveLength(5);
    await until(
      () => fake.feed.subscriptions().length === 1 && fake.feed.subscriptions()[0]?.mode === 3,
    );

    broker.unsubscribe(['NSE:SBIN']);
    await until(() => fake.feed.subscriptions().length === 0);
  });

  it('answers pings with pong and counts malformed frames without breaking the stream', async () => {
    await until(() => fake.feed.pings > 0);
    const ticks = firstValueFrom(broker.subscribe(['NFO:NIFTY30DEC25FUT'], 'quote'));
    await until(() => fake.feed.subscriptions().some((s) => s.token === '57920'));
    const before = broker.marketFeed.malformedFrames;
    fake.feed.sendRaw(new Uint8Array([2, 2, 0x35]));
    fake.feed.sendRaw(new Uint8Array(123).fill(9));
    fake.feed.sendText('not json');
    const tick = await nextTick(ticks, () =>
      fake.feed.publish({
        exchangeType: 2,
        token: '57920',
        exchangeTime: 1,
        ltp: 26_000.05,
        lastTradedQuantity: 75,
        volume: 1500,
      }),
    );
    expect(tick).toMatchObject({ price: 26_000.05, quantity: 75, volume: 1500 });
    await until(() => broker.marketFeed.malformedFrames >= before + 3);
    expect(broker.marketFeed.malformedFrames).toBe(before + 3);
  });

  it('reconnects after a drop and after a frame cut mid-way, and resubscribes', async () => {
    broker.subscribe(['NSE:SBIN'], 'ltp');
    await until(() => fake.feed.subscriptions().some((s) => s.token === '3045'));
    const accepted = fake.feed.accepted;
    fake.feed.dropConnections();
    await until(() => fake.feed.accepted === accepted + 1);
    await until(() => fake.feed.subscriptions().some((s) => s.token === '3045' && s.mode === 1));
    expect(states).toContain('reconnecting');

    fake.feed.dropMidFrame(sbin, 1);
    await until(() => fake.feed.accepted === accepted + 2);
    await until(() => fake.feed.subscriptions().some((s) => s.token === '3045'));
    const tick = await nextTick(firstValueFrom(broker.subscribe(['NSE:SBIN'], 'ltp')), () =>
      fake.feed.publish({ ...sbin, ltp: 813 }),
    );
    expect(tick.price).toBe(813);
    expect(broker.marketFeed.reconnects).toBeGreaterThanOrEqual(2);
  });
});

describe('SmartApiBroker faults', () => {
  it('maps 5xx to BrokerUnavailableError and 429/403-rate answers to RateLimitedError', async () => {
    fake.faults.failNext('getRMS', 'http-503');
    await expect(broker.funds()).rejects.toBeInstanceOf(BrokerUnavailableError);
    fake.faults.failNext('getRMS', 'http-429');
    const throttled: unknown = await broker.funds().catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(RateLimitedError);
    expect((throttled as RateLimitedError).retryAfterMs).toBe(1000);
    fake.faults.failNext('getRMS', 'rate-403');
    await expect(broker.funds()).rejects.toBeInstanceOf(RateLimitedError);
    expect((await broker.funds()).available).toBe(99_500);
  });

  it('the fake refuses bursts beyond the documented limits; the client spaces its calls', async () => {
    const headers = {
      'X-PrivateKey': fake.apiKey,
      Authorization: `Bearer ${broker.rest.tokens?.jwtToken}`,
    };
    const url = `${fake.baseUrl}/rest/secure/angelbroking/order/v1/getOrderBook`;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const burst = await Promise.all([1, 2, 3, 4].map(() => fetch(url, { headers })));
    const refused = burst.filter((r) => r.status === 403);
    expect(refused.length).toBeGreaterThan(0);
    expect(await refused[0]!.text()).toMatch(/exceeding access rate/);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const books = await Promise.all([broker.orders(), broker.orders(), broker.orders()]);
    expect(books.map((b) => b.length)).toEqual([books[0].length, books[0].length, books[0].length]);
  });

  it('turns a slow answer into NetworkError', async () => {
    fake.faults.latencyMs = 4000;
    try {
      await expect(broker.funds()).rejects.toBeInstanceOf(NetworkError);
    } finally {
      fake.faults.latencyMs = 0;
    }
  });

  it('resolves a placement that timed out after the broker accepted it by tag, without a duplicate', async () => {
    fake.faults.failNext('placeOrder', 'timeout-after-accept');
    const request = {
      instrument: 'NSE:SBIN' as InstrumentId,
      side: 'BUY' as const,
      quantity: 2,
      orderType: 'LIMIT' as const,
      price: 700,
      product: 'MIS' as const,
      validity: 'DAY' as const,
      tag: 'tmo1',
    };
    await expect(broker.placeOrder(request)).rejects.toBeInstanceOf(NetworkError);
    const found = await broker.orderByTag('tmo1');
    expect(found).toMatchObject({ status: 'OPEN', quantity: 2, price: 700 });
    const all = await broker.orders();
    expect(all.filter((o) => o.tag === 'tmo1')).toHaveLength(1);
    expect(fake.orderBook.orders().filter((o) => o.tag === 'tmo1')).toHaveLength(1);
  });

  it('maps invalid and expired tokens to TokenExpiredError; refresh and login recover', async () => {
    const real = broker.rest.tokens!;
    broker.rest.tokens = { ...real, jwtToken: 'bogus' };
    const invalid: unknown = await broker.funds().catch((e: unknown) => e);
    broker.rest.tokens = real;
    expect(invalid).toBeInstanceOf(TokenExpiredError);
    expect((invalid as TokenExpiredError).brokerCode).toBe('AG8001');

    await broker.refreshSession();
    expect(broker.rest.tokens?.jwtToken).not.toBe(real.jwtToken);
    expect((await broker.funds()).net).toBe(100_000);

    fake.faults.expireSessions();
    const expired: unknown = await broker.funds().catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(TokenExpiredError);
    expect((expired as TokenExpiredError).brokerCode).toBe('AG8002');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await broker.login();
    expect((await broker.funds()).available).toBe(99_500);
  });

  it('logs out: the old session is refused afterwards', async () => {
    const tokens = broker.rest.tokens!;
    await broker.logout();
    expect(broker.rest.tokens).toBeUndefined();
    broker.rest.tokens = tokens;
    const error: unknown = await broker.funds().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenExpiredError);
  });
});

describe('SmartApiBroker quotes batching', () => {
  it('splits quotes into requests of at most 50 tokens', async () => {
    const scrips = Array.from({ length: 60 }, (_, i) => ({
      token: String(10_000 + i),
      symbol: `STOCK${i}-EQ`,
      name: `STOCK${i}`,
      expiry: '',
      strike: '-1.000000',
      lotsize: '1',
      instrumenttype: '',
      exch_seg: 'NSE',
      tick_size: '5.000000',
    }));
    const big = await startFakeSmartApi({ scrips });
    const client = await SmartApiBroker.login(optionsFor(big));
    try {
      const ids = scrips.map((s) => `NSE:${s.name}` as InstrumentId);
      ids.forEach((id, i) => big.orderBook.setPrice(id, 100 + i));
      const quotes = await client.quotes(ids);
      expect(quotes.size).toBe(60);
      expect(quotes.get('NSE:STOCK59')?.price).toBe(159);
      const sizes = big.requests
        .filter((r) => r.route === 'quote')
        .map((r) => (r.body as { exchangeTokens: { NSE: string[] } }).exchangeTokens.NSE.length);
      expect(sizes).toEqual([50, 10]);
    } finally {
      await client.close();
      await big.close();
    }
  });
});
