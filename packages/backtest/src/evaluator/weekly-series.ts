import { istWeekKey } from '@pravah/sdk';

/** One IST week of a run. Returns and drawdowns are in percent. */
export interface WeekSummary {
  /** Monday of the IST week, `YYYY-MM-DD`. */
  readonly weekStart: string;
  /** Last equity of the week / last equity of the previous week − 1, in percent. */
  readonly return: number;
  /** Largest peak-to-trough fall inside the week, from the previous week's close, in percent (<= 0). */
  readonly drawdown: number;
}

/**
 * Splits an equity curve into IST Monday–Sunday weeks that contain at least one point and
 * computes each week's return and drawdown. The first week compares with `base`.
 */
export function weeklySeries(
  curve: readonly { time: number; equity: number }[],
  base: number,
): WeekSummary[] {
  const weeks: WeekSummary[] = [];
  let previousClose = base;
  let i = 0;
  while (i < curve.length) {
    const key = istWeekKey(curve[i]!.time);
    let peak = previousClose;
    let worst = 0;
    let last = previousClose;
    while (i < curve.length && istWeekKey(curve[i]!.time) === key) {
      const equity = curve[i]!.equity;
      if (equity > peak) peak = equity;
      const dd = peak > 0 ? (equity - peak) / peak : 0;
      if (dd < worst) worst = dd;
      last = equity;
      i++;
    }
    weeks.push({
      weekStart: key,
      return: previousClose === 0 ? 0 : (last / previousClose - 1) * 100,
      drawdown: worst * 100,
    });
    previousClose = last;
  }
  return weeks;
}

/** Maximum drawdown over the whole curve (starting from `base`), in percent (positive). */
export function maxDrawdownPercent(
  curve: readonly { time: number; equity: number }[],
  base: number,
): number {
  let peak = base;
  let worst = 0;
  for (const { equity } of curve) {
    if (equity > peak) peak = equity;
    const dd = peak > 0 ? (peak - equity) / peak : 0;
    if (dd > worst) worst = dd;
  }
  return worst * 100;
}
