import { z } from 'zod';

/**
 * Thresholds of the WeeklyTargetEvaluator. Percentages are in percent units (1.0 = 1%).
 * `amberBand` is a fraction of each threshold's magnitude (0.25 = 25%).
 */
export const WeeklyTargetOptionsSchema = z
  .object({
    /** Mean weekly return must be at least this, in percent. */
    targetWeeklyReturn: z.number().finite().default(1.0),
    /** Max drawdown over the whole curve must not exceed this, in percent (positive). */
    maxDrawdown: z.number().finite().positive().default(10),
    /** The 5th percentile of weekly drawdowns must be no worse than this, in percent (negative). */
    p95WeeklyDrawdown: z.number().finite().nonpositive().default(-3),
    amberBand: z.number().finite().min(0).max(1).default(0.25),
    /** Runs with fewer IST weeks cannot be green. */
    minWeeks: z.number().int().min(1).default(8),
    bootstrap: z
      .object({
        samples: z.number().int().min(100).max(100_000).default(2000),
        seed: z.number().int().default(1),
        /** Two-sided confidence level of the interval. */
        level: z.number().gt(0).lt(1).default(0.95),
      })
      .prefault({}),
  })
  .strict();

export type WeeklyTargetOptions = z.input<typeof WeeklyTargetOptionsSchema>;
export type ResolvedWeeklyTargetOptions = z.output<typeof WeeklyTargetOptionsSchema>;
