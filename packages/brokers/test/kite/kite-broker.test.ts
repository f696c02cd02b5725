import type { Tick } from '@pravah/sdk';
import { filter, firstValueFrom, take, timeout, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputRejectedError } from '../../src/errors/index.js';
import { KiteBroker, tickFromKiteTick, type KiteFullTick } from '../../src/kite/index.js';
import type { BrokerOrder } from '../../src/port/index.js';
import { startFakeKite, type FakeKite } from '../../src/testing/kite/index.js';

let fake: FakeKite;
let broker: KiteBroker;

async function eventually<T>(check: () => T | undefined, ms = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  fake = await startFakeKite();
  broker = new KiteBroker({
    apiKey: fake.apiKey,
    accessToken: fake.accessToken,
    root: fake.url,
    tickerUrl: fake.tickerUrl,
    ticker: { initialBackoffMs: 50, maxBackoffMs: 500 },
  });
});

afterAll(async () => {
  await broker.close();
  await fake.close();
});

const full: KiteFullTick = {
  mode: 'full',
  tradable: true,
  instrumentToken: 408065,
  lastPrice: 1500.5,
  lastQuantity: 3,
  averagePrice: 1499,
  volume: 12_000,
  buyQuantity: 500,
  sellQuantity: 700,
  ohlc: { open: 1490, high: 1505, low: 1488, close: 1485 },
  change: 1.04,
  lastTradeTime: Date.UTC(2025, 0, 2, 4, 0, 0),
  oi: 0,
  oiDayHigh: 0,
  oiDayLow: 0,
  timestamp: Date.UTC(2025, 0, 2, 4, 0, 1),
  depth: {
    buy: [{ price: 1500.45, quantity: 10, orders: 2 }],
    sell: [{ price: 1500.6, quantity: 4, orders: 1 }],
  },
};

describe('tickFromKiteTick', () => {
  it('maps a full tick: exchange time, bid/ask from depth, volume and last quantity', () => {
    expect(tickFromKiteTick(full, 'NSE:INFY', 0)).toEqual({
      kind: 'tick',
      instrument: 'NSE:INFY',
      time: Date.UTC(2025, 0, 2, 4, 0, 1),
      price: 1500.5,
      quantity: 3,
      volume: 12_000,
      oi: 0,
      bid: 1500.45,
      ask: 1500.6,
      depth: full.depth,
    });
  });

  it('falls back to the last trade time, then to the receive time; skips untraded', () => {
    expect(tickFromKiteTick({ ...full, timestamp: null }, 'NSE:INFY', 7)?.time).toBe(
      full.lastTradeTime,
    );
    const ltp = { mode: 'ltp', tradable: true, instrumentToken: 1, lastPrice: 10 } as const;
    expect(tickFromKiteTick(ltp, 'NSE:INFY', 7)).toEqual({
      kind: 'tick',
      instrument: 'NSE:INFY',
      time: 7,
      price: 10,
    });
    expect(tickFromKiteTick({ ...ltp, lastPrice: 0 }, 'NSE:INFY', 7)).toBeUndefined();
  });
});

describe('KiteBroker', () => {
  it('refuses a tag Kite would reject before anything is sent', async () => {
    const before = fake.requests.length;
    const error = await broker
      .placeOrder({
        instrument: 'NSE:INFY',
        side: 'BUY',
        quantity: 1,
        orderType: 'MARKET',
        product: 'CNC',
        validity: 'DAY',
        tag: 'has space',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputRejectedError);
    expect(fake.requests.length).toBe(before);
  });

  it('refuses 1s candles (Kite has none) and unknown instruments with InputRejectedError', async () => {
    await expect(broker.historicalCandles('NSE:INFY', '1s', 0, 1000)).rejects.toBeInstanceOf(
      InputRejectedError,
    );
    await expect(broker.historicalCandles('NSE:NOSUCHSTOCK', '1m', 0, 1000)).rejects.toBeInstanceOf(
      InputRejectedError,
    );
  });

  it('modifies and cancels an AMO on the amo variety path', async () => {
    const ack = await broker.placeOrder({
      instrument: 'NSE:SBIN',
      side: 'BUY',
      quantity: 1,
      orderType: 'LIMIT',
      price: 700,
      product: 'CNC',
      validity: 'DAY',
      variety: 'amo',
      tag: 'amo1',
    });
    expect(await broker.modifyOrder(ack.orderId, { price: 705 })).toEqual({
      orderId: ack.orderId,
      tag: 'amo1',
    });
    await broker.cancelOrder(ack.orderId);
    const paths = fake.requests.slice(-4).map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain(`PUT /orders/amo/${ack.orderId}`);
    expect(paths).toContain(`DELETE /orders/amo/${ack.orderId}`);
    expect(fake.book.order(ack.orderId)).toMatchObject({ status: 'CANCELLED', price: 705 });
  });

  it('streams quotes as SDK ticks with the book price', async () => {
    fake.setPrice('NSE:INFY', 1510);
    const quotes = await broker.quotes(['NSE:INFY', 'NSE:SBIN']);
    expect(quotes.get('NSE:INFY')).toMatchObject({ price: 1510, bid: 1509.95, ask: 1510.05 });
  });

  it('emits each order state once, and catches up on updates missed while the socket was down', async () => {
    const seen: BrokerOrder[] = [];
    const subscription = broker.orderUpdates$.subscribe((o) => seen.push(o));
    await firstValueFrom(broker.connectionState$.pipe(filter((s) => s === 'connected')));
    fake.setPrice('NSE:SBIN', 790);
    const ack = await broker.placeOrder({
      instrument: 'NSE:SBIN',
      side: 'BUY',
      quantity: 4,
      orderType: 'LIMIT',
      price: 780,
      product: 'MIS',
      validity: 'DAY',
      tag: 'pb1',
    });
    await eventually(() => seen.find((o) => o.orderId === ack.orderId && o.status === 'OPEN'));

    // Cut the socket and fill while nobody listens: the postback is lost on the wire.
    fake.faults.dropMarketData();
    await firstValueFrom(broker.connectionState$.pipe(filter((s) => s !== 'connected')));
    fake.book.fill(ack.orderId, 4, 780);
    const filled = await eventually(() =>
      seen.find((o) => o.orderId === ack.orderId && o.status === 'FILLED'),
    );
    expect(filled).toMatchObject({ filledQuantity: 4, averagePrice: 780, tag: 'pb1' });
    const states = seen.filter((o) => o.orderId === ack.orderId).map((o) => o.status);
    expect(states).toEqual(['OPEN', 'FILLED']);
    subscription.unsubscribe();
  });

  it('subscribes ticks by instrument id and maps them through the instrument map', async () => {
    const ticks = firstValueFrom(
      broker.subscribe(['NSE:INFY'], 'full').pipe(
        filter((t: Tick) => t.price === 1520.25),
        take(1),
        timeout(10_000),
        toArray(),
      ),
    );
    await eventually(() =>
      fake.ticker.subscriptions().some((s) => s.get(408065) === 'full') ? true : undefined,
    );
    fake.setPrice('NSE:INFY', 1520.25);
    const [tick] = await ticks;
    expect(tick).toMatchObject({ instrument: 'NSE:INFY', bid: 1520.2, ask: 1520.3 });
    broker.unsubscribe(['NSE:INFY']);
    await eventually(() =>
      fake.ticker.subscriptions().every((s) => !s.has(408065)) ? true : undefined,
    );
  });
});
