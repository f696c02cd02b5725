import { CsvParseError } from '../csv-parse-error.js';
import type { FormatId, ParseResult, RowPolicies, StreamingParser } from '../types.js';
import { RowReader } from './row-reader.js';

const DUPLICATE_ADVICE =
  "Remove one of the rows, or parse with { onDuplicate: 'keep-first' } or { onDuplicate: 'keep-last' }.";

/**
 * The machinery of end-of-day record parsers (bhavcopies): rows keyed by contract or symbol
 * rather than by time, duplicates resolved by key, a report without times unless the file
 * has a date.
 */
export abstract class RecordParser<Row> extends RowReader implements StreamingParser<Row> {
  protected rows: Row[] = [];
  /** Line of every row kept so far, by row number (taken rows included). */
  private readonly rowLines: number[] = [];
  /** Row number of each key seen, so duplicates are found across `take()` calls too. */
  private readonly byKey = new Map<string, number>();
  private taken = 0;
  /** Epoch ms of the file's trade date, when known. */
  protected tradeTime: number | undefined;

  protected constructor(format: FormatId, policies: RowPolicies) {
    super(format, policies);
  }

  /** Rows may be final before the end unless a later duplicate could replace them. */
  protected canTake(): boolean {
    return this.onDuplicate !== 'keep-last';
  }

  /** Turns the stored rows into the rows returned (e.g. names instruments once all are seen). */
  protected finish(rows: Row[]): Row[] {
    return rows;
  }

  /**
   * Adds the format's own findings to the report. `rows` are those returned by `end()`: when
   * the format lets `take()` hand rows out earlier, findings must be gathered while reading.
   */
  protected addFindings(_rows: readonly Row[]): void {}

  /** Stores a row under `key`, applying the duplicate policy. */
  protected addRecord(key: string, row: Row): void {
    const line = this.lineNumber;
    const at = this.byKey.get(key);
    if (at === undefined) {
      this.byKey.set(key, this.rowLines.length);
      this.rows.push(row);
      this.rowLines.push(line);
      return;
    }
    const duplicateOf = this.rowLines[at]!;
    if (this.onDuplicate === 'fail') {
      throw new CsvParseError(
        this.format,
        line,
        '(row)',
        key,
        `duplicate of line ${duplicateOf} (same ${key})`,
        DUPLICATE_ADVICE,
      );
    }
    const keepLast = this.onDuplicate === 'keep-last';
    this.report.duplicate({
      line,
      duplicateOf,
      time: undefined,
      key,
      keptLine: keepLast ? line : duplicateOf,
    });
    if (keepLast) {
      // keep-last never lets take() hand rows out, so the row is still here.
      this.rows[at - this.taken] = row;
      this.rowLines[at] = line;
    }
  }

  take(): Row[] {
    if (!this.canTake() || this.rows.length === 0) return [];
    const rows = this.finish(this.rows);
    this.taken += rows.length;
    this.rows = [];
    return rows;
  }

  end(): ParseResult<Row> {
    this.flushLines();
    const rows = this.finish(this.rows);
    this.rows = [];
    const count = this.taken + rows.length;
    const r = this.report;
    if (r.duplicateCount > 0) {
      r.find({
        code: 'duplicates-removed',
        message: `${r.duplicateCount} duplicate ${this.rowNoun} removed, keeping the ${this.onDuplicate === 'keep-last' ? 'last' : 'first'}`,
        count: r.duplicateCount,
      });
    }
    this.skippedFinding();
    this.addFindings(rows);
    const time = count > 0 ? this.tradeTime : undefined;
    return {
      rows,
      report: r.build({
        lines: this.lineNumber,
        rows: count,
        firstTime: time,
        lastTime: time,
        sessions: time === undefined ? 0 : 1,
        sorted: false,
      }),
    };
  }
}
