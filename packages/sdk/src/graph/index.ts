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
export { defineStrategy, type StrategyDefinition, type Strategy, type StrategyParams } from './define-strategy.js';
export { UnknownInstrumentError } from './unknown-instrument-error.js';
export {
  staticContext,
  instrumentRegistry,
  silentLogger,
  type StaticContextOptions,
  type StaticPortfolio,
} from './static-context.js';
