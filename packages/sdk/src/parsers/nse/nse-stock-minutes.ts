import type { Bar } from '../../model/bar.js';
import type { InstrumentId } from '../../model/instrument.js';
import { GenericCsvParser } from '../generic/generic-csv-parser.js';
import type { SessionFilter } from '../sessions/trading-window.js';
import type { ParseResult, RowPolicies, StreamingParser } from '../types.js';

/** Options of {@link parseNseStockMinutes}. */
export interface NseStockMinutesOptions extends RowPolicies {
  /** Instrument of every row; by default `NSE:<Code>` (`NIFTY50` is the index `NSE:NIFTY 50`). */
  readonly instrument?: InstrumentId;
  /** Rows kept; default `'regular'` (NSE trading windows). */
  readonly session?: SessionFilter;
}

function parser(options: NseStockMinutesOptions): GenericCsvParser {
  return new GenericCsvParser(
    'nse-stock-1m',
    { ...options, timeframe: '1m', labels: 'start', exchange: 'NSE' },
    'regular',
  );
}

/**
 * Creates a streaming parser for NSE stock 1-minute files with the header
 * `Code,Date,Open,High,Low,Close,Volume` (see {@link parseNseStockMinutes}).
 *
 * @example
 * ```ts
 * const p = createNseStockMinutesParser();
 * p.push('Code,Date,Open,High,Low,Close,Volume\nINFY,2016-08-16 09:15:00, 1030, 1031, 1029, 1030.5, 1200\n');
 * const { rows } = p.end();
 * ```
 */
export function createNseStockMinutesParser(
  options: NseStockMinutesOptions = {},
): StreamingParser<Bar> {
  return parser(options);
}

/**
 * Parses an NSE stock 1-minute file with the header `Code,Date,Open,High,Low,Close,Volume`
 * (values may carry leading spaces), minutes labelled by their start, naive IST. Out-of-order
 * rows are reported with their line numbers and sorted under the default `onOutOfOrder: 'sort'`.
 *
 * @example
 * ```ts
 * const { rows, report } = parseNseStockMinutes(
 *   'Code,Date,Open,High,Low,Close,Volume\nINFY,2016-08-16 09:16:00, 1031, 1032, 1030, 1031, 900\nINFY,2016-08-16 09:15:00, 1030, 1031, 1029, 1030.5, 1200\n',
 * );
 * report.outOfOrder[0].line; // 3
 * rows[0].instrument; // 'NSE:INFY'
 * ```
 */
export function parseNseStockMinutes(
  text: string,
  options: NseStockMinutesOptions = {},
): ParseResult<Bar> {
  const p = parser(options);
  p.push(text);
  return p.end();
}
