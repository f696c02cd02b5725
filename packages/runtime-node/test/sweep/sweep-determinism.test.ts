import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '@pravah/backtest';
import { smaCrossover } from '@pravah/examples';
import { barsToColumns } from '../../src/data/bar-columns.js';
import { loadMarketData } from '../../src/data/load-market-data.js';
import {
  expandGrid,
  feesFor,
  parseWalkForward,
  runOnWorkers,
  runSweep,
  runWalkForward,
  walkForwardWindows,
  type SweepSetup,
} from '../../src/sweep/index.js';

const JAN_2022 = fileURLToPath(
  new URL('../../../../../shared/data/nse/nifty_index_1min/2022_JAN_NIFTY.txt', import.meta.url),
);

describe('sweep on worker threads (built worker, real NIFTY minutes)', () => {
  const points = expandGrid({ fast: [5, 10], slow: [20, 30] }, { quantity: 50 });

  it('gives every grid point the metrics of a direct runBacktest, whatever worker ran it', async () => {
    const market = await loadMarketData(JAN_2022);
    const setup: SweepSetup = {
      strategy: 'sma-crossover',
      cwd: process.cwd(),
      data: {
        kind: 'shared',
        key: 'jan-2022',
        columns: barsToColumns(
          market.events.filter((e) => e.kind === 'bar'),
          { shared: true },
        ),
        instruments: market.instruments,
      },
      capital: 1_000_000,
      plan: 'zerodha',
      slippage: { kind: 'none' },
      seed: 42,
    };
    const outcome = await runSweep({ setup, points, workers: 2, rankBy: 'sharpe' });
    const fromFile = await runOnWorkers(
      points.map((params) => ({
        setup: { ...setup, data: { kind: 'file' as const, path: JAN_2022 } },
        params,
      })),
      2,
    );
    expect(outcome.ranked).toHaveLength(4);
    for (const run of outcome.ranked) {
      const direct = runBacktest(smaCrossover, {
        feed: market.events,
        instruments: market.instruments,
        capital: 1_000_000,
        params: points[run.point],
        seed: 42,
        planName: 'zerodha',
        fees: feesFor('zerodha')!,
      });
      expect(run.metrics).toEqual(direct.metrics);
      expect(run.dailyReturns).toEqual(direct.dailyReturns.map((d) => d.return));
      expect(fromFile[run.point]!.metrics).toEqual(direct.metrics);
    }
    expect(outcome.ranked[0]!.metrics.trades).toBeGreaterThan(0);
    // Ranked best first by net Sharpe.
    const sharpes = outcome.ranked.map((r) => r.metrics.sharpe);
    expect(sharpes).toEqual([...sharpes].sort((a, b) => b - a));
    expect(outcome.overfitting.trials).toBe(4);
    expect(outcome.overfitting.days).toBe(20);
    expect(outcome.overfitting.deflatedSharpe).toBeGreaterThanOrEqual(0);
    expect(outcome.overfitting.deflatedSharpe).toBeLessThanOrEqual(1);
  }, 240_000);

  it('walks forward: each test run uses the in-sample best and matches a direct run on its window', async () => {
    const market = await loadMarketData(JAN_2022);
    const setup: SweepSetup = {
      strategy: 'sma-crossover',
      cwd: process.cwd(),
      data: { kind: 'file', path: JAN_2022 },
      capital: 1_000_000,
      plan: 'none',
      slippage: { kind: 'none' },
      seed: 7,
    };
    const windows = walkForwardWindows(market.events, parseWalkForward('10d:5d'));
    expect(windows).toHaveLength(2);
    const wf = await runWalkForward({ setup, points, workers: 2, rankBy: 'sharpe' }, windows);
    expect(wf.steps).toHaveLength(2);
    let trades = 0;
    for (const [k, step] of wf.steps.entries()) {
      const w = windows[k]!;
      const trainSharpes = points.map(
        (params) =>
          runBacktest(smaCrossover, {
            feed: market.events,
            instruments: market.instruments,
            capital: 1_000_000,
            params,
            seed: 7,
            from: w.train.from,
            to: w.train.to,
          }).metrics.sharpe,
      );
      const best = trainSharpes.indexOf(Math.max(...trainSharpes));
      expect(step.params).toEqual(smaCrossover.parseParams(points[best]));
      const test = runBacktest(smaCrossover, {
        feed: market.events,
        instruments: market.instruments,
        capital: 1_000_000,
        params: points[best],
        seed: 7,
        from: w.test.from,
        to: w.test.to,
      });
      expect(step.testMetrics).toEqual(test.metrics);
      expect(step.test.from.slice(0, 10) > step.train.to.slice(0, 10)).toBe(true);
      trades += test.metrics.trades;
    }
    expect(wf.outOfSample.trades).toBe(trades);
    expect(wf.outOfSample.days).toBe(10);
  }, 240_000);
});
