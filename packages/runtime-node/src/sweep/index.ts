export { expandGrid, type ParameterGrid } from './parameter-grid.js';
export { SweepInputError } from './sweep-input-error.js';
export type { SweepData, SweepSetup, SweepTask, SweepRun } from './sweep-task.js';
export { runSweepTask } from './run-sweep-task.js';
export { runOnWorkers, defaultWorkers } from './run-sweep.js';
export { rankRuns, type RankBy } from './rank-runs.js';
export { feesFor, slippageModel, type PlanChoice } from './run-costs.js';
export {
  parseWalkForward,
  walkForwardWindows,
  type WalkForwardSpec,
  type WalkForwardWindow,
  type TimeRange,
} from './walk-forward-windows.js';
export {
  runSweep,
  runWalkForward,
  stitchOutOfSample,
  type SweepRequest,
  type SweepOutcome,
  type RankedRun,
  type WalkForwardOutcome,
  type WalkForwardStep,
  type StitchedOutOfSample,
} from './sweep.js';
export { normalCdf, normalQuantile } from './overfitting/normal.js';
export {
  deflatedSharpeRatio,
  expectedMaxSharpe,
  returnMoments,
  type DeflatedSharpeInput,
  type ReturnMoments,
} from './overfitting/deflated-sharpe.js';
export {
  probabilityOfBacktestOverfitting,
  type PboResult,
} from './overfitting/probability-of-overfitting.js';
export { assessOverfitting, type OverfittingReport } from './overfitting/assess-overfitting.js';
