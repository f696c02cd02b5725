import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../src/port/index.js';
import { FakeOrderBook, FakeOrderError } from '../../src/testing/fake-exchange/index.js';

const base: OrderRequest = {
  instrument: 'NSE:INFY',
  side: 'BUY',
  quantity: 10,
  orderType: 'MARKET',
  product: 'MIS',
  validity: 'DAY',
  tag: 't1',
};

function book(): FakeOrderBook {
  let t = 1_000;
  return new FakeOrderBook({ now: () => t++, idPrefix: 'K' });
}

describe('FakeOrderBook', () => {
  it('fills a MARKET order at the last price and opens a position', () => {
    const b = book();
    b.setPrice('NSE:INFY', 1500.5);
    const order = b.place(base);
    expect(order).toMatchObject({ orderId: 'K000001', status: 'FILLED', filledQuantity: 10 });
    expect(order.averagePrice).toBe(1500.5);
    expect(b.positions()).toEqual([
      expect.objectContaining({ instrument: 'NSE:INFY', quantity: 10, averagePrice: 1500.5 }),
    ]);
    expect(b.history(order.orderId).map((o) => o.status)).toEqual(['OPEN', 'FILLED']);
  });

  it('rests a LIMIT order until the price crosses, then fills at the limit', () => {
    const b = book();
    b.setPrice('NSE:INFY', 1510);
    const order = b.place({ ...base, orderType: 'LIMIT', price: 1500 });
    expect(order.status).toBe('OPEN');
    b.setPrice('NSE:INFY', 1501);
    expect(b.order(order.orderId)?.status).toBe('OPEN');
    b.setPrice('NSE:INFY', 1499);
    expect(b.order(order.orderId)).toMatchObject({ status: 'FILLED', averagePrice: 1500 });
  });

  it('triggers a SELL SL-M when the price falls to the trigger', () => {
    const b = book();
    b.setPrice('NSE:INFY', 1500);
    const order = b.place({ ...base, side: 'SELL', orderType: 'SL-M', triggerPrice: 1490 });
    expect(order.status).toBe('TRIGGER_PENDING');
    b.setPrice('NSE:INFY', 1489);
    expect(b.order(order.orderId)).toMatchObject({ status: 'FILLED', averagePrice: 1489 });
    expect(b.history(order.orderId).map((o) => o.status)).toEqual([
      'TRIGGER_PENDING',
      'OPEN',
      'FILLED',
    ]);
  });

  it('applies a partial fill, then cancels the rest', () => {
    const b = book();
    const order = b.place({ ...base, orderType: 'LIMIT', price: 1400 });
    b.fill(order.orderId, 4, 1399);
    const cancelled = b.cancel(order.orderId);
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      filledQuantity: 4,
      cancelledQuantity: 6,
      pendingQuantity: 0,
    });
    expect(() => b.cancel(order.orderId)).toThrow(FakeOrderError);
    expect(() => b.fill(order.orderId, 1, 1400)).toThrow(/not open/);
  });

  it('finds the latest order by tag and rejects bad input with a coded error', () => {
    const b = book();
    b.place({ ...base, orderType: 'LIMIT', price: 1, tag: 'dup' });
    const second = b.place({ ...base, orderType: 'LIMIT', price: 2, tag: 'dup' });
    expect(b.orderByTag('dup')?.orderId).toBe(second.orderId);
    expect(b.orderByTag('none')).toBeUndefined();
    try {
      b.place({ ...base, orderType: 'LIMIT' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FakeOrderError);
      expect((error as FakeOrderError).code).toBe('INVALID');
    }
    expect(() => b.modify('missing', { price: 3 })).toThrow(/no order missing/);
  });

  it('realises P&L when a long is closed and flips short at the trade price', () => {
    const b = book();
    b.setPrice('NSE:INFY', 100);
    b.place({ ...base, quantity: 10 });
    b.setPrice('NSE:INFY', 110);
    b.place({ ...base, side: 'SELL', quantity: 15 });
    const [p] = b.positions();
    expect(p).toMatchObject({ quantity: -5, averagePrice: 110, realised: 100 });
  });

  it('property: position = sum of signed trades and buy/sell totals match the trades', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            side: fc.constantFrom('BUY' as const, 'SELL' as const),
            quantity: fc.integer({ min: 1, max: 50 }),
            price: fc.integer({ min: 90, max: 110 }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (steps) => {
          const b = book();
          for (const s of steps) {
            b.setPrice('NSE:INFY', s.price);
            b.place({ ...base, side: s.side, quantity: s.quantity });
          }
          const trades = b.trades();
          const net = trades.reduce((q, t) => q + (t.side === 'BUY' ? t.quantity : -t.quantity), 0);
          const [p] = b.positions();
          expect(p?.quantity).toBe(net);
          expect(p?.buyQuantity).toBe(
            trades.filter((t) => t.side === 'BUY').reduce((q, t) => q + t.quantity, 0),
          );
          // Cash conservation: realised P&L = sell value - buy value + open quantity x average.
          const cash = (p?.sellValue ?? 0) - (p?.buyValue ?? 0);
          expect(p?.realised ?? 0).toBeCloseTo(
            cash + (p?.quantity ?? 0) * (p?.averagePrice ?? 0),
            6,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
