import { describe, expect, it } from 'vitest';
import type { Fill, Order } from '@pravah/sdk';
import { instrumentRegistry } from '@pravah/sdk';
import { SimulatedExchange } from '../../src/exchange/simulated-exchange.js';
import type { ExchangeConfig } from '../../src/exchange/exchange-config.js';
import { NIFTY_FUT, RELIANCE, T0, MIN, bar, intent } from '../_fixtures.js';

function setup(config: ExchangeConfig = {}) {
  const fills: Fill[] = [];
  const updates: Order[] = [];
  const exchange = new SimulatedExchange(instrumentRegistry([RELIANCE, NIFTY_FUT]), config, {
    onFill: (f) => fills.push(f),
    onOrder: (o) => updates.push(o),
  });
  return { exchange, fills, updates };
}

describe('SimulatedExchange fills on bars', () => {
  it('fills a market order at the next bar open, never on the bar it was created on', () => {
    const { exchange, fills } = setup();
    // Created at T0+1m (when bar 0 became known); bar 0 opened at T0 and must not fill it.
    exchange.submit(intent({ side: 'BUY', quantity: 10, time: T0 + MIN }), T0 + MIN);
    exchange.onMarket(bar(0, 100, 101, 99, 100.5));
    expect(fills).toHaveLength(0);
    exchange.onMarket(bar(1, 100.6, 101, 100, 100.8));
    expect(fills.map((f) => [f.price, f.quantity, f.time])).toEqual([[100.6, 10, T0 + MIN]]);
    expect(exchange.order('o1')?.status).toBe('FILLED');
  });

  it('fills a buy limit touched exactly at the limit, and a gap below it at the open', () => {
    const { exchange, fills } = setup();
    exchange.submit(
      intent({ id: 'touch', side: 'BUY', quantity: 1, orderType: 'LIMIT', price: 99 }),
      T0,
    );
    exchange.submit(
      intent({ id: 'gap', side: 'BUY', quantity: 1, orderType: 'LIMIT', price: 100 }),
      T0,
    );
    exchange.onMarket(bar(0, 99.5, 100.5, 99, 100));
    expect(fills.map((f) => [f.orderId, f.price])).toEqual([
      ['gap', 99.5],
      ['touch', 99],
    ]);
  });

  it('does not fill a limit the bar never reaches', () => {
    const { exchange, fills } = setup();
    exchange.submit(intent({ side: 'BUY', quantity: 1, orderType: 'LIMIT', price: 98.95 }), T0);
    exchange.onMarket(bar(0, 100, 101, 99, 100));
    expect(fills).toEqual([]);
    expect(exchange.openOrders()).toHaveLength(1);
  });

  it('fills a sell stop (SL-M) that the market gaps through at the open, not at the trigger', () => {
    const { exchange, fills } = setup();
    exchange.submit(
      intent({ side: 'SELL', quantity: 5, orderType: 'SL-M', triggerPrice: 95, product: 'MIS' }),
      T0,
    );
    exchange.onMarket(bar(0, 92, 93, 91, 92.5));
    expect(fills[0]?.price).toBe(92);
    expect(fills[0]?.reason).toMatch(/gapped through/);
    const history = exchange.order(fills[0]!.orderId)!.history.map((h) => h.status);
    expect(history).toEqual(['PENDING', 'TRIGGER_PENDING', 'OPEN', 'FILLED']);
  });

  it('fills a buy stop at the trigger when the path crosses it', () => {
    const { exchange, fills } = setup();
    exchange.submit(intent({ side: 'BUY', quantity: 1, orderType: 'SL-M', triggerPrice: 101 }), T0);
    exchange.onMarket(bar(0, 100, 102, 99.5, 101.5));
    expect(fills[0]?.price).toBe(101);
  });

  it('leaves a triggered stop-limit resting when the limit is not reachable after the trigger', () => {
    const { exchange, fills } = setup();
    // Gap up through trigger 101 to 103 with limit 101.5: triggered, not filled, rests as a limit.
    exchange.submit(
      intent({
        id: 'sl',
        side: 'BUY',
        quantity: 1,
        orderType: 'SL',
        triggerPrice: 101,
        price: 101.5,
      }),
      T0,
    );
    exchange.onMarket(bar(0, 103, 104, 102, 103.5));
    expect(fills).toEqual([]);
    expect(exchange.order('sl')?.status).toBe('OPEN');
    exchange.onMarket(bar(1, 103, 103, 101, 102));
    expect(fills.map((f) => f.price)).toEqual([101.5]);
  });

  it('walks the intrabar path: open, nearer extreme, other extreme, close', () => {
    const { exchange, fills } = setup();
    // Open 100 is nearer the high 100.5 than the low 98: high first, so the sell limit at 100.4
    // fills before the buy limit at 98.2 (OCO cancels the second).
    exchange.submit(
      intent({
        id: 'tp',
        side: 'SELL',
        quantity: 1,
        orderType: 'LIMIT',
        price: 100.4,
        ocoGroup: 'g',
      }),
      T0,
    );
    exchange.submit(
      intent({
        id: 'sl',
        side: 'SELL',
        quantity: 1,
        orderType: 'SL-M',
        triggerPrice: 98.2,
        ocoGroup: 'g',
      }),
      T0,
    );
    exchange.onMarket(bar(0, 100, 100.5, 98, 99));
    expect(fills.map((f) => [f.orderId, f.price])).toEqual([['tp', 100.4]]);
    expect(exchange.order('sl')?.status).toBe('CANCELLED');
  });

  it('caps fills at a share of bar volume and fills the rest on later bars', () => {
    const { exchange, fills } = setup({ fill: { volumeParticipation: 0.1 } });
    exchange.submit(intent({ id: 'big', side: 'BUY', quantity: 250 }), T0);
    exchange.onMarket(bar(0, 100, 101, 99, 100, 1000));
    exchange.onMarket(bar(1, 100, 101, 99, 100, 1200));
    exchange.onMarket(bar(2, 100, 101, 99, 100, 5000));
    expect(fills.map((f) => f.quantity)).toEqual([100, 120, 30]);
    const order = exchange.order('big')!;
    expect(order.status).toBe('FILLED');
    expect(order.history.map((h) => h.status)).toEqual([
      'PENDING',
      'OPEN',
      'PARTIALLY_FILLED',
      'PARTIALLY_FILLED',
      'FILLED',
    ]);
  });

  it('fills lot-aligned slices only under a volume cap', () => {
    const { exchange, fills } = setup({ fill: { volumeParticipation: 0.5 } });
    exchange.submit(
      intent({ side: 'BUY', quantity: 100, instrument: NIFTY_FUT.id, product: 'NRML' }),
      T0,
    );
    exchange.onMarket(bar(0, 21000, 21010, 20990, 21005, 90, NIFTY_FUT.id));
    expect(fills.map((f) => f.quantity)).toEqual([]);
    exchange.onMarket(bar(1, 21000, 21010, 20990, 21005, 120, NIFTY_FUT.id));
    expect(fills.map((f) => f.quantity)).toEqual([50]);
  });

  it('cancels the unfilled remainder of an IOC order after its first eligible bar', () => {
    const { exchange, fills } = setup();
    exchange.submit(
      intent({
        id: 'ioc',
        side: 'BUY',
        quantity: 1,
        orderType: 'LIMIT',
        price: 90,
        validity: 'IOC',
      }),
      T0,
    );
    exchange.onMarket(bar(0, 100, 101, 99, 100));
    expect(fills).toEqual([]);
    expect(exchange.order('ioc')?.status).toBe('CANCELLED');
  });

  it('expires DAY orders at the session end', () => {
    const { exchange } = setup();
    exchange.submit(
      intent({ id: 'day', side: 'BUY', quantity: 1, orderType: 'LIMIT', price: 90 }),
      T0,
    );
    exchange.endSession(T0 + 400 * MIN);
    expect(exchange.order('day')?.status).toBe('EXPIRED');
  });

  it('holds bracket legs until the entry fills, then works them from the next bar', () => {
    const { exchange, fills } = setup();
    exchange.submit(intent({ id: 'entry', side: 'BUY', quantity: 1, product: 'MIS' }), T0);
    exchange.submit(
      intent({
        id: 'stop',
        side: 'SELL',
        quantity: 1,
        orderType: 'SL-M',
        triggerPrice: 98,
        parentId: 'entry',
        ocoGroup: 'b',
        product: 'MIS',
        reduceOnly: true,
      }),
      T0,
    );
    exchange.submit(
      intent({
        id: 'target',
        side: 'SELL',
        quantity: 1,
        orderType: 'LIMIT',
        price: 103,
        parentId: 'entry',
        ocoGroup: 'b',
        product: 'MIS',
        reduceOnly: true,
      }),
      T0,
    );
    expect(exchange.order('stop')?.status).toBe('PENDING');
    // The entry fills at 100; this same bar dips to 97, but the stop is not live yet.
    exchange.onMarket(bar(0, 100, 100.5, 97, 99));
    expect(fills.map((f) => f.orderId)).toEqual(['entry']);
    expect(exchange.order('stop')?.status).toBe('TRIGGER_PENDING');
    exchange.onMarket(bar(1, 99, 103.5, 98.5, 103));
    expect(fills.map((f) => [f.orderId, f.price])).toEqual([
      ['entry', 100],
      ['target', 103],
    ]);
    expect(exchange.order('stop')?.status).toBe('CANCELLED');
  });

  it('cancels bracket legs when the entry is rejected', () => {
    const { exchange } = setup();
    exchange.submit(
      intent({ id: 'e', side: 'BUY', quantity: 1, orderType: 'LIMIT', price: 100.03 }),
      T0,
    );
    exchange.submit(
      intent({
        id: 'leg',
        side: 'SELL',
        quantity: 1,
        orderType: 'LIMIT',
        price: 105,
        parentId: 'e',
      }),
      T0,
    );
    expect(exchange.order('e')?.status).toBe('REJECTED');
    expect(exchange.order('leg')?.status).toBe('CANCELLED');
  });

  it('replaces an order by cancelId (cancel/replace of a trailing stop)', () => {
    const { exchange } = setup();
    exchange.submit(
      intent({ id: 's1', side: 'SELL', quantity: 1, orderType: 'SL-M', triggerPrice: 95 }),
      T0,
    );
    exchange.submit(
      intent({
        id: 's2',
        side: 'SELL',
        quantity: 1,
        orderType: 'SL-M',
        triggerPrice: 97,
        cancelId: 's1',
      }),
      T0,
    );
    expect(exchange.order('s1')?.status).toBe('CANCELLED');
    expect(exchange.order('s2')?.status).toBe('TRIGGER_PENDING');
  });

  it('applies latency: a bar opening before the order arrives cannot fill it', () => {
    const { exchange, fills } = setup({ latencyMs: 30_000 });
    exchange.submit(intent({ side: 'BUY', quantity: 1, time: T0 }), T0);
    exchange.onMarket(bar(0, 100, 101, 99, 100));
    expect(fills).toEqual([]);
    exchange.onMarket(bar(1, 100.2, 101, 99, 100));
    expect(fills[0]?.price).toBe(100.2);
  });
});

describe('SimulatedExchange fills on ticks', () => {
  it('fills strictly after the creation time at the last price, or at the touch with quotes', () => {
    const { exchange, fills } = setup({ fill: { tickPrice: 'quote' } });
    exchange.submit(intent({ side: 'BUY', quantity: 1, time: T0 }), T0);
    exchange.onMarket({ kind: 'tick', instrument: RELIANCE.id, time: T0, price: 100 });
    expect(fills).toEqual([]);
    exchange.onMarket({
      kind: 'tick',
      instrument: RELIANCE.id,
      time: T0 + 1,
      price: 100,
      bid: 99.95,
      ask: 100.05,
    });
    expect(fills[0]?.price).toBe(100.05);
  });
});

describe('SimulatedExchange rejections', () => {
  const cases: [string, Parameters<typeof intent>[0], ExchangeConfig, RegExp][] = [
    [
      'lot size',
      { side: 'BUY', quantity: 75, instrument: NIFTY_FUT.id, product: 'NRML' },
      {},
      /^LOT_SIZE: quantity 75 is not a multiple of the lot size 50/,
    ],
    [
      'tick size',
      { side: 'BUY', quantity: 1, orderType: 'LIMIT', price: 100.02 },
      {},
      /^TICK_SIZE: price 100.02/,
    ],
    [
      'freeze quantity',
      { side: 'BUY', quantity: 1850, instrument: NIFTY_FUT.id, product: 'NRML' },
      {},
      /^FREEZE_QUANTITY: quantity 1850 exceeds the freeze quantity 1800/,
    ],
    [
      'price band',
      { side: 'BUY', quantity: 1, orderType: 'LIMIT', price: 130 },
      { fill: { priceBandPercent: 20 } },
      /^PRICE_BAND: price 130 is outside the 20% band/,
    ],
    [
      'MIS after cut-off',
      { side: 'BUY', quantity: 1, product: 'MIS' },
      { session: { isAfterMisCutoff: () => true } },
      /^MIS_AFTER_CUTOFF/,
    ],
    [
      'CNC short sell',
      { side: 'SELL', quantity: 1, product: 'CNC' },
      { account: { positionQuantity: () => 0, fundsShortfall: () => undefined } },
      /^CNC_SHORT_SELL: selling 1 CNC but only 0 held/,
    ],
    [
      'funds',
      { side: 'BUY', quantity: 1, orderType: 'LIMIT', price: 100 },
      { account: { positionQuantity: () => 0, fundsShortfall: () => 'needs ₹100.00' } },
      /^INSUFFICIENT_FUNDS: needs ₹100.00/,
    ],
  ];
  for (const [name, fields, config, reason] of cases) {
    it(`rejects on ${name} with a clear reason in the history`, () => {
      const { exchange, fills } = setup(config);
      // A previous session's close of 100 for the price band.
      exchange.onMarket(bar(-1, 100, 100, 100, 100));
      exchange.endSession(T0 - 1);
      const order = exchange.submit(intent(fields), T0);
      expect(order.status).toBe('REJECTED');
      expect(order.history.at(-1)?.reason).toMatch(reason);
      exchange.onMarket(bar(1, 100, 101, 99, 100));
      expect(fills).toEqual([]);
    });
  }

  it('rejects a duplicate order id without touching the original', () => {
    const { exchange } = setup();
    exchange.submit(
      intent({ id: 'dup', side: 'BUY', quantity: 1, orderType: 'LIMIT', price: 90 }),
      T0,
    );
    const second = exchange.submit(intent({ id: 'dup', side: 'BUY', quantity: 2 }), T0);
    expect(second.status).toBe('REJECTED');
    expect(exchange.order('dup')?.intent.quantity).toBe(1);
  });
});
