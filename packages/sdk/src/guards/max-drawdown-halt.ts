import type { RiskGuard } from '../graph/stages.js';
import { haltGuard } from './internal/halt-guard.js';
import { formatAmount } from './internal/loss-breach.js';
import { parseLossLimitOptions, type LossLimitOptions } from './loss-limit-options.js';

/**
 * Halts entries for good once equity has fallen at least `percent` % below the run's peak
 * equity (`portfolio.peakEquity()`). Default 10 %.
 *
 * Unlike the loss limits, this halt never lifts by itself: a drawdown that deep calls for a
 * person to look at the strategy, so trading resumes only with a new run (a new guard
 * instance). Exits keep passing, as with every halt.
 *
 * @example
 * ```ts
 * const guards = [maxDrawdownHalt({ percent: 10 })];
 * ```
 */
export function maxDrawdownHalt(options?: LossLimitOptions): RiskGuard {
  const { percent } = parseLossLimitOptions(options, 10, 'maxDrawdownHalt');
  return haltGuard({
    guard: 'maxDrawdownHalt',
    breach: (ctx) => {
      const peak = ctx.portfolio.peakEquity();
      const equity = ctx.portfolio.equity();
      if (!Number.isFinite(peak) || !Number.isFinite(equity)) {
        return `equity (${equity}) or peak equity (${peak}) is not a finite number; halting to be safe`;
      }
      const drawdown = peak - equity;
      if (peak <= 0 || drawdown <= 0 || drawdown < (peak * percent) / 100) return undefined;
      return `equity ${formatAmount(equity)} is ${formatAmount((drawdown * 100) / peak)}% below peak ${formatAmount(peak)}, at or beyond the ${percent}% limit`;
    },
  });
}
