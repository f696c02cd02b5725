export {
  WeeklyTargetEvaluator,
  type WeeklyGrade,
  type GradeCheck,
  type GradeStatus,
  type GradableRun,
} from './weekly-target-evaluator.js';
export {
  WeeklyTargetOptionsSchema,
  type WeeklyTargetOptions,
  type ResolvedWeeklyTargetOptions,
} from './evaluator-options.js';
export type { WeekSummary } from './weekly-series.js';
export type { BootstrapSummary } from './bootstrap.js';
