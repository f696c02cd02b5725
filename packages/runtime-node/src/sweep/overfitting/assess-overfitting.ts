import type { SweepRun } from '../sweep-task.js';
import { deflatedSharpeRatio, returnMoments } from './deflated-sharpe.js';
import { probabilityOfBacktestOverfitting } from './probability-of-overfitting.js';

/** Overfitting statistics of a sweep's best run, and the warnings they call for. */
export interface OverfittingReport {
  readonly trials: number;
  /** Trading days the statistics use (the union of the runs' days). */
  readonly days: number;
  /** Per-day Sharpe ratio of the best run. */
  readonly bestDailySharpe: number;
  /** Deflated Sharpe ratio of the best run, or null when there are too few days. */
  readonly deflatedSharpe: number | null;
  /** Probability of backtest overfitting (CSCV), or null when there are too few days or trials. */
  readonly pbo: number | null;
  readonly blocks: number | null;
  readonly warnings: readonly string[];
}

/** Daily returns of every run on one date axis (a day a run has no return counts as 0). */
function alignDaily(runs: readonly SweepRun[]): number[][] {
  const dates = [...new Set(runs.flatMap((r) => r.dailyDates))].sort();
  const at = new Map(dates.map((d, i) => [d, i]));
  return runs.map((r) => {
    const column = new Array<number>(dates.length).fill(0);
    for (let i = 0; i < r.dailyDates.length; i++)
      column[at.get(r.dailyDates[i]!)!] = r.dailyReturns[i]!;
    return column;
  });
}

function variance(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1);
}

/**
 * How much a sweep's best result owes to selection: the deflated Sharpe ratio of the best run
 * over all grid points as trials, and the CSCV probability of backtest overfitting on the daily
 * returns. Warns when DSR < 0.95 or PBO >= 0.5.
 *
 * @example
 * ```ts
 * const report = assessOverfitting(runs, ranking[0]!);
 * for (const w of report.warnings) console.warn(w);
 * ```
 */
export function assessOverfitting(runs: readonly SweepRun[], best: number): OverfittingReport {
  const columns = alignDaily(runs);
  const days = columns[0]?.length ?? 0;
  const moments = columns.map(returnMoments);
  const bestMoments = moments[best]!;
  const warnings: string[] = [];
  let dsr: number | null = null;
  if (days >= 2) {
    dsr = deflatedSharpeRatio({
      sharpe: bestMoments.sharpe,
      observations: days,
      skewness: bestMoments.skewness,
      kurtosis: bestMoments.kurtosis,
      trials: runs.length,
      sharpeVariance: runs.length > 1 ? variance(moments.map((m) => m.sharpe)) : 0,
    });
    if (dsr < 0.95)
      warnings.push(
        `deflated Sharpe ratio ${dsr.toFixed(3)} < 0.95: after ${runs.length} trials the best Sharpe is not distinguishable from luck`,
      );
  } else warnings.push('too few trading days to judge overfitting');
  // 10 blocks give C(10,5) = 252 splits: enough for a stable estimate, cheap for any grid.
  const blocks = Math.min(10, 2 * Math.floor(days / 4));
  let pbo: number | null = null;
  if (runs.length >= 2 && blocks >= 2) {
    pbo = probabilityOfBacktestOverfitting(columns, blocks).pbo;
    if (pbo >= 0.5)
      warnings.push(
        `probability of backtest overfitting ${(pbo * 100).toFixed(0)}% (CSCV, ${blocks} blocks): the in-sample best usually ranks in the bottom half out of sample`,
      );
  }
  return {
    trials: runs.length,
    days,
    bestDailySharpe: bestMoments.sharpe,
    deflatedSharpe: dsr,
    pbo,
    blocks: pbo === null ? null : blocks,
    warnings,
  };
}
