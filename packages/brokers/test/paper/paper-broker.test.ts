import { fillCharger, zerodha } from '@pravah/costs-in';
import { fixedBps, type Tick } from '@pravah/sdk';
import { Subject, firstValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  BrokerUnavailableError,
  InMemoryPaperStore,
  InputRejectedError,
  InsufficientFundsError,
  OrderRejectedError,
  PaperBroker,
  PaperHistoryUnavailableError,
  type BrokerOrder,
  type OrderRequest,
} from '../../src/index.js';
import { FUTURES, ticksOf } from './_data.js';

const TCS = 'NFO:TCS' as const;

function setup(
  capital = 5_000_000,
  extra: Partial<ConstructorParameters<typeof PaperBroker>[0]> = {},
) {
  const feed = new Subject<Tick>();
  const broker = new PaperBroker({ ticks: feed, instruments: FUTURES, capital, ...extra });
  const updates: BrokerOrder[] = [];
  broker.orderUpdates$.subscribe((o) => updates.push(o));
  return { feed, broker, updates, ticks: ticksOf(TCS) };
}

const buy = (fields: Partial<OrderRequest> = {}): OrderRequest => ({
  instrument: TCS,
  side: 'BUY',
  quantity: 175,
  orderType: 'MARKET',
  product: 'MIS',
  validity: 'DAY',
  tag: 't1',
  ...fields,
});

describe('PaperBroker orders on real NFO ticks', () => {
  it('fills a market order on the next tick at its price, with Zerodha charges', async () => {
    const { feed, broker, ticks } = setup();
    feed.next(ticks[0]!);
    const ack = await broker.placeOrder(buy({ tag: 'entry1' }));
    expect(ack).toEqual({ orderId: 'PAPER1', tag: 'entry1' });
    expect((await broker.orderByTag('entry1'))?.status).toBe('OPEN');
    // The next tick with a later time fills it.
    const next = ticks.find((t) => t.time > ticks[0]!.time)!;
    for (const t of ticks.slice(1, ticks.indexOf(next) + 1)) feed.next(t);
    const [fill] = await broker.trades();
    expect(fill).toMatchObject({
      orderId: 'PAPER1',
      quantity: 175,
      price: next.price,
      time: next.time,
      side: 'BUY',
    });
    const expected = fillCharger({ plan: zerodha() })(
      { ...fill!, charges: undefined } as never,
      FUTURES[2]!,
    );
    expect(fill!.charges!.total.toString()).toBe(expected.total.toString());
    const order = await broker.orderByTag('entry1');
    expect(order).toMatchObject({
      status: 'FILLED',
      filledQuantity: 175,
      pendingQuantity: 0,
      averagePrice: next.price,
    });
    const { net, day } = await broker.positions();
    expect(net).toHaveLength(1);
    expect(net[0]).toMatchObject({
      instrument: TCS,
      product: 'MIS',
      quantity: 175,
      averagePrice: next.price,
    });
    expect(day[0]).toMatchObject({ quantity: 175, averagePrice: next.price });
    const funds = await broker.funds();
    const cash = 5_000_000 - 175 * next.price - fill!.charges!.total.toNumber();
    expect(funds.net).toBeCloseTo(cash + 175 * next.price, 6);
    expect(funds.used).toBeCloseTo(175 * next.price, 6);
    expect(funds.available).toBeCloseTo(funds.net - funds.used, 6);
  });

  it('emits every order change on orderUpdates$ and keeps the whole history', async () => {
    const { feed, broker, updates, ticks } = setup();
    feed.next(ticks[0]!);
    const limit = ticks[0]!.price - 2;
    await broker.placeOrder(buy({ orderType: 'LIMIT', price: limit, tag: 'lim' }));
    const touch = ticks.findIndex((t) => t.time > ticks[0]!.time && t.price <= limit);
    expect(touch).toBeGreaterThan(0);
    for (const t of ticks.slice(1, touch + 1)) feed.next(t);
    expect(updates.map((u) => u.status)).toEqual(['OPEN', 'FILLED']);
    expect(updates[1]).toMatchObject({ averagePrice: Math.min(limit, ticks[touch]!.price) });
    const history = await broker.orderHistory('PAPER1');
    expect(history.map((h) => [h.status, h.filledQuantity])).toEqual([
      ['PENDING', 0],
      ['OPEN', 0],
      ['FILLED', 175],
    ]);
  });

  it('modifies an open order in place (same id) and cancels it', async () => {
    const { feed, broker, updates, ticks } = setup();
    feed.next(ticks[0]!);
    const far = Math.round((ticks[0]!.price - 200) * 10) / 10;
    const { orderId } = await broker.placeOrder(
      buy({ orderType: 'LIMIT', price: far, tag: 'mod' }),
    );
    const modified = await broker.modifyOrder(orderId, { price: far - 10, quantity: 350 });
    expect(modified.orderId).toBe(orderId);
    const order = (await broker.orders())[0]!;
    expect(order).toMatchObject({
      orderId,
      price: far - 10,
      quantity: 350,
      status: 'OPEN',
      statusMessage: 'modified',
    });
    expect(updates.at(-1)).toMatchObject({ price: far - 10, quantity: 350 });
    await broker.cancelOrder(orderId);
    expect(await broker.orderByTag('mod')).toMatchObject({
      status: 'CANCELLED',
      cancelledQuantity: 350,
      pendingQuantity: 0,
    });
    expect((await broker.orderHistory(orderId)).map((h) => h.status)).toEqual([
      'PENDING',
      'OPEN',
      'OPEN',
      'CANCELLED',
    ]);
    await expect(broker.cancelOrder(orderId)).rejects.toMatchObject({
      brokerCode: 'ORDER_NOT_OPEN',
    });
    await expect(broker.modifyOrder(orderId, { price: 1 })).rejects.toBeInstanceOf(
      OrderRejectedError,
    );
  });

  it('finds a modified order by the exchange id a strategy sees in its portfolio', async () => {
    const { feed, broker, ticks } = setup();
    feed.next(ticks[0]!);
    const far = Math.round((ticks[0]!.price - 200) * 10) / 10;
    const { orderId } = await broker.placeOrder(
      buy({ orderType: 'LIMIT', price: far, tag: 'seen' }),
    );
    await broker.modifyOrder(orderId, { price: far - 1 });
    const [open] = broker.portfolio().openOrders(TCS);
    expect(open).toMatchObject({ id: `${orderId}-m1`, status: 'OPEN', intent: { price: far - 1 } });
    expect(await broker.cancelOrder(open!.id)).toEqual({ orderId, tag: 'seen' });
    expect(broker.portfolio().openOrders()).toEqual([]);
  });

  it('keeps the original order when a modification is rejected', async () => {
    const { feed, broker, ticks } = setup();
    feed.next(ticks[0]!);
    const far = Math.round((ticks[0]!.price - 200) * 10) / 10;
    const { orderId } = await broker.placeOrder(
      buy({ orderType: 'LIMIT', price: far, tag: 'keep' }),
    );
    const error = await broker.modifyOrder(orderId, { price: far + 0.05 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputRejectedError);
    expect(error).toMatchObject({ brokerCode: 'TICK_SIZE' });
    expect(await broker.orderByTag('keep')).toMatchObject({
      status: 'OPEN',
      price: far,
      quantity: 175,
    });
  });

  it('rejects like the exchange, with typed errors carrying its reason', async () => {
    const { feed, broker, ticks } = setup(100_000);
    feed.next(ticks[0]!);
    const lot = await broker.placeOrder(buy({ quantity: 100 })).catch((e: unknown) => e);
    expect(lot).toBeInstanceOf(InputRejectedError);
    expect(lot).toMatchObject({ broker: 'paper', brokerCode: 'LOT_SIZE' });
    const tick = await broker
      .placeOrder(buy({ orderType: 'LIMIT', price: 3000.05 }))
      .catch((e: unknown) => e);
    expect(tick).toMatchObject({ brokerCode: 'TICK_SIZE' });
    const funds = await broker.placeOrder(buy()).catch((e: unknown) => e);
    expect(funds).toBeInstanceOf(InsufficientFundsError);
    expect((funds as InsufficientFundsError).brokerMessage).toMatch(/^INSUFFICIENT_FUNDS: needs ₹/);
    // Rejected orders stay in the book, as at a real broker.
    expect((await broker.orders()).map((o) => o.status)).toEqual([
      'REJECTED',
      'REJECTED',
      'REJECTED',
    ]);
  });

  it('rejects malformed requests before the exchange sees them', async () => {
    const { broker } = setup();
    await expect(broker.placeOrder(buy({ tag: 'has-dash' }))).rejects.toMatchObject({
      brokerCode: 'INVALID_TAG',
    });
    await expect(broker.placeOrder(buy({ instrument: 'NSE:INFY' }))).rejects.toMatchObject({
      brokerCode: 'UNKNOWN_INSTRUMENT',
    });
    await expect(broker.placeOrder(buy({ orderType: 'LIMIT' }))).rejects.toMatchObject({
      brokerCode: 'INVALID_INPUT',
    });
    await expect(broker.placeOrder(buy({ variety: 'amo' }))).rejects.toMatchObject({
      brokerCode: 'AMO_NOT_SUPPORTED',
    });
    await expect(broker.placeOrder(buy({ validity: 'TTL' }))).rejects.toMatchObject({
      brokerCode: 'INVALID_TTL',
    });
    await expect(broker.orderHistory('nope')).rejects.toMatchObject({
      brokerCode: 'ORDER_NOT_FOUND',
    });
    expect(await broker.orders()).toEqual([]);
  });

  it('rejects MIS orders after the cut-off and squares off at it', async () => {
    const { feed, broker, ticks } = setup(5_000_000, {
      misCutoffs: { equity: '15:20', derivatives: '12:30', currency: '16:45', commodity: '23:05' },
    });
    const before = ticks.filter((t) => t.time < Date.UTC(2025, 10, 17, 6, 55));
    feed.next(before[0]!);
    await broker.placeOrder(buy());
    for (const t of before.slice(1)) feed.next(t);
    expect((await broker.positions()).net[0]!.quantity).toBe(175);
    const after = ticks.find((t) => t.time >= Date.UTC(2025, 10, 17, 7, 0))!;
    feed.next(after);
    const fills = await broker.trades();
    expect(fills.at(-1)).toMatchObject({
      side: 'SELL',
      quantity: 175,
      price: after.price,
      reason: 'auto square-off',
    });
    expect((await broker.positions()).net[0]!.quantity).toBe(0);
    await expect(broker.placeOrder(buy())).rejects.toMatchObject({
      brokerCode: 'MIS_AFTER_CUTOFF',
    });
  });

  it('applies slippage and latency like the backtester', async () => {
    const { feed, broker, ticks } = setup(5_000_000, { slippage: fixedBps(10), latencyMs: 5_000 });
    feed.next(ticks[0]!);
    await broker.placeOrder(buy());
    const arrival = ticks.find((t) => t.time >= ticks[0]!.time + 5_000)!;
    for (const t of ticks.slice(1, ticks.indexOf(arrival) + 1)) feed.next(t);
    const [fill] = await broker.trades();
    expect(fill!.time).toBe(arrival.time);
    expect(fill!.rawPrice).toBe(arrival.price);
    expect(fill!.price).toBeGreaterThan(arrival.price);
    expect(fill!.price).toBeCloseTo(Math.ceil((arrival.price * 1.001) / 0.1) * 0.1, 6);
  });

  it('cancels TTL orders when their minutes run out', async () => {
    const { feed, broker, ticks } = setup();
    feed.next(ticks[0]!);
    const far = Math.round((ticks[0]!.price - 200) * 10) / 10;
    await broker.placeOrder(
      buy({ orderType: 'LIMIT', price: far, validity: 'TTL', validityTtlMinutes: 1, tag: 'ttl' }),
    );
    for (const t of ticks.filter((x) => x.time < ticks[0]!.time + 61_000)) feed.next(t);
    expect(await broker.orderByTag('ttl')).toMatchObject({ status: 'CANCELLED', validity: 'TTL' });
  });
});

describe('PaperBroker store failures and start-up', () => {
  it('reports a store that cannot save as BrokerUnavailableError, on the command and on flush', async () => {
    let failing = false;
    const store = {
      load: () => Promise.resolve(undefined),
      save: () => (failing ? Promise.reject(new Error('disk full')) : Promise.resolve()),
    };
    const feed = new Subject<Tick>();
    const broker = new PaperBroker({
      ticks: feed,
      instruments: FUTURES,
      capital: 5_000_000,
      store,
    });
    await broker.whenReady();
    const ticks = ticksOf(TCS);
    feed.next(ticks[0]!);
    await broker.placeOrder(buy({ tag: 'ok1' }));
    failing = true;
    const error = await broker.placeOrder(buy({ tag: 'lost' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokerUnavailableError);
    expect((error as Error).message).toMatch(/disk full/);
    // The order exists in memory: the runtime finds it by tag.
    expect(await broker.orderByTag('lost')).toMatchObject({ status: 'OPEN' });
    // A fill saved in the background fails too; flush reports it once.
    feed.next(ticks.find((t) => t.time > ticks[0]!.time)!);
    await expect(broker.flush()).rejects.toBeInstanceOf(BrokerUnavailableError);
    failing = false;
    await expect(broker.flush()).resolves.toBeUndefined();
  });

  it('holds ticks that arrive while the store loads, then processes them in order', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const store = { load: () => gate.then(() => undefined), save: () => Promise.resolve() };
    const feed = new Subject<Tick>();
    const broker = new PaperBroker({
      ticks: feed,
      instruments: FUTURES,
      capital: 5_000_000,
      store,
    });
    const states: string[] = [];
    broker.connectionState$.subscribe((s) => states.push(s));
    const ticks = ticksOf(TCS).slice(0, 5);
    for (const t of ticks) feed.next(t);
    const quotes = broker.quotes([TCS]);
    expect(states).toEqual(['connecting']);
    release();
    expect((await quotes).get(TCS)).toEqual(ticks[4]);
    expect(states).toEqual(['connecting', 'connected']);
  });

  it('still cancels a TTL order after a restart from the store', async () => {
    const store = new InMemoryPaperStore();
    const ticks = ticksOf(TCS);
    const firstFeed = new Subject<Tick>();
    const first = new PaperBroker({ ticks: firstFeed, instruments: FUTURES, capital: 5e6, store });
    await first.whenReady();
    firstFeed.next(ticks[0]!);
    const far = Math.round((ticks[0]!.price - 200) * 10) / 10;
    const order = {
      orderType: 'LIMIT',
      price: far,
      validity: 'TTL',
      validityTtlMinutes: 1,
    } as const;
    await first.placeOrder(buy({ ...order, tag: 'ttl2' }));
    const feed = new Subject<Tick>();
    const second = new PaperBroker({ ticks: feed, instruments: FUTURES, capital: 5e6, store });
    await second.whenReady();
    expect(await second.orderByTag('ttl2')).toMatchObject({ status: 'OPEN' });
    const placedAt = (await second.orderByTag('ttl2'))!.placedAt;
    expect(placedAt).toBe(ticks[0]!.time);
    for (const t of ticks.filter((x) => x.time < placedAt + 61_000)) feed.next(t);
    expect(await second.orderByTag('ttl2')).toMatchObject({
      status: 'CANCELLED',
      statusMessage: 'TTL of 1 minute(s) ran out',
    });
  });

  it('drops a tick older than the last one of its instrument', async () => {
    const { feed, broker, ticks } = setup();
    const late = ticks.findIndex((t) => t.time > ticks[0]!.time);
    feed.next(ticks[late]!);
    await broker.placeOrder(buy());
    feed.next(ticks[0]!); // older: ignored, cannot fill the order
    expect(await broker.trades()).toEqual([]);
    expect((await broker.quotes([TCS])).get(TCS)).toEqual(ticks[late]);
  });
});

describe('PaperBroker market data and account', () => {
  it('passes subscribed ticks through (ltp mode strips them) and answers quotes', async () => {
    const { feed, broker } = setup();
    const full = broker.subscribe([TCS], 'full');
    const ltp = broker.subscribe(['NFO:MCX'], 'ltp');
    const gotFull = firstValueFrom(full.pipe(toArray()));
    const gotLtp = firstValueFrom(ltp.pipe(toArray()));
    const sample = [...ticksOf(TCS).slice(0, 3), ...ticksOf('NFO:MCX').slice(0, 2)].sort(
      (a, b) => a.time - b.time,
    );
    for (const t of sample) feed.next(t);
    const quotes = await broker.quotes([TCS, 'NFO:RELIND']);
    expect([...quotes.keys()]).toEqual([TCS]);
    expect(quotes.get(TCS)).toEqual(ticksOf(TCS)[2]);
    await broker.close();
    expect(await gotFull).toEqual(ticksOf(TCS).slice(0, 3));
    expect(await gotLtp).toEqual(
      ticksOf('NFO:MCX')
        .slice(0, 2)
        .map((t) => ({ kind: 'tick', instrument: t.instrument, time: t.time, price: t.price })),
    );
    expect(() => broker.subscribe(['NSE:INFY'], 'ltp')).toThrow(InputRejectedError);
  });

  it('reports its connection, instruments and that it has no history', async () => {
    const { feed, broker } = setup();
    const states: string[] = [];
    broker.connectionState$.subscribe((s) => states.push(s));
    expect(await broker.instruments('NFO')).toEqual(FUTURES);
    expect(await broker.instruments('NSE')).toEqual([]);
    await expect(broker.historicalCandles(TCS, '1m', 0, 1)).rejects.toBeInstanceOf(
      PaperHistoryUnavailableError,
    );
    feed.complete();
    expect(states).toEqual(['connected', 'closed']);
    await broker.close();
    await expect(broker.placeOrder(buy())).rejects.toBeInstanceOf(BrokerUnavailableError);
  });

  it('refuses options that would become NaN', () => {
    expect(
      () => new PaperBroker({ ticks: new Subject<Tick>(), instruments: FUTURES, capital: -5 }),
    ).toThrow(/capital/);
    expect(
      () => new PaperBroker({ ticks: new Subject<Tick>(), instruments: [], capital: 5 }),
    ).toThrow(/instruments/);
    expect(
      () =>
        new PaperBroker({
          ticks: new Subject<Tick>(),
          instruments: FUTURES,
          capital: 5,
          latencyMs: 0.5,
        }),
    ).toThrow(/latencyMs/);
  });
});
