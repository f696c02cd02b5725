// One suite, written against the Broker port, that every adapter must pass against its fake
// server over real sockets. Each adapter's test file supplies a harness (its fake server and a
// connected adapter); the suite never touches a wire format.
import type { InstrumentId, Tick, Timeframe } from '@pravah/sdk';
import { filter, firstValueFrom, type Subscription } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrokerUnavailableError,
  NetworkError,
  RateLimitedError,
  TokenExpiredError,
  type Broker,
  type BrokerOrder,
  type OrderRequest,
} from '../../src/index.js';
import type { FakeOrderBook } from '../../src/testing/fake-exchange/index.js';

/** Faults every fake can inject; each applies to the next matching request only. */
export interface ConformanceFaults {
  /** The next REST request answers HTTP 503 with the broker's error envelope. */
  unavailableOnce(): void;
  /** The next REST request answers 429. */
  rateLimitOnce(): void;
  /** The next order placement is accepted into the book, then its response is withheld. */
  timeoutAfterAcceptOnce(): void;
  /** The session token stops being valid (every later request fails as expired). */
  expireToken(): void;
  /** Drops every market-data socket without a close frame. */
  dropMarketData(): void;
}

/** What an adapter's test gives the suite. */
export interface ConformanceHarness {
  readonly broker: Broker;
  /** The fake's matching: the suite sets prices and checks what the broker really holds. */
  readonly book: FakeOrderBook;
  /** A cash equity both the fake and the adapter know, lot size 1. */
  readonly equity: InstrumentId;
  /** A range of candles that spans more than one of the adapter's request chunks. */
  readonly candles: {
    readonly instrument: InstrumentId;
    readonly timeframe: Timeframe;
    readonly from: number;
    readonly to: number;
  };
  /** Sets the last price in the book and publishes it on the fake's market-data stream. */
  publishPrice(instrument: InstrumentId, price: number): void;
  readonly faults: ConformanceFaults;
  close(): Promise<void>;
}

let tags = 0;
/** A fresh client tag per order, valid for every broker (alphanumeric, <= 20 chars). */
function nextTag(prefix: string): string {
  tags += 1;
  return `${prefix}${Date.now().toString(36)}${tags}`.slice(0, 20);
}

/** Polls `check` until it returns a value, or fails after `ms`. */
async function eventually<T>(check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Registers the conformance suite for one broker.
 *
 * @example
 * ```ts
 * describeBrokerConformance('kite', async () => kiteHarness());
 * ```
 */
export function describeBrokerConformance(
  name: string,
  makeHarness: () => Promise<ConformanceHarness>,
): void {
  describe(`Broker conformance: ${name}`, () => {
    let h: ConformanceHarness;
    const limit = (overrides: Partial<OrderRequest> = {}): OrderRequest => ({
      instrument: h.equity,
      side: 'BUY',
      quantity: 2,
      orderType: 'LIMIT',
      price: 90,
      product: 'MIS',
      validity: 'DAY',
      tag: nextTag('cf'),
      ...overrides,
    });

    // Order updates are collected from the start, as a runtime does: a stream subscribed only
    // after placing could miss an update that arrives while its socket is still connecting.
    const updates: BrokerOrder[] = [];
    let updateSubscription: Subscription | undefined;

    beforeAll(async () => {
      h = await makeHarness();
      updateSubscription = h.broker.orderUpdates$.subscribe((u) => updates.push(u));
      h.publishPrice(h.equity, 100);
    });
    afterAll(async () => {
      updateSubscription?.unsubscribe();
      await h.close();
    });

    it('places, finds by tag, modifies and cancels a LIMIT order', async () => {
      const request = limit();
      const ack = await h.broker.placeOrder(request);
      expect(ack.tag).toBe(request.tag);
      const byTag = await h.broker.orderByTag(request.tag);
      expect(byTag).toMatchObject({
        orderId: ack.orderId,
        instrument: h.equity,
        side: 'BUY',
        quantity: 2,
        orderType: 'LIMIT',
        price: 90,
        status: 'OPEN',
      });
      await h.broker.modifyOrder(ack.orderId, { price: 91 });
      expect(h.book.order(ack.orderId)?.price).toBe(91);
      await h.broker.cancelOrder(ack.orderId);
      const cancelled = await eventually(async () => {
        const order = (await h.broker.orders()).find((o) => o.orderId === ack.orderId);
        return order?.status === 'CANCELLED' ? order : undefined;
      });
      expect(cancelled.filledQuantity).toBe(0);
      // Brokers without a history endpoint (SmartAPI) return the latest state only.
      const history = await h.broker.orderHistory(ack.orderId);
      expect(history.at(-1)?.status).toBe('CANCELLED');
      if (history.length > 1) expect(history.at(0)?.status).toBe('OPEN');
    });

    it('fills a MARKET order and reports the trade and the position', async () => {
      const before = (await h.broker.positions()).net.find((p) => p.instrument === h.equity);
      h.publishPrice(h.equity, 101.5);
      const ack = await h.broker.placeOrder(limit({ orderType: 'MARKET', quantity: 3 }));
      const filled = await eventually(async () => {
        const order = await h.broker.orderByTag(ack.tag);
        return order?.status === 'FILLED' ? order : undefined;
      });
      expect(filled).toMatchObject({ filledQuantity: 3, averagePrice: 101.5 });
      const trades = await h.broker.trades();
      const fills = trades.filter((t) => t.orderId === ack.orderId);
      expect(fills.reduce((q, f) => q + f.quantity, 0)).toBe(3);
      expect(fills[0]).toMatchObject({ instrument: h.equity, side: 'BUY', price: 101.5 });
      const after = (await h.broker.positions()).net.find((p) => p.instrument === h.equity);
      expect((after?.quantity ?? 0) - (before?.quantity ?? 0)).toBe(3);
    });

    it('streams order updates for a fill', async () => {
      h.publishPrice(h.equity, 102);
      const request = limit({ orderType: 'MARKET', quantity: 1 });
      await h.broker.placeOrder(request);
      const update = await eventually(() =>
        Promise.resolve(updates.find((o) => o.tag === request.tag && o.status === 'FILLED')),
      );
      expect(update).toMatchObject({ filledQuantity: 1, instrument: h.equity, side: 'BUY' });
    });

    it('loads instruments with lot and tick sizes', async () => {
      const instruments = await h.broker.instruments();
      const equity = instruments.find((i) => i.id === h.equity);
      expect(equity).toMatchObject({ type: 'EQ', lotSize: 1 });
      expect(equity?.tickSize).toBeGreaterThan(0);
    });

    it('returns candles oldest first, without duplicates, across request chunks', async () => {
      const { instrument, timeframe, from, to } = h.candles;
      const bars = await h.broker.historicalCandles(instrument, timeframe, from, to);
      expect(bars.length).toBeGreaterThan(1);
      for (let i = 1; i < bars.length; i++) {
        expect(bars[i]!.time).toBeGreaterThan(bars[i - 1]!.time);
      }
      expect(bars[0]!.time).toBeGreaterThanOrEqual(from);
      expect(bars.at(-1)!.time).toBeLessThanOrEqual(to);
      for (const bar of bars) {
        expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open, bar.close, bar.low));
      }
    });

    it('streams ticks for a subscription and resubscribes after a dropped socket', async () => {
      const ticks: Tick[] = [];
      const subscription = h.broker.subscribe([h.equity], 'full').subscribe((t) => ticks.push(t));
      await firstValueFrom(h.broker.connectionState$.pipe(filter((s) => s === 'connected')));
      const seen = async (price: number): Promise<Tick> =>
        eventually(async () => {
          h.publishPrice(h.equity, price);
          await new Promise((resolve) => setTimeout(resolve, 50));
          return ticks.find((t) => t.price === price);
        });
      expect(await seen(103.25)).toMatchObject({ instrument: h.equity, kind: 'tick' });
      h.faults.dropMarketData();
      expect(await seen(104.75)).toMatchObject({ instrument: h.equity });
      subscription.unsubscribe();
    });

    it('maps a 503 to BrokerUnavailableError and a 429 to RateLimitedError', async () => {
      h.faults.unavailableOnce();
      await expect(h.broker.funds()).rejects.toBeInstanceOf(BrokerUnavailableError);
      h.faults.rateLimitOnce();
      const error = await h.broker.funds().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfterMs).toBeGreaterThan(0);
      expect((await h.broker.funds()).available).toBeGreaterThanOrEqual(0);
    });

    it('never duplicates an order whose placement timed out after acceptance', async () => {
      const ordersBefore = h.book.orders().length;
      const request = limit({ tag: nextTag('to') });
      h.faults.timeoutAfterAcceptOnce();
      const error = await h.broker.placeOrder(request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      // The runtime's rule: look the order up by tag before any retry.
      const found = await h.broker.orderByTag(request.tag);
      expect(found?.tag).toBe(request.tag);
      expect(h.book.orders().length).toBe(ordersBefore + 1);
      expect(h.book.orders().filter((o) => o.tag === request.tag)).toHaveLength(1);
    });

    it('maps an expired session to TokenExpiredError (last: it ends the session)', async () => {
      h.faults.expireToken();
      await expect(h.broker.orders()).rejects.toBeInstanceOf(TokenExpiredError);
      await expect(h.broker.placeOrder(limit())).rejects.toBeInstanceOf(TokenExpiredError);
    });
  });
}
