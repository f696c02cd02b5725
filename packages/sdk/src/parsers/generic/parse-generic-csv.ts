import type { Bar } from '../../model/bar.js';
import type { ParseResult, StreamingParser } from '../types.js';
import { GenericCsvParser, type GenericCsvOptions } from './generic-csv-parser.js';

/**
 * Creates a streaming parser for a generic OHLCV CSV with a header (see {@link parseGenericCsv}).
 *
 * @example
 * ```ts
 * const parser = createGenericCsvParser({ instrument: 'NSE:INFY', timeframe: '1m', onOutOfOrder: 'fail' });
 * parser.push('time,open,high,low,close,volume\n2024-01-01 09:15:00,1,2,1,2,10\n2024-01-01 09:');
 * parser.push('16:00,2,3,2,3,5\n');
 * parser.take(); // the 09:15 bar: final, since nothing may reorder it
 * const { rows, report } = parser.end();
 * ```
 */
export function createGenericCsvParser(options: GenericCsvOptions = {}): StreamingParser<Bar> {
  return new GenericCsvParser('generic-ohlcv', options, 'all');
}

/**
 * Parses a generic OHLCV CSV with a header. Columns are matched case-insensitively: a time
 * column (`time`, `timestamp`, `date`, `datetime`, or separate `date` and `time`), `open`,
 * `high`, `low`, `close`, optional `volume`, `oi`, and `instrument` or `symbol`. Timestamps
 * without an offset are IST; ISO timestamps with `Z` or an offset are honoured; a date alone is
 * IST midnight (a daily bar). The timeframe is detected from the median spacing unless given.
 *
 * @example
 * ```ts
 * const { rows, report } = parseGenericCsv(
 *   'timestamp,open,high,low,close,volume\n2024-01-01 09:15:00,100,101,99,100.5,1200\n2024-01-01 09:16:00,100.5,102,100,101,900\n',
 *   { instrument: 'NSE:INFY' },
 * );
 * rows[0].timeframe; // '1m'
 * report.rows; // 2
 * ```
 */
export function parseGenericCsv(text: string, options: GenericCsvOptions = {}): ParseResult<Bar> {
  const parser = new GenericCsvParser('generic-ohlcv', options, 'all');
  parser.push(text);
  return parser.end();
}
