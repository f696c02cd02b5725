import type { RiskGuard } from '../graph/stages.js';
import { haltGuard } from './internal/halt-guard.js';
import { istWeekKey } from './internal/ist-period.js';
import { lossBreach } from './internal/loss-breach.js';
import { parseLossLimitOptions, type LossLimitOptions } from './loss-limit-options.js';

/**
 * Halts entries for the rest of the IST week (Monday to Sunday) once the week's marked P&L
 * (`portfolio.thisWeek().marked`) is a loss of at least `percent` % of start-of-week equity.
 * Default 6 %.
 *
 * Behaves like {@link dailyLossLimit}: one `halted` RiskEvent when it trips, then only cancels
 * and exits pass until Monday 00:00 IST, when the halt lifts by itself.
 *
 * @example
 * ```ts
 * const guards = [dailyLossLimit({ percent: 3 }), weeklyLossLimit({ percent: 6 })];
 * ```
 */
export function weeklyLossLimit(options?: LossLimitOptions): RiskGuard {
  const { percent } = parseLossLimitOptions(options, 6, 'weeklyLossLimit');
  return haltGuard({
    guard: 'weeklyLossLimit',
    period: istWeekKey,
    breach: (ctx) =>
      lossBreach(
        'weekly',
        ctx.portfolio.thisWeek().marked,
        'start-of-week equity',
        ctx.portfolio.startOfWeekEquity(),
        percent,
      ),
  });
}
