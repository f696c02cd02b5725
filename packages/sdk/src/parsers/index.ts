export type {
  FormatId,
  BadRowPolicy,
  DuplicatePolicy,
  OutOfOrderPolicy,
  RowPolicies,
  SkippedRow,
  OutOfOrderRow,
  DuplicateRow,
  DroppedRows,
  Finding,
  ParseReport,
  ParseResult,
  StreamingParser,
} from './types.js';
export { CsvParseError } from './csv-parse-error.js';
export type {
  TradingWindow,
  TradingWindowCalendar,
  SessionFilter,
} from './sessions/trading-window.js';
export { nseTradingWindows } from './sessions/nse-trading-windows.js';
export { parseGenericCsv, createGenericCsvParser } from './generic/parse-generic-csv.js';
export type { GenericCsvOptions } from './generic/generic-csv-parser.js';
export {
  parseNseIndexMinutes,
  createNseIndexMinutesParser,
  type NseIndexMinutesOptions,
} from './nse/nse-index-minutes.js';
export {
  parseNseStockMinutes,
  createNseStockMinutesParser,
  type NseStockMinutesOptions,
} from './nse/nse-stock-minutes.js';
export { detectFormat } from './detect-format.js';
export {
  parsePriceTicks,
  createPriceTicksParser,
  type PriceTicksOptions,
} from './ticks/price-ticks.js';
export {
  parseDepthTicks,
  createDepthTicksParser,
  type DepthTicksOptions,
  type DepthReading,
} from './ticks/depth-ticks.js';
export type { FoContract, FoSegment } from './bhavcopy/fo-contract.js';
export {
  parseNseFoContracts,
  createNseFoContractsParser,
  type NseFoContractsOptions,
} from './bhavcopy/fo-contracts-parser.js';
export type { EquityBhavcopyRow } from './bhavcopy/equity-bhavcopy-row.js';
export {
  parseNseEquityBhavcopy,
  createNseEquityBhavcopyParser,
  type NseEquityBhavcopyOptions,
} from './bhavcopy/equity-bhavcopy-parser.js';
export {
  parseNseFoSummary,
  createNseFoSummaryParser,
  type FoSummaryRow,
  type NseFoSummaryOptions,
} from './bhavcopy/fo-summary-parser.js';
