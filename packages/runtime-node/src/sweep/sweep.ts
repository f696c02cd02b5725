import { formatIstIso, mean, sampleStdDev, TRADING_DAYS_PER_YEAR } from '@pravah/backtest';
import { assessOverfitting, type OverfittingReport } from './overfitting/assess-overfitting.js';
import { rankRuns, type RankBy } from './rank-runs.js';
import { runOnWorkers } from './run-sweep.js';
import type { SweepRun, SweepSetup, SweepTask } from './sweep-task.js';
import type { TimeRange, WalkForwardWindow } from './walk-forward-windows.js';

/** A sweep: one setup, the grid points, the pool size and the ranking rule. */
export interface SweepRequest {
  readonly setup: SweepSetup;
  readonly points: readonly Record<string, unknown>[];
  readonly workers: number;
  readonly rankBy: RankBy;
  /** Restrict every run to this range (epoch ms, inclusive). */
  readonly range?: { readonly from?: number | undefined; readonly to?: number | undefined };
  /** Called after each finished backtest with the count so far and the total. */
  readonly onProgress?: (finished: number, total: number) => void;
}

/** A run with its place in the grid and in the ranking (1 = best). */
export interface RankedRun extends SweepRun {
  readonly point: number;
  readonly rank: number;
}

/** A sweep's runs best first and what the overfitting statistics say about the best. */
export interface SweepOutcome {
  readonly ranked: readonly RankedRun[];
  readonly overfitting: OverfittingReport;
}

function rank(runs: readonly SweepRun[], by: RankBy): RankedRun[] {
  return rankRuns(runs, by).map((point, i) => ({ ...runs[point]!, point, rank: i + 1 }));
}

/**
 * Runs every grid point on the worker pool, ranks the runs and assesses overfitting.
 *
 * @example
 * ```ts
 * const { ranked, overfitting } = await runSweep({ setup, points: expandGrid(grid), workers: 2, rankBy: 'sharpe' });
 * ```
 */
export async function runSweep(request: SweepRequest): Promise<SweepOutcome> {
  const { from, to } = request.range ?? {};
  const tasks: SweepTask[] = request.points.map((params) => ({
    setup: request.setup,
    params,
    from,
    to,
  }));
  const runs = await runOnWorkers(tasks, request.workers, (n) =>
    request.onProgress?.(n, tasks.length),
  );
  const ranked = rank(runs, request.rankBy);
  return { ranked, overfitting: assessOverfitting(runs, ranked[0]!.point) };
}

/** One walk-forward step's outcome: the parameters chosen in sample and how they did after. */
export interface WalkForwardStep {
  readonly index: number;
  readonly train: { readonly from: string; readonly to: string };
  readonly test: { readonly from: string; readonly to: string };
  readonly params: unknown;
  readonly trainSharpe: number;
  readonly testMetrics: SweepRun['metrics'];
}

/** The out-of-sample test windows joined end to end. */
export interface StitchedOutOfSample {
  readonly days: number;
  readonly totalReturn: number;
  readonly annualisedSharpe: number;
  readonly maxDrawdown: number;
  readonly trades: number;
  readonly netPnl: number;
}

/** A walk-forward's steps and its stitched out-of-sample result. */
export interface WalkForwardOutcome {
  readonly steps: readonly WalkForwardStep[];
  readonly outOfSample: StitchedOutOfSample;
}

/**
 * Joins out-of-sample runs in order: compounds their daily returns into one curve and reports
 * its return, annualised Sharpe (sample deviation, 252 days) and maximum drawdown.
 *
 * @example
 * ```ts
 * stitchOutOfSample(testRuns).totalReturn;
 * ```
 */
export function stitchOutOfSample(runs: readonly SweepRun[]): StitchedOutOfSample {
  const returns = runs.flatMap((r) => r.dailyReturns);
  let equity = 1;
  let peak = 1;
  let maxDrawdown = 0;
  for (const r of returns) {
    equity *= 1 + r;
    if (equity > peak) peak = equity;
    maxDrawdown = Math.max(maxDrawdown, 1 - equity / peak);
  }
  const sd = returns.length > 1 ? sampleStdDev(returns) : 0;
  return {
    days: returns.length,
    totalReturn: equity - 1,
    annualisedSharpe: sd === 0 ? 0 : (mean(returns) / sd) * Math.sqrt(TRADING_DAYS_PER_YEAR),
    maxDrawdown,
    trades: runs.reduce((s, r) => s + r.metrics.trades, 0),
    netPnl: runs.reduce((s, r) => s + r.metrics.netPnl, 0),
  };
}

/**
 * Rolling walk-forward: for each window, runs the whole grid on the training range, takes the
 * best point by the ranking rule, runs it on the test range right after, and stitches the test
 * runs into one out-of-sample result. Every test run starts flat with fresh capital and cold
 * indicators (warm-up bars fall inside the test window).
 *
 * @example
 * ```ts
 * const wf = await runWalkForward({ setup, points, workers: 2, rankBy: 'sharpe' },
 *   walkForwardWindows(events, parseWalkForward('60d:20d')));
 * ```
 */
export async function runWalkForward(
  request: SweepRequest,
  windows: readonly WalkForwardWindow[],
): Promise<WalkForwardOutcome> {
  const { setup, points } = request;
  const total = windows.length * (points.length + 1);
  const trainTasks = windows.flatMap((w) =>
    points.map((params) => ({ setup, params, from: w.train.from, to: w.train.to })),
  );
  const trainRuns = await runOnWorkers(trainTasks, request.workers, (n) =>
    request.onProgress?.(n, total),
  );
  const chosen = windows.map((_, k) => {
    const runs = trainRuns.slice(k * points.length, (k + 1) * points.length);
    const best = rankRuns(runs, request.rankBy)[0]!;
    return { point: best, run: runs[best]! };
  });
  const testRuns = await runOnWorkers(
    windows.map((w, k) => ({
      setup,
      params: points[chosen[k]!.point]!,
      from: w.test.from,
      to: w.test.to,
    })),
    request.workers,
    (n) => request.onProgress?.(trainTasks.length + n, total),
  );
  const iso = (r: TimeRange) => ({ from: formatIstIso(r.from), to: formatIstIso(r.to) });
  return {
    steps: windows.map((w, k) => ({
      index: w.index,
      train: iso(w.train),
      test: iso(w.test),
      params: chosen[k]!.run.params,
      trainSharpe: chosen[k]!.run.metrics.sharpe,
      testMetrics: testRuns[k]!.metrics,
    })),
    outOfSample: stitchOutOfSample(testRuns),
  };
}
