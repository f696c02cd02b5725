// Memory of a backtest (DESIGN.md §10: bounded by instruments, open orders and the equity
// curve, not by the number of bars). The same strategy runs over the seeded synthetic market for
// 3 months and for 30 months (10x the bars) with the same trades, the feed streamed from a
// generator so no bar array exists; the heap is sampled (after a full GC) every 20,000 events.
import v8 from 'node:v8';
import vm from 'node:vm';
import { runBacktest } from '@pravah/backtest';
import {
  Sma,
  crossoverSignal,
  defineStrategy,
  fixedQuantity,
  marketExecution,
  syntheticMarket,
} from '@pravah/sdk';
import { filter } from 'rxjs';
import { z } from 'zod';
import type { BenchResult } from '../types.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Trades only during April 2024, so both runs hold the same trade records: what is left to grow
 * with the bars is the engine's own state. */
const TRADING_ENDS = Date.UTC(2024, 4, 1) - 19_800_000;
const aprilOnlyCrossover = defineStrategy({
  name: 'sma-crossover-april-only',
  params: z.object({}),
  universe: [],
  timeframes: ['1m'],
  signal: (ctx) => (events) =>
    events.pipe(
      filter((e) => e.time < TRADING_ENDS),
      crossoverSignal({ fast: () => new Sma(20), slow: () => new Sma(60) })(ctx),
    ),
  sizer: fixedQuantity({ quantity: 10 }),
  execution: marketExecution(),
});

interface Sample {
  readonly bars: number;
  readonly trades: number;
  readonly peakRetainedMiB: number;
  /** Heap held by the returned result (trades, orders, fills, equity curve): O(trades + days). */
  readonly resultMiB: number;
}

function measure(from: string, to: string): Sample {
  const market = syntheticMarket({ seed: 42, from, to, timeframe: '1m' });
  let peak = 0;
  gc();
  const base = process.memoryUsage().heapUsed;
  const result = runBacktest(aprilOnlyCrossover, {
    feed: market.bars(),
    instruments: market.instruments,
    capital: 1_000_000,
    progressEvery: 20_000,
    onProgress: () => {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    },
  });
  gc();
  const withResult = process.memoryUsage().heapUsed;
  const summary = { bars: result.run.events, trades: result.trades.length };
  (result as { trades: unknown }).trades = undefined;
  (result as { orders: unknown }).orders = undefined;
  (result as { fills: unknown }).fills = undefined;
  (result as { equityCurve: unknown }).equityCurve = undefined;
  gc();
  const resultBytes = withResult - process.memoryUsage().heapUsed;
  return { ...summary, peakRetainedMiB: peak / 2 ** 20, resultMiB: resultBytes / 2 ** 20 };
}

export default function memory(): BenchResult[] {
  measure('2024-04-01', '2024-05-15'); // warm-up: compiled code, lazily built tables
  const small = measure('2024-04-01', '2024-06-30');
  const large = measure('2024-04-01', '2026-09-30');
  const note = (s: Sample): string =>
    `${s.bars.toLocaleString('en-US')} bars, ${s.trades} trades; live heap after full GC, sampled every 20,000 events, above the heap before the run; of which the result's trades, orders, fills and equity curve hold ${round(s.resultMiB)} MiB`;
  const working = (s: Sample): number => Math.max(0.01, s.peakRetainedMiB - s.resultMiB);
  return [
    {
      name: 'peak retained heap, 3 months synthetic (4 instruments, 1m)',
      value: round(small.peakRetainedMiB),
      unit: 'MiB',
      note: note(small),
    },
    {
      name: 'peak retained heap, 30 months synthetic (10x the bars, same trades)',
      value: round(large.peakRetainedMiB),
      unit: 'MiB',
      note: note(large),
    },
    {
      name: 'heap growth for 10x the bars at equal trades (30 months / 3 months)',
      value: round(large.peakRetainedMiB / small.peakRetainedMiB),
      unit: 'x',
      budget: { max: 2 },
      note: `${round(small.peakRetainedMiB)} MiB -> ${round(large.peakRetainedMiB)} MiB; the strategy trades only in April 2024, so the engine's own state (positions, open orders, indicators, per-day equity curve) is what could grow with the bars; working heap without the result records ${round(working(small))} -> ${round(working(large))} MiB`,
    },
  ];
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
