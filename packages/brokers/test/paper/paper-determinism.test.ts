import { SimulatedExchange } from '@pravah/backtest';
import { fillCharger, zerodha } from '@pravah/costs-in';
import {
  applySlippage,
  fixedBps,
  instrumentRegistry,
  slippageQuote,
  type Fill,
  type OrderIntent,
  type Tick,
} from '@pravah/sdk';
import fc from 'fast-check';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { InMemoryPaperStore, PaperBroker, type OrderRequest } from '../../src/index.js';
import { FUTURES, futuresTicks } from './_data.js';

const TICKS = futuresTicks()
  .filter((t) => t.instrument === 'NFO:TCS' || t.instrument === 'NFO:RELIND')
  .slice(0, 500);
const registry = instrumentRegistry(FUTURES);
const slippage = fixedBps(3);

type Op =
  | {
      kind: 'place';
      at: number;
      instrument: 'NFO:TCS' | 'NFO:RELIND';
      side: 'BUY' | 'SELL';
      lots: number;
      orderType: 'MARKET' | 'LIMIT' | 'SL' | 'SL-M';
      offsetTicks: number;
      validity: 'DAY' | 'IOC';
    }
  | { kind: 'cancel'; at: number; order: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('place' as const),
      at: fc.integer({ min: 0, max: TICKS.length - 1 }),
      instrument: fc.constantFrom('NFO:TCS' as const, 'NFO:RELIND' as const),
      side: fc.constantFrom('BUY' as const, 'SELL' as const),
      lots: fc.integer({ min: 1, max: 3 }),
      orderType: fc.constantFrom(
        'MARKET' as const,
        'LIMIT' as const,
        'SL' as const,
        'SL-M' as const,
      ),
      offsetTicks: fc.integer({ min: -30, max: 30 }),
      validity: fc.constantFrom('DAY' as const, 'IOC' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      at: fc.integer({ min: 0, max: TICKS.length - 1 }),
      order: fc.integer({ min: 1, max: 12 }),
    }),
  },
);

/** The request of a placement, priced off the instrument's last tick (or the first one). */
function request(op: Extract<Op, { kind: 'place' }>, last: Tick, n: number): OrderRequest {
  const lot = registry.get(op.instrument).lotSize;
  const level = Math.round((last.price + op.offsetTicks * 0.1) * 10) / 10;
  // A stop-limit's trigger lies on the near side of its price.
  const trigger = Math.round((level + (op.side === 'BUY' ? -0.5 : 0.5)) * 10) / 10;
  return {
    instrument: op.instrument,
    side: op.side,
    quantity: op.lots * lot,
    orderType: op.orderType,
    product: 'NRML',
    validity: op.validity,
    ...(op.orderType === 'LIMIT' || op.orderType === 'SL' ? { price: level } : {}),
    ...(op.orderType === 'SL' ? { triggerPrice: trigger } : {}),
    ...(op.orderType === 'SL-M' ? { triggerPrice: level } : {}),
    tag: `p${n}`,
  };
}

function lastTickOf(i: number, instrument: string): Tick {
  for (let k = i; k >= 0; k--) if (TICKS[k]!.instrument === instrument) return TICKS[k]!;
  return TICKS.find((t) => t.instrument === instrument)!;
}

async function onPaper(ops: readonly Op[], latencyMs: number, restartAt?: number) {
  const store = new InMemoryPaperStore();
  const open = async () => {
    const feed = new Subject<Tick>();
    const broker = new PaperBroker({
      ticks: feed,
      instruments: FUTURES,
      capital: 1e12,
      slippage,
      latencyMs,
      misCutoffs: false,
      store,
    });
    await broker.whenReady();
    return { feed, broker };
  };
  let { feed, broker } = await open();
  let placed = 0;
  for (let i = 0; i < TICKS.length; i++) {
    if (i === restartAt) {
      await broker.flush();
      // A new process: only the store carries the state over.
      ({ feed, broker } = await open());
    }
    feed.next(TICKS[i]!);
    for (const op of ops) {
      if (op.at !== i) continue;
      if (op.kind === 'place') {
        placed++;
        broker.placeOrder(request(op, lastTickOf(i, op.instrument), placed)).catch(() => undefined);
      } else broker.cancelOrder(`PAPER${op.order}`).catch(() => undefined);
    }
  }
  await broker.flush();
  return {
    fills: await broker.trades(),
    orders: await broker.orders(),
    funds: await broker.funds(),
    positions: broker.portfolio().positions(),
  };
}

function onExchange(ops: readonly Op[], latencyMs: number) {
  const fills: Fill[] = [];
  const exchange = new SimulatedExchange(
    registry,
    {
      latencyMs,
      slippage: (fill, event) =>
        applySlippage(
          slippage,
          fill,
          slippageQuote(fill, event, registry.get(fill.instrument).tickSize),
        ).price,
    },
    { onFill: (f) => fills.push(f), onOrder: () => undefined },
  );
  let placed = 0;
  for (let i = 0; i < TICKS.length; i++) {
    const now = TICKS[i]!.time;
    exchange.onMarket(TICKS[i]!);
    for (const op of ops) {
      if (op.at !== i) continue;
      if (op.kind === 'cancel') {
        exchange.cancel(`PAPER${op.order}`, now, 'cancelled by user');
        continue;
      }
      placed++;
      const r = request(op, lastTickOf(i, op.instrument), placed);
      const intent: OrderIntent = {
        kind: 'intent',
        id: `PAPER${placed}`,
        instrument: r.instrument,
        time: now,
        side: r.side,
        quantity: r.quantity,
        orderType: r.orderType,
        ...(r.price !== undefined ? { price: r.price } : {}),
        ...(r.triggerPrice !== undefined ? { triggerPrice: r.triggerPrice } : {}),
        product: 'NRML',
        validity: r.validity === 'IOC' ? 'IOC' : 'DAY',
        reduceOnly: false,
        reason: 'direct',
      };
      exchange.submit(intent, now);
    }
  }
  return { fills, orders: exchange.orders() };
}

describe('PaperBroker determinism', () => {
  it('same ticks and same orders give the fills of a direct SimulatedExchange run, charged by the plan', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 3000 }),
        async (ops, latency) => {
          const paper = await onPaper(ops, latency);
          const direct = onExchange(ops, latency);
          expect(paper.fills.map(({ charges: _c, ...raw }) => raw)).toEqual(direct.fills);
          const charge = fillCharger({ plan: zerodha() });
          expect(paper.fills.map((f) => f.charges!.total.toString())).toEqual(
            direct.fills.map((f) => charge(f, registry.get(f.instrument)).total.toString()),
          );
          expect(
            paper.orders.map((o) => [o.orderId, o.status, o.filledQuantity, o.averagePrice]),
          ).toEqual(direct.orders.map((o) => [o.id, o.status, o.filledQuantity, o.averagePrice]));
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it('a restart from the store at any tick changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: TICKS.length - 1 }),
        async (ops, latency, restartAt) => {
          const whole = await onPaper(ops, latency);
          const restarted = await onPaper(ops, latency, restartAt);
          const plain = (fills: readonly Fill[]) =>
            fills.map((f) => ({ ...f, charges: f.charges?.total.toString() }));
          expect(plain(restarted.fills)).toEqual(plain(whole.fills));
          expect(restarted.orders).toEqual(whole.orders);
          expect(restarted.positions).toEqual(whole.positions);
          expect(restarted.funds).toEqual(whole.funds);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('gives identical results on a second run with the same inputs', async () => {
    const ops: Op[] = [
      {
        kind: 'place',
        at: 3,
        instrument: 'NFO:TCS',
        side: 'BUY',
        lots: 2,
        orderType: 'LIMIT',
        offsetTicks: -5,
        validity: 'DAY',
      },
      {
        kind: 'place',
        at: 10,
        instrument: 'NFO:RELIND',
        side: 'SELL',
        lots: 1,
        orderType: 'SL-M',
        offsetTicks: -2,
        validity: 'DAY',
      },
      {
        kind: 'place',
        at: 40,
        instrument: 'NFO:TCS',
        side: 'SELL',
        lots: 1,
        orderType: 'MARKET',
        offsetTicks: 0,
        validity: 'IOC',
      },
    ];
    const first = await onPaper(ops, 500);
    expect(first.fills.length).toBeGreaterThan(0);
    expect(await onPaper(ops, 500)).toEqual(first);
  });
});
