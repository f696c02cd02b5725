import type { RiskGuard } from '../graph/stages.js';
import { haltGuard } from './internal/halt-guard.js';
import { istDayKey } from './internal/ist-period.js';
import { lossBreach } from './internal/loss-breach.js';
import { parseLossLimitOptions, type LossLimitOptions } from './loss-limit-options.js';

/**
 * Halts entries for the rest of the IST day once the day's marked P&L (`portfolio.today().marked`,
 * realised plus unrealised, net of charges) is a loss of at least `percent` % of start-of-day
 * equity. Default 3 %.
 *
 * Checked on every market event and before every intent. On tripping it emits one `halted`
 * RiskEvent; until the next IST day (00:00 IST) only cancels and exits pass: reduce-only intents
 * and intents that only shrink a position. An intent that would go through zero is cut down
 * to the closing part (`shrunk`); entries are `blocked`. The halt lifts by itself at the next
 * IST day, when the limit is checked afresh against the new day's figures.
 *
 * @example
 * ```ts
 * const strategy = defineStrategy({
 *   name: 'careful',
 *   params: z.object({}),
 *   universe: ['NSE:RELIANCE'],
 *   timeframes: ['5m'],
 *   signal, sizer, execution,
 *   guards: [dailyLossLimit({ percent: 2 })],
 * });
 * ```
 */
export function dailyLossLimit(options?: LossLimitOptions): RiskGuard {
  const { percent } = parseLossLimitOptions(options, 3, 'dailyLossLimit');
  return haltGuard({
    guard: 'dailyLossLimit',
    period: istDayKey,
    breach: (ctx) =>
      lossBreach(
        'daily',
        ctx.portfolio.today().marked,
        'start-of-day equity',
        ctx.portfolio.startOfDayEquity(),
        percent,
      ),
  });
}
