import type { SweepRun } from './sweep-task.js';

/** What a sweep ranks by: net Sharpe ratio (after charges), or the grade first, then Sharpe. */
export type RankBy = 'sharpe' | 'grade';

const BADGE_ORDER = { green: 0, amber: 1, red: 2 } as const;

/**
 * Indexes of `runs` from best to worst. Ties on Sharpe fall back to total return, then to grid
 * order, so the ranking is the same on every run.
 *
 * @example
 * ```ts
 * const best = runs[rankRuns(runs, 'sharpe')[0]!];
 * ```
 */
export function rankRuns(runs: readonly SweepRun[], by: RankBy): number[] {
  const order = runs.map((_, i) => i);
  return order.sort((a, b) => {
    const ra = runs[a]!;
    const rb = runs[b]!;
    if (by === 'grade') {
      const g = BADGE_ORDER[ra.badge] - BADGE_ORDER[rb.badge];
      if (g !== 0) return g;
    }
    return (
      rb.metrics.sharpe - ra.metrics.sharpe ||
      rb.metrics.totalReturn - ra.metrics.totalReturn ||
      a - b
    );
  });
}
