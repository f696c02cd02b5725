import { BacktestEngine } from '@pravah/backtest';
import { fillCharger, zerodha } from '@pravah/costs-in';
import {
  Sma,
  crossoverSignal,
  defineStrategy,
  fixedQuantity,
  marketExecution,
  parseInstrument,
  type Fill,
  type Tick,
} from '@pravah/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KiteBroker } from '../../src/kite/index.js';
import type { KiteFullTick } from '../../src/kite/ticker/index.js';
import { startFakeKite, type FakeKite } from '../../src/testing/kite/index.js';
import { runOnPaper } from './_paper-driver.js';
import { ticksOf } from './_data.js';

/** An NFO futures token: Kite's low byte is the segment (2 = NFO futures). */
const TOKEN = 12_345 * 256 + 2;
const TCS = parseInstrument({
  id: 'NFO:TCS',
  exchange: 'NFO',
  symbol: 'TCS',
  type: 'FUT',
  lotSize: 175,
  tickSize: 0.1,
  expiry: '2025-11-25',
  brokerTokens: { kite: String(TOKEN) },
});

const strategy = defineStrategy({
  name: 'sma-cross-kite',
  params: z.object({}),
  universe: [TCS.id],
  timeframes: ['1m'],
  signal: (ctx) =>
    crossoverSignal({ fast: () => new Sma(10), slow: () => new Sma(30), allowShort: true })(ctx),
  sizer: fixedQuantity({ lots: 1, product: 'MIS' }),
  execution: marketExecution(),
});

const level = (price: number, quantity: number) => ({
  price,
  quantity,
  orders: quantity > 0 ? 1 : 0,
});

/** A real tick as Kite's full packet (exchange time in whole seconds, as on the wire). */
function kiteTick(t: Tick): KiteFullTick {
  const empty = [0, 0, 0, 0].map(() => level(0, 0));
  return {
    mode: 'full',
    tradable: true,
    instrumentToken: TOKEN,
    lastPrice: t.price,
    lastQuantity: t.quantity ?? 0,
    averagePrice: t.price,
    volume: t.volume ?? 0,
    buyQuantity: 0,
    sellQuantity: 0,
    ohlc: { open: t.price, high: t.price, low: t.price, close: t.price },
    change: 0,
    lastTradeTime: Math.floor(t.time / 1000) * 1000,
    oi: t.oi ?? 0,
    oiDayHigh: 0,
    oiDayLow: 0,
    timestamp: Math.floor(t.time / 1000) * 1000,
    depth: {
      buy: [level(t.bid ?? t.price, 175), ...empty],
      sell: [level(t.ask ?? t.price, 175), ...empty],
    },
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const fillKey = (f: Fill) => [
  f.side,
  f.quantity,
  f.price,
  f.time,
  f.reason,
  f.charges?.total.toString(),
];

describe('PaperBroker fed by KiteBroker ticks from the fake Kite ticker', () => {
  let fake: FakeKite;
  beforeAll(async () => {
    fake = await startFakeKite({
      instruments: [
        {
          instrumentToken: TOKEN,
          exchange: 'NFO',
          tradingsymbol: 'TCS',
          instrumentType: 'FUT',
          lotSize: 175,
          tickSize: 0.1,
          expiry: '2025-11-25',
        },
      ],
    });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('places the same orders and gets the same fills as the backtester on those ticks', async () => {
    const kite = new KiteBroker({
      apiKey: fake.apiKey,
      accessToken: fake.accessToken,
      root: fake.url,
      tickerUrl: fake.tickerUrl,
      instruments: [TCS],
    });
    const received: Tick[] = [];
    const source = kite.subscribe([TCS.id], 'full');
    const real = ticksOf('NFO:TCS').slice(0, 600);
    const run = runOnPaper(strategy, {}, [], [TCS], {
      capital: 10_000_000,
      source: async (feed) => {
        const sub = source.subscribe((tick) => {
          received.push(tick);
          feed(tick);
        });
        await until(
          () => fake.ticker.subscriptions().some((s) => s.has(TOKEN)),
          'the subscription',
        );
        for (let i = 0; i < real.length; i += 25) {
          fake.ticker.broadcast(real.slice(i, i + 25).map(kiteTick));
          const expected = Math.min(i + 25, real.length);
          await until(() => received.length >= expected, `${expected} ticks`);
        }
        sub.unsubscribe();
      },
    });
    const paper = await run;
    await kite.close();

    expect(received).toHaveLength(600);
    expect(received[0]).toMatchObject({
      instrument: TCS.id,
      price: real[0]!.price,
      time: Math.floor(real[0]!.time / 1000) * 1000,
    });
    const engine = new BacktestEngine(strategy, {
      capital: 10_000_000,
      feed: received,
      instruments: [TCS],
      fees: fillCharger({ plan: zerodha() }),
    });
    for (const tick of received) engine.push(tick);
    const record = engine.finish();
    const sessionEnd = new Set(
      record.orders.filter((o) => o.intent.reason.includes('session end')).map((o) => o.id),
    );
    const expected = record.fills.filter((f) => !sessionEnd.has(f.orderId));
    expect(expected.length).toBeGreaterThan(5);
    expect(paper.errors).toEqual([]);
    expect((await paper.broker.trades()).map(fillKey)).toEqual(expected.map(fillKey));
    expect(
      (await paper.broker.orders()).map((o) => [o.side, o.quantity, o.status, o.placedAt]),
    ).toEqual(
      record.orders
        .filter((o) => !sessionEnd.has(o.id))
        .map((o) => [o.intent.side, o.intent.quantity, o.status, o.intent.time]),
    );
  }, 60_000);
});
