import { runBacktest } from '@pravah/backtest';
import type { Strategy } from '@pravah/sdk';
import { loadStrategy } from '../strategies/load-strategy.js';
import { sweepMarket } from './market-source.js';
import { feesFor, slippageModel } from './run-costs.js';
import type { SweepRun, SweepTask } from './sweep-task.js';

const strategies = new Map<string, Promise<Strategy>>();

/**
 * Runs one grid point: loads (once per thread) the strategy and the data, runs the backtest and
 * returns its metrics, badge and daily returns. Workers call it; so can the main thread.
 *
 * @example
 * ```ts
 * const run = await runSweepTask({ setup, params: { fast: 5, slow: 20 } });
 * run.metrics.sharpe;
 * ```
 */
export async function runSweepTask(task: SweepTask): Promise<SweepRun> {
  const { setup } = task;
  const strategyKey = `${setup.cwd}|${setup.strategy}`;
  let strategy = strategies.get(strategyKey);
  if (strategy === undefined) {
    strategy = loadStrategy(setup.strategy, setup.cwd);
    strategies.set(strategyKey, strategy);
  }
  const [loaded, market] = await Promise.all([strategy, sweepMarket(setup.data)]);
  const fees = feesFor(setup.plan);
  const slippage = slippageModel(setup.slippage);
  const result = runBacktest(loaded, {
    feed: market.events,
    instruments: market.instruments,
    capital: setup.capital,
    params: task.params,
    seed: setup.seed,
    planName: setup.plan,
    ...(fees ? { fees } : {}),
    ...(slippage ? { slippage } : {}),
    ...(task.from !== undefined ? { from: task.from } : {}),
    ...(task.to !== undefined ? { to: task.to } : {}),
  });
  return {
    params: result.strategy.params,
    metrics: result.metrics,
    badge: result.grade.badge,
    dailyReturns: result.dailyReturns.map((d) => d.return),
    dailyDates: result.dailyReturns.map((d) => d.date),
    events: result.run.events,
  };
}
