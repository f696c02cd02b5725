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
