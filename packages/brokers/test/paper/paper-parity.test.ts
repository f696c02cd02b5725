import { BacktestEngine, formatIstIso, runBacktest } from '@pravah/backtest';
import { fillCharger, zerodha } from '@pravah/costs-in';
import {
  Sma,
  crossoverSignal,
  defineStrategy,
  fixedBps,
  fixedQuantity,
  limitExecution,
  marketExecution,
  type Fill,
  type Order,
} from '@pravah/sdk';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { FUTURES, futuresTicks } from './_data.js';
import { runOnPaper } from './_paper-driver.js';

const smaCross = defineStrategy({
  name: 'sma-cross-ticks',
  params: z.object({ fast: z.number().int().default(20), slow: z.number().int().default(60) }),
  universe: FUTURES.map((f) => f.id),
  timeframes: ['1m'],
  signal: (ctx) =>
    crossoverSignal({
      fast: () => new Sma(ctx.params.fast),
      slow: () => new Sma(ctx.params.slow),
      source: 'close',
      allowShort: true,
    })(ctx),
  sizer: fixedQuantity({ lots: 1, product: 'MIS' }),
  execution: marketExecution(),
});

const smaLimit = defineStrategy({
  ...smaCross,
  name: 'sma-cross-limit',
  execution: limitExecution({ offsetTicks: 1, ttlMs: 30_000 }),
});

const SESSION_END_REASONS = new Set([
  'cancelled by auto square-off',
  'DAY order not filled by the session end',
]);

/** An order's status history without what the backtester's session end added. */
function beforeSessionEnd(order: Order): Order['history'] {
  const history = [...order.history];
  while (SESSION_END_REASONS.has(history[history.length - 1]?.reason ?? '')) history.pop();
  return history;
}

const fillKey = (f: Fill) => [
  f.instrument,
  f.side,
  f.quantity,
  f.price,
  f.rawPrice,
  f.time,
  f.product,
  f.reason,
  f.charges?.total.toString(),
];

describe('paper trading and backtesting share one matching engine', () => {
  const ticks = futuresTicks();
  const options = { capital: 20_000_000, slippage: fixedBps(2), latencyMs: 250 };

  it.each([
    ['market orders', smaCross],
    ['limit orders with a time-to-live (resting, cancelled)', smaLimit],
  ])(
    'an SMA crossover on real NFO ticks gives the same orders and fills (%s)',
    async (_name, strategy) => {
      const engine = new BacktestEngine(strategy, {
        ...options,
        feed: ticks,
        instruments: FUTURES,
        fees: fillCharger({ plan: zerodha() }),
      });
      for (const tick of ticks) engine.push(tick);
      const record = engine.finish();
      // What paper cannot see yet: the session-end square-off happens on the next day's first
      // tick, and the backtester books a pure cancel intent as an order of its own.
      const sessionEnd = new Set(
        record.orders.filter((o) => o.intent.reason.includes('session end')).map((o) => o.id),
      );
      const expectedFills = record.fills.filter((f) => !sessionEnd.has(f.orderId));
      const expectedOrders = record.orders.filter(
        (o) =>
          !sessionEnd.has(o.id) &&
          !(o.intent.cancelId !== undefined && o.intent.parentId === o.intent.cancelId),
      );
      const paper = await runOnPaper(strategy, {}, ticks, FUTURES, options);
      expect(paper.errors).toEqual([]);
      expect(record.fills.length).toBeGreaterThan(20);
      expect((await paper.broker.trades()).map(fillKey)).toEqual(expectedFills.map(fillKey));

      const orders = await paper.broker.orders();
      expect(
        orders.map((o) => [
          o.instrument,
          o.side,
          o.quantity,
          o.orderType,
          o.price,
          o.product,
          o.status,
          o.filledQuantity,
          o.averagePrice,
          o.placedAt,
        ]),
      ).toEqual(
        expectedOrders.map((o) => [
          o.intent.instrument,
          o.intent.side,
          o.intent.quantity,
          o.intent.orderType,
          o.intent.price ?? 0,
          o.intent.product,
          beforeSessionEnd(o).at(-1)!.status,
          o.filledQuantity,
          o.averagePrice,
          o.intent.time,
        ]),
      );
      const histories = await Promise.all(orders.map((o) => paper.broker.orderHistory(o.orderId)));
      expect(histories.map((h) => h.map((s) => [s.status, s.updatedAt, s.filledQuantity]))).toEqual(
        expectedOrders.map((o) =>
          beforeSessionEnd(o).map((s) => [s.status, s.time, s.filledQuantity]),
        ),
      );
      // The positions the backtester squared off at the end are still open on paper.
      const open = record.fills
        .filter((f) => sessionEnd.has(f.orderId))
        .map((f) => [f.instrument, f.side === 'BUY' ? -f.quantity : f.quantity]);
      expect(
        paper.broker
          .portfolio()
          .positions()
          .map((p) => [p.instrument, p.quantity]),
      ).toEqual(open);
    },
    120_000,
  );

  it('runBacktest reports the same fills as the paper broker', async () => {
    const result = runBacktest(smaCross, {
      ...options,
      feed: ticks,
      instruments: FUTURES,
      fees: fillCharger({ plan: zerodha() }),
    });
    const paper = await runOnPaper(smaCross, {}, ticks, FUTURES, options);
    const trades = await paper.broker.trades();
    const sessionEnd = new Set(
      result.orders.filter((o) => o.reason.includes('session end')).map((o) => o.id),
    );
    const fills = result.fills.filter((f) => !sessionEnd.has(f.orderId));
    expect(fills.length).toBeGreaterThan(100);
    expect(
      trades.map((f) => [f.instrument, f.side, f.quantity, f.price, formatIstIso(f.time)]),
    ).toEqual(fills.map((f) => [f.instrument, f.side, f.quantity, f.price, f.time]));
    expect(trades.map((f) => Number(f.charges!.total.toFixed(2)))).toEqual(
      fills.map((f) => f.charges.total),
    );
  }, 120_000);
});
