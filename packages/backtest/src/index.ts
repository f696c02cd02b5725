/**
 * @pravah/backtest: the deterministic event-driven backtester: simulated Indian exchange,
 * decimal ledger, metrics and the WeeklyTargetEvaluator.
 *
 * @packageDocumentation
 */
export { runBacktest, type RunBacktestOptions } from './engine/run-backtest.js';
export { BacktestEngine, type BacktestRecord } from './engine/backtest-engine.js';
export type { DrawdownSummary } from './engine/drawdown-tracker.js';
export type { EquityPoint } from './engine/equity-recorder.js';
export {
  ZERODHA_MIS_CUTOFFS,
  type BacktestOptions,
  type FeeFunction,
  type FillPriceModel,
  type MisCutoffs,
} from './engine/backtest-options.js';
export { FeedOrderError } from './engine/feed-order-error.js';
export { formatIstIso } from './engine/ist-day.js';
export {
  SimulatedExchange,
  AUTO_SQUARE_OFF_FILL_REASON,
  type ExchangeListener,
} from './exchange/simulated-exchange.js';
export type {
  ExchangeConfig,
  FillOptions,
  AccountCheck,
  SessionRules,
} from './exchange/exchange-config.js';
export { intrabarPath, firstTouch, type PathTouch } from './exchange/intrabar-path.js';
export type { Rejection, RejectionCode } from './exchange/rejection.js';
export { Ledger, type Closing } from './ledger/ledger.js';
export {
  computeMetrics,
  TRADING_DAYS_PER_YEAR,
  type Metrics,
  type MetricsInput,
} from './metrics/compute-metrics.js';
export { percentile, mean, sampleStdDev, downsideDeviation } from './metrics/statistics.js';
export * from './evaluator/index.js';
export {
  BacktestResultSchema,
  TradeJsonSchema,
  OrderJsonSchema,
  FillJsonSchema,
  BACKTEST_RESULT_SCHEMA_VERSION,
  type BacktestResult,
  type TradeJson,
  type OrderJson,
  type FillJson,
} from './result/backtest-result.js';
export { buildResult, type ResultContext } from './result/build-result.js';
