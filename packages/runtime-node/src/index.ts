/**
 * @pravah/runtime-node: the `pravah` CLI, file loading for the data formats Pravah reads,
 * backtest reports for people and CI.
 *
 * @packageDocumentation
 */
export { main, type CliIo } from './cli/main.js';
export { EXIT } from './cli/exit-codes.js';
export { UsageError } from './cli/usage-error.js';
export { loadStrategy } from './strategies/load-strategy.js';
export { loadMarketData, type MarketData } from './data/load-market-data.js';
export { writeReport, resultJson, type WrittenReport } from './report/write-report.js';
export { renderHtmlReport, downsampleCandles, type PriceSeries } from './report/html-report.js';
export { renderSummaryMarkdown } from './report/markdown-summary.js';
export { renderTerminalSummary } from './report/terminal-summary.js';
export * from './live/index.js';
