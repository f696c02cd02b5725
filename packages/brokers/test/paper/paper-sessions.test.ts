import { istMinuteOfDay, type Tick } from '@pravah/sdk';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { OrderRejectedError, PaperBroker } from '../../src/index.js';
import { RELIANCE_EQ, relianceMinuteTicks, shiftedZerodhaFees } from './_data.js';

const ticks = relianceMinuteTicks();
const dayOf = (t: Tick): string => new Date(t.time + 19_800_000).toISOString().slice(0, 10);
const days = [...new Set(ticks.map(dayOf))];
const ticksOn = (day: number): Tick[] => ticks.filter((t) => dayOf(t) === days[day]);

describe('PaperBroker across real sessions (RELIANCE minutes, Aug 2016)', () => {
  it('squares off MIS at the cut-off, expires DAY orders, and carries CNC into T+1 holdings', async () => {
    const feed = new Subject<Tick>();
    const broker = new PaperBroker({
      ticks: feed,
      instruments: [RELIANCE_EQ],
      capital: 1_000_000,
      fees: shiftedZerodhaFees(),
    });
    const d1 = ticksOn(0);
    const base = { instrument: RELIANCE_EQ.id, orderType: 'MARKET', validity: 'DAY' } as const;
    feed.next(d1[0]!);
    await broker.placeOrder({ ...base, side: 'BUY', quantity: 10, product: 'CNC', tag: 'cnc1' });
    await broker.placeOrder({ ...base, side: 'BUY', quantity: 20, product: 'MIS', tag: 'mis1' });
    await broker.placeOrder({
      ...base,
      side: 'BUY',
      quantity: 5,
      product: 'CNC',
      orderType: 'LIMIT',
      price: 900,
      tag: 'far',
    });
    const cutoff = d1.findIndex((t) => istMinuteOfDay(t.time) >= 15 * 60 + 20);
    for (const t of d1.slice(1, cutoff)) feed.next(t);
    expect((await broker.positions()).net.map((p) => [p.product, p.quantity])).toEqual([
      ['CNC', 10],
      ['MIS', 20],
    ]);

    feed.next(d1[cutoff]!);
    const square = (await broker.trades()).at(-1)!;
    expect(square).toMatchObject({
      side: 'SELL',
      quantity: 20,
      price: d1[cutoff]!.price,
      product: 'MIS',
      reason: 'auto square-off',
    });
    const misBuy = (await broker.trades()).find((f) => f.product === 'MIS' && f.side === 'BUY')!;
    expect(misBuy).toMatchObject({ price: d1[1]!.price, time: d1[1]!.time });
    const mis = (await broker.positions()).net.find((p) => p.product === 'MIS')!;
    expect(mis.quantity).toBe(0);
    expect(mis.realisedPnl.toNumber()).toBeCloseTo((d1[cutoff]!.price - d1[1]!.price) * 20, 6);
    await expect(
      broker.placeOrder({ ...base, side: 'BUY', quantity: 1, product: 'MIS', tag: 'late' }),
    ).rejects.toMatchObject({
      brokerCode: 'MIS_AFTER_CUTOFF',
    });
    for (const t of d1.slice(cutoff + 1)) feed.next(t);
    expect(await broker.holdings()).toEqual([]);

    // Day 2: the DAY limit expired at yesterday's close; the CNC buy is a T+1 holding.
    const d2 = ticksOn(1);
    feed.next(d2[0]!);
    const expired = (await broker.orderHistory('PAPER3')).at(-1)!;
    expect(expired).toMatchObject({
      status: 'EXPIRED',
      updatedAt: d1.at(-1)!.time,
      cancelledQuantity: 5,
    });
    expect((await broker.orders()).map((o) => o.tag)).toEqual([]);
    expect(await broker.trades()).toEqual([]);
    expect(await broker.holdings()).toEqual([
      {
        instrument: 'NSE:RELIANCE',
        quantity: 0,
        t1Quantity: 10,
        averagePrice: d1[1]!.price,
        lastPrice: d2[0]!.price,
      },
    ]);
    const { net, day } = await broker.positions();
    expect(net.map((p) => [p.product, p.quantity])).toEqual([['CNC', 10]]);
    expect(day).toEqual([]);
    // The day's anchor is taken before its first tick marks the books (as the engine does).
    const p = broker.portfolio();
    expect(p.startOfDayEquity()).toBeCloseTo(p.cash() + 10 * d1.at(-1)!.price, 6);
    expect(p.today().marked).toBeCloseTo(10 * (d2[0]!.price - d1.at(-1)!.price), 6);
    const short = await broker
      .placeOrder({ ...base, side: 'SELL', quantity: 11, product: 'CNC', tag: 'short' })
      .catch((e: unknown) => e);
    expect(short).toBeInstanceOf(OrderRejectedError);
    expect(short).toMatchObject({ brokerCode: 'CNC_SHORT_SELL' });
    await broker.placeOrder({ ...base, side: 'SELL', quantity: 4, product: 'CNC', tag: 'sell4' });
    for (const t of d2.slice(1)) feed.next(t);
    expect((await broker.positions()).day).toMatchObject([
      { product: 'CNC', quantity: -4, averagePrice: d2[1]!.price },
    ]);

    // Day 3: what is left has settled.
    const d3 = ticksOn(2);
    feed.next(d3[0]!);
    expect(await broker.holdings()).toEqual([
      {
        instrument: 'NSE:RELIANCE',
        quantity: 6,
        t1Quantity: 0,
        averagePrice: d1[1]!.price,
        lastPrice: d3[0]!.price,
      },
    ]);
  });

  it('squares off at the session end when the data never reaches the cut-off', async () => {
    const feed = new Subject<Tick>();
    const broker = new PaperBroker({
      ticks: feed,
      instruments: [RELIANCE_EQ],
      capital: 1_000_000,
      fees: shiftedZerodhaFees(),
    });
    const d1 = ticksOn(0).filter((t) => istMinuteOfDay(t.time) < 14 * 60);
    feed.next(d1[0]!);
    await broker.placeOrder({
      instrument: RELIANCE_EQ.id,
      side: 'SELL',
      quantity: 50,
      orderType: 'MARKET',
      product: 'MIS',
      validity: 'DAY',
      tag: 's1',
    });
    for (const t of d1.slice(1)) feed.next(t);
    feed.next(ticksOn(1)[0]!);
    const history = await broker.orderHistory('auto-square-off-1');
    expect(history.at(-1)).toMatchObject({
      status: 'FILLED',
      side: 'BUY',
      quantity: 50,
      averagePrice: d1.at(-1)!.price,
      updatedAt: d1.at(-1)!.time,
    });
    expect(broker.portfolio().positions()).toEqual([]);
  });
});
