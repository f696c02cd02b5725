export { marketExecution, type MarketExecutionOptions } from './market-execution.js';
export { limitExecution, limitPrice, type LimitExecutionOptions } from './limit-execution.js';
export { stopEntryExecution, type StopEntryExecutionOptions } from './stop-entry-execution.js';
export { bracketExecution, type BracketExecutionOptions } from './bracket-execution.js';
export { trailingStop, type TrailingStopOptions, type TrailDistance } from './trailing-stop.js';
export { timeExit, DEFAULT_SQUARE_OFF_TIMES, type TimeExitOptions } from './time-exit.js';
export { sliceAboveFreeze } from './slice-above-freeze.js';
export { combineExecution } from './combine-execution.js';
export { cancelIntent, type CancelIntentOptions } from './cancel-intent.js';
export {
  planToTarget,
  isProtective,
  protectiveExposure,
  type TargetPlan,
  type PlanOptions,
} from './order-plan.js';
export { roundToTick, type TickRounding } from './tick-rounding.js';
export type { ExecutionOptions } from './execution-options.js';
export { ExecutionError } from './execution-error.js';
