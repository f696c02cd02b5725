export type {
  Clock,
  PositionView,
  PeriodPnl,
  PortfolioView,
  InstrumentRegistry,
  Logger,
  StrategyContext,
} from './strategy-context.js';
export type {
  Stage,
  DataFeed,
  Signal,
  RiskSizer,
  ExecutionModel,
  RiskGuard,
  Slippage,
  FeeModel,
} from './stages.js';
export {
  defineStrategy,
  type StrategyDefinition,
  type Strategy,
  type StrategyJson,
  type StrategyParams,
} from './define-strategy.js';
export {
  createStrategyGraph,
  type GraphContext,
  type GraphSink,
  type GraphStages,
  type StrategyGraph,
} from './strategy-graph.js';
export { strategyGraph, type GraphOutput } from './strategy-graph-operator.js';
export { composeGuards, type GuardOperator } from './compose-guards.js';
export { StageError, GraphClosedError } from './stage-error.js';
export { UnknownInstrumentError } from './unknown-instrument-error.js';
export {
  staticContext,
  instrumentRegistry,
  silentLogger,
  type StaticContextOptions,
  type StaticPortfolio,
} from './static-context.js';
