import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBacktest } from '@pravah/backtest';
import { PaperBroker, RateLimiter } from '@pravah/brokers';
import { smaCrossover } from '@pravah/examples';
import {
  defineStrategy,
  fixedQuantity,
  marketExecution,
  nseCalendar,
  type MarketEvent,
  type SignalEvent,
  type Tick,
} from '@pravah/sdk';
import { map, Subject } from 'rxjs';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuntime, JournalFile, type LiveRuntime } from '../../../src/live/index.js';
import { RELIANCE, relianceTicks, shiftedZerodhaFees } from '../support/reliance.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pravah-paper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const params = { fast: 5, slow: 20, quantity: 10 };

function paperSetup(name: string) {
  const ticks = new Subject<Tick>();
  let now = 0;
  const broker = new PaperBroker({
    ticks,
    instruments: [RELIANCE],
    capital: 1_000_000,
    misCutoffs: false,
    fees: shiftedZerodhaFees(),
    candles: () => Promise.resolve([]),
  });
  const make = (mode: 'paper' | 'dry-run' = 'paper'): LiveRuntime =>
    createRuntime({
      strategy: smaCrossover,
      universe: ['NSE:RELIANCE'],
      params,
      broker,
      mode,
      journal: path.join(dir, `${name}.journal`),
      calendar: nseCalendar,
      runId: name,
      sessionAware: false,
      marketEvents: 'ticks',
      now: () => now,
      orderLimiter: new RateLimiter(10_000, 1000),
      limits: { maxOrdersPerMinute: 1000, staleDataSeconds: 1e9 },
    });
  const feed = async (list: readonly Tick[]): Promise<void> => {
    for (const tick of list) {
      now = tick.time;
      ticks.next(tick);
      // Let placements reach the broker before the next tick, as wall-clock time would.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { broker, make, feed };
}

describe('live runtime in paper mode (PaperBroker, real RELIANCE minutes)', () => {
  it('places the same orders and gets the same fills as runBacktest on the same recorded ticks', async () => {
    // One session: the broker's order book and trades are today's.
    const stream = relianceTicks(0, 374);
    const { broker, make, feed } = paperSetup('parity');
    const runtime = make();
    await runtime.start();
    await feed(stream);
    await runtime.orders.idle();

    const backtest = runBacktest(smaCrossover, {
      feed: stream,
      instruments: [RELIANCE],
      capital: 1_000_000,
      params,
      misCutoffs: false,
      fees: shiftedZerodhaFees(),
    });
    const live = await broker.orders();
    const liveFills = await broker.trades();
    expect(backtest.orders.length).toBeGreaterThan(4);
    expect(live.map((o) => [o.side, o.quantity, o.status])).toEqual(
      backtest.orders.map((o) => [o.side, o.quantity, o.status]),
    );
    expect(liveFills.map((f) => [f.side, f.quantity, f.price])).toEqual(
      backtest.fills.map((f) => [f.side, f.quantity, f.price]),
    );
    // The runtime's view equals the broker's, and every order went through the journal.
    const net = (await broker.positions()).net.find((p) => p.instrument === 'NSE:RELIANCE');
    expect(runtime.portfolio.positionQuantity('NSE:RELIANCE')).toBe(net?.quantity ?? 0);
    expect(runtime.orders.all().every((o) => o.state === 'filled')).toBe(true);
    expect(new Set(live.map((o) => o.tag)).size).toBe(live.length);
    const text = await fetchMetrics(runtime);
    expect(text).toContain(`pravah_orders{state="filled"} ${live.length}`);
    await runtime.stop('test done');
    console.log(
      `parity: ${live.length} orders, ${liveFills.length} fills identical to runBacktest on 374 ticks`,
    );
  }, 120_000);

  it('restarts from its journal without re-placing anything and keeps counting tags', async () => {
    const { broker, make, feed } = paperSetup('restart');
    const first = make();
    await first.start();
    await feed(relianceTicks(0, 180));
    await first.orders.idle();
    const before = await broker.orders();
    await first.stop('restart');

    const second = make();
    await second.start();
    expect(second.orders.all().map((o) => o.tag)).toEqual(before.map((o) => o.tag));
    expect(await broker.orders()).toHaveLength(before.length);
    await feed(relianceTicks(180, 194));
    await second.orders.idle();
    const after = await broker.orders();
    expect(after.length).toBeGreaterThan(before.length);
    expect(new Set(after.map((o) => o.tag)).size).toBe(after.length);
    const net = (await broker.positions()).net.find((p) => p.instrument === 'NSE:RELIANCE');
    expect(second.portfolio.positionQuantity('NSE:RELIANCE')).toBe(net?.quantity ?? 0);
    await second.stop('done');
    const { replay, journal } = JournalFile.open(path.join(dir, 'restart.journal'));
    journal.close();
    expect(replay.records.filter((r) => r.kind === 'order')).toHaveLength(after.length);
    expect(replay.records.filter((r) => r.kind === 'start')).toHaveLength(2);
  }, 120_000);

  it('dry-run decides and journals intents but never sends an order', async () => {
    const { broker, make, feed } = paperSetup('dry');
    const runtime = make('dry-run');
    await runtime.start();
    await feed(relianceTicks(0, 400));
    await runtime.stop('done');
    expect(await broker.orders()).toHaveLength(0);
    const { replay, journal } = JournalFile.open(path.join(dir, 'dry.journal'));
    journal.close();
    expect(replay.records.filter((r) => r.kind === 'intent').length).toBeGreaterThan(0);
    expect(replay.records.filter((r) => r.kind === 'order')).toHaveLength(0);
  }, 120_000);

  it('halts after consecutive rejections, then allows only exits', async () => {
    // A strategy that flips between long and flat on every event, trading MIS, on a paper
    // broker whose MIS cut-off is 09:16: every entry after it is rejected by the broker.
    let flips = 0;
    const flipper = defineStrategy({
      name: 'flipper',
      params: z.object({}),
      universe: ['NSE:RELIANCE'],
      timeframes: ['1m'],
      signal: () => (source) =>
        source.pipe(
          map((event: MarketEvent): SignalEvent => ({
            kind: 'signal',
            instrument: event.instrument,
            time: event.time,
            direction: flips++ % 2 === 0 ? 'long' : 'flat',
            confidence: 1,
            price: event.kind === 'tick' ? event.price : event.close,
            reason: 'flip',
          })),
        ),
      sizer: fixedQuantity({ quantity: 1 }),
      execution: marketExecution(),
    });
    const ticks = new Subject<Tick>();
    const cutoff = '09:16';
    const broker = new PaperBroker({
      ticks,
      instruments: [RELIANCE],
      capital: 1_000_000,
      misCutoffs: { equity: cutoff, derivatives: cutoff, currency: cutoff, commodity: cutoff },
      fees: shiftedZerodhaFees(),
      candles: () => Promise.resolve([]),
    });
    let now = 0;
    const runtime = createRuntime({
      strategy: flipper,
      broker,
      mode: 'paper',
      journal: path.join(dir, 'halt.journal'),
      calendar: nseCalendar,
      runId: 'halt',
      sessionAware: false,
      marketEvents: 'ticks',
      now: () => now,
      orderLimiter: new RateLimiter(10_000, 1000),
      limits: { maxConsecutiveRejections: 2, maxOrdersPerMinute: 1000, staleDataSeconds: 1e9 },
    });
    await runtime.start();
    for (const tick of relianceTicks(0, 40)) {
      now = tick.time;
      ticks.next(tick);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await runtime.orders.idle();
    expect(runtime.halted).toMatch(/2 consecutive rejections/);
    expect(runtime.health().ok).toBe(false);
    const rejected = runtime.orders.all().filter((o) => o.state === 'rejected');
    // Two rejections in a row halted it: no entry was sent after that.
    expect(rejected).toHaveLength(2);
    expect(runtime.orders.all()).toHaveLength(2);
    expect(rejected[0]?.history.at(-1)?.reason).toMatch(/MIS|cut-off|square/i);
    await runtime.stop('done');
    await broker.close();
  }, 120_000);
});

async function fetchMetrics(runtime: LiveRuntime): Promise<string> {
  return runtime.metrics.registry.metrics();
}
