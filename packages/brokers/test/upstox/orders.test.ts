import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstox, type FakeUpstox } from '../../src/testing/upstox/index.js';
import { InputRejectedError, OrderRejectedError } from '../../src/errors/index.js';
import type { UpstoxBroker } from '../../src/upstox/index.js';
import { brokerFor } from './helpers.js';

describe('Upstox orders over real sockets', () => {
  let fake: FakeUpstox;
  let broker: UpstoxBroker;
  beforeAll(async () => {
    fake = await startFakeUpstox();
    broker = brokerFor(fake);
  });
  afterAll(async () => {
    await broker.close();
    await fake.close();
  });

  it('places a LIMIT order on the order host, modifies it, sees it fill and reports history', async () => {
    fake.setPrice('NSE:INFY', 1500);
    const ack = await broker.placeOrder({
      instrument: 'NSE:INFY',
      side: 'BUY',
      quantity: 10,
      orderType: 'LIMIT',
      price: 1490,
      product: 'MIS',
      validity: 'DAY',
      tag: 'life1',
    });
    expect(ack).toEqual({ orderId: '2511000001', tag: 'life1' });
    const placed = fake.requests.find((r) => r.path === '/v3/order/place');
    expect(placed?.host).toBe('order');

    const open = await broker.orderByTag('life1');
    expect(open).toMatchObject({
      orderId: '2511000001',
      instrument: 'NSE:INFY',
      side: 'BUY',
      orderType: 'LIMIT',
      product: 'MIS',
      validity: 'DAY',
      variety: 'regular',
      quantity: 10,
      filledQuantity: 0,
      pendingQuantity: 10,
      price: 1490,
      status: 'OPEN',
      tag: 'life1',
    });

    const modified = await broker.modifyOrder(ack.orderId, { price: 1495 });
    expect(modified).toEqual({ orderId: '2511000001', tag: 'life1' });
    expect(fake.requests.filter((r) => r.path === '/v3/order/modify').map((r) => r.host)).toEqual([
      'order',
    ]);
    expect(fake.orderBook.order('2511000001')?.price).toBe(1495);

    fake.setPrice('NSE:INFY', 1494);
    const filled = (await broker.orders()).find((o) => o.orderId === ack.orderId);
    expect(filled).toMatchObject({ status: 'FILLED', filledQuantity: 10, averagePrice: 1495 });

    const history = await broker.orderHistory(ack.orderId);
    expect(history.map((o) => o.status)).toEqual(['OPEN', 'OPEN', 'FILLED']);
    expect(history.map((o) => o.price)).toEqual([1490, 1495, 1495]);

    const trades = await broker.trades();
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({
      kind: 'fill',
      orderId: '2511000001',
      instrument: 'NSE:INFY',
      side: 'BUY',
      quantity: 10,
      price: 1495,
      rawPrice: 1495,
      product: 'MIS',
    });
  });

  it('cancels an open SL order, and a second cancel is an order rejection', async () => {
    fake.setPrice('NSE:RELIANCE', 2500);
    const ack = await broker.placeOrder({
      instrument: 'NSE:RELIANCE',
      side: 'SELL',
      quantity: 5,
      orderType: 'SL',
      price: 2440,
      triggerPrice: 2450,
      product: 'CNC',
      validity: 'DAY',
      tag: 'cancel1',
    });
    const pending = await broker.orderByTag('cancel1');
    expect(pending).toMatchObject({
      status: 'TRIGGER_PENDING',
      triggerPrice: 2450,
      product: 'CNC',
    });
    expect(await broker.cancelOrder(ack.orderId)).toEqual({ orderId: ack.orderId, tag: 'cancel1' });
    const cancelled = await broker.orderByTag('cancel1');
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      cancelledQuantity: 5,
      pendingQuantity: 0,
    });
    await expect(broker.cancelOrder(ack.orderId)).rejects.toBeInstanceOf(OrderRejectedError);
  });

  it('slices a quantity above the freeze limit into child orders sharing the tag', async () => {
    const ack = await broker.placeOrder({
      instrument: 'NSE:RELIANCE',
      side: 'BUY',
      quantity: 2500,
      orderType: 'LIMIT',
      price: 2000,
      product: 'MIS',
      validity: 'DAY',
      tag: 'slice1',
    });
    const children = (await broker.orders()).filter((o) => o.tag === 'slice1');
    expect(children.map((o) => o.quantity)).toEqual([1000, 1000, 500]);
    expect(ack.orderId).toBe(children[0]?.orderId);
  });

  it('rejects bad input before sending: tag, TTL validity, unknown instrument', async () => {
    const base = {
      instrument: 'NSE:INFY' as const,
      side: 'BUY' as const,
      quantity: 1,
      orderType: 'MARKET' as const,
      product: 'MIS' as const,
      validity: 'DAY' as const,
      tag: 'ok1',
    };
    const before = fake.requests.length;
    await expect(broker.placeOrder({ ...base, tag: 'has space' })).rejects.toBeInstanceOf(
      InputRejectedError,
    );
    await expect(broker.placeOrder({ ...base, validity: 'TTL' })).rejects.toBeInstanceOf(
      InputRejectedError,
    );
    await expect(broker.placeOrder({ ...base, instrument: 'NSE:NOSUCH' })).rejects.toThrow(
      /no Upstox instrument key for NSE:NOSUCH/,
    );
    expect(fake.requests.slice(before).filter((r) => r.path.includes('/order/'))).toEqual([]);
  });
});
