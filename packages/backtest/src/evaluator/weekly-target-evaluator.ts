import { parseWith } from '@pravah/sdk';
import { percentile } from '../metrics/statistics.js';
import { bootstrapMean, type BootstrapSummary } from './bootstrap.js';
import {
  WeeklyTargetOptionsSchema,
  type ResolvedWeeklyTargetOptions,
  type WeeklyTargetOptions,
} from './evaluator-options.js';
import { maxDrawdownPercent, weeklySeries, type WeekSummary } from './weekly-series.js';

/** Traffic-light status of a check and of the whole run. */
export type GradeStatus = 'green' | 'amber' | 'red';

/** One graded check. `value` and `threshold` are in percent, except `weeks` (a count). */
export interface GradeCheck {
  readonly name: 'meanWeeklyReturn' | 'maxDrawdown' | 'p95WeeklyDrawdown' | 'weeks';
  readonly value: number;
  readonly threshold: number;
  readonly status: GradeStatus;
}

/** Anything with an equity curve: a backtest, paper or live result. */
export interface GradableRun {
  readonly equityCurve: readonly { readonly time: number; readonly equity: number }[];
  readonly initialCapital?: number;
  /** The same curve before charges, when known: graded for the confidence section only. */
  readonly grossEquityCurve?: readonly { readonly time: number; readonly equity: number }[];
}

/** The evaluator's verdict. */
export interface WeeklyGrade {
  readonly badge: GradeStatus;
  readonly checks: readonly GradeCheck[];
  readonly weeks: readonly WeekSummary[];
  readonly confidence: {
    /** Bootstrap of the mean weekly return (percent), net of charges. */
    readonly net: BootstrapSummary | null;
    /** The same before charges, when the run carried a gross curve. */
    readonly gross: BootstrapSummary | null;
    readonly weeks: number;
    /** True when the run has fewer weeks than `minWeeks` and so cannot be green. */
    readonly tooShort: boolean;
  };
  readonly options: ResolvedWeeklyTargetOptions;
}

const EPSILON = 1e-9;
const RANK: Record<GradeStatus, number> = { green: 0, amber: 1, red: 2 };

/**
 * Grades a run on IST trading weeks (DESIGN.md §7): mean weekly return against a target, max
 * drawdown against a limit, and the 5th percentile of weekly drawdowns (the "P95 weekly
 * drawdown") against a floor. Each check is green when met, amber when missed by no more than
 * the amber band, red otherwise; the badge is the worst check. A seeded bootstrap says how sure
 * the mean weekly return is, so a lucky short run cannot look green.
 *
 * @example
 * ```ts
 * const grade = new WeeklyTargetEvaluator({ targetWeeklyReturn: 0.5 }).evaluate(result);
 * if (grade.badge === 'red') process.exitCode = 1;
 * ```
 */
export class WeeklyTargetEvaluator {
  readonly options: ResolvedWeeklyTargetOptions;

  constructor(options: WeeklyTargetOptions = {}) {
    this.options = parseWith(WeeklyTargetOptionsSchema, options, 'WeeklyTargetEvaluator options');
  }

  evaluate(run: GradableRun): WeeklyGrade {
    const o = this.options;
    const curve = run.equityCurve;
    const base = run.initialCapital ?? curve[0]?.equity ?? 0;
    const weeks = weeklySeries(curve, base);
    const returns = weeks.map((w) => w.return);
    const meanReturn =
      returns.length === 0 ? 0 : returns.reduce((a, b) => a + b, 0) / returns.length;
    const maxDd = maxDrawdownPercent(curve, base);
    const p95 =
      weeks.length === 0
        ? 0
        : percentile(
            weeks.map((w) => w.drawdown),
            5,
          );
    const band = o.amberBand;

    const checks: GradeCheck[] = [
      {
        name: 'meanWeeklyReturn',
        value: meanReturn,
        threshold: o.targetWeeklyReturn,
        status: atLeast(meanReturn, o.targetWeeklyReturn, band),
      },
      {
        name: 'maxDrawdown',
        value: maxDd,
        threshold: o.maxDrawdown,
        status: atMost(maxDd, o.maxDrawdown, band),
      },
      {
        name: 'p95WeeklyDrawdown',
        value: p95,
        threshold: o.p95WeeklyDrawdown,
        status: atLeast(p95, o.p95WeeklyDrawdown, band),
      },
      {
        name: 'weeks',
        value: weeks.length,
        threshold: o.minWeeks,
        status: weeks.length >= o.minWeeks ? 'green' : 'amber',
      },
    ];
    const badge = checks.reduce<GradeStatus>(
      (worst, c) => (RANK[c.status] > RANK[worst] ? c.status : worst),
      'green',
    );
    const grossWeeks = run.grossEquityCurve
      ? weeklySeries(run.grossEquityCurve, base).map((w) => w.return)
      : undefined;
    return {
      badge,
      checks,
      weeks,
      confidence: {
        net: bootstrapMean(returns, o.targetWeeklyReturn, o.bootstrap) ?? null,
        gross: grossWeeks
          ? (bootstrapMean(grossWeeks, o.targetWeeklyReturn, o.bootstrap) ?? null)
          : null,
        weeks: weeks.length,
        tooShort: weeks.length < o.minWeeks,
      },
      options: o,
    };
  }
}

/** Green when value >= threshold; amber when short by at most band × |threshold|. */
function atLeast(value: number, threshold: number, band: number): GradeStatus {
  if (value >= threshold - EPSILON) return 'green';
  if (value >= threshold - band * Math.abs(threshold) - EPSILON) return 'amber';
  return 'red';
}

/** Green when value <= threshold; amber when over by at most band × |threshold|. */
function atMost(value: number, threshold: number, band: number): GradeStatus {
  if (value <= threshold + EPSILON) return 'green';
  if (value <= threshold + band * Math.abs(threshold) + EPSILON) return 'amber';
  return 'red';
}
