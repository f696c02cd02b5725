import type { z } from 'zod';
import type { Logger, Strategy } from '@pravah/sdk';
import type { WeeklyTargetOptions } from '../evaluator/index.js';
import type { BacktestResult } from '../result/backtest-result.js';
import { buildResult } from '../result/build-result.js';
import { BacktestEngine } from './backtest-engine.js';
import type { BacktestOptions } from './backtest-options.js';

/** Options of {@link runBacktest}: the engine's options plus grading and logging. */
export interface RunBacktestOptions extends BacktestOptions {
  readonly grading?: WeeklyTargetOptions;
  readonly logger?: Logger;
}

/**
 * Runs a strategy over a feed, synchronously, and returns its BacktestResult: orders with their
 * status histories, fills with charges, round-trip trades, the equity curve, metrics and the
 * WeeklyTargetEvaluator grade. The same inputs, parameters and seed give byte-identical JSON.
 *
 * @example
 * ```ts
 * const market = defaultMarket();
 * const result = runBacktest(smaCrossover, {
 *   feed: market.bars(), instruments: market.instruments, capital: 1_000_000,
 *   fees: zerodhaFees, params: { fast: 10, slow: 30 },
 * });
 * console.log(result.metrics.finalEquity, result.grade.badge);
 * ```
 */
export function runBacktest<S extends z.ZodType>(
  strategy: Strategy<S>,
  options: RunBacktestOptions,
): BacktestResult {
  const engine = new BacktestEngine(strategy, options, options.logger);
  for (const event of options.feed) engine.push(event);
  const record = engine.finish();
  return buildResult(record, {
    strategyName: strategy.name,
    initialCapital: options.capital,
    seed: options.seed ?? 0,
    plan: options.planName ?? (options.fees ? 'custom' : 'none'),
    slippage: options.slippage?.name ?? 'none',
    latencyMs: options.latencyMs ?? 0,
    ...(options.grading ? { grading: options.grading } : {}),
  });
}
