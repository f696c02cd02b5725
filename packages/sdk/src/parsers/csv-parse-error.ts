import { PravahError } from '../errors/pravah-error.js';
import type { FormatId } from './types.js';

/**
 * A row of a market-data file could not be used: names the format, the 1-based line, the
 * field and the value found, and says what to do.
 *
 * @example
 * ```ts
 * try {
 *   parseGenericCsv('time,open,high,low,close,volume\n2024-01-01,9,8,9,8.5,100\n', { instrument: 'NSE:INFY' });
 * } catch (e) {
 *   if (e instanceof CsvParseError) console.log(e.line, e.field, e.value); // 2 'high' '8'
 * }
 * ```
 */
export class CsvParseError extends PravahError {
  readonly format: FormatId;
  /** 1-based line number in the input. */
  readonly line: number;
  /** Column name, or `(row)` for a problem with the row as a whole. */
  readonly field: string;
  /** The offending text as found. */
  readonly value: string;
  /** What is wrong, without the advice. */
  readonly reason: string;

  constructor(
    format: FormatId,
    line: number,
    field: string,
    value: string,
    reason: string,
    advice: string,
  ) {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    super(
      'CSV_PARSE',
      `${format} line ${line}, field "${field}": ${reason} (found ${JSON.stringify(shown)}). ${advice}`,
    );
    this.format = format;
    this.line = line;
    this.field = field;
    this.value = value;
    this.reason = reason;
  }
}
