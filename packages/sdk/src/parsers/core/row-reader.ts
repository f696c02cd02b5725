import { CsvParseError } from '../csv-parse-error.js';
import type { BadRowPolicy, DuplicatePolicy, FormatId, RowPolicies } from '../types.js';
import { describeProblem, FIELD_MISSING, FieldScanner } from './field-scanner.js';
import { LineReader } from './line-reader.js';
import { ReportBuilder } from './report-builder.js';
import { TimestampReader } from './timestamp-reader.js';

const BAD_ROW_ADVICE =
  "Fix the row, or parse with { onBadRow: 'skip' } to skip and count such rows.";

/** A line reader with the row policies, the field scanner and the report every parser shares. */
export abstract class RowReader extends LineReader {
  protected readonly report: ReportBuilder;
  protected readonly scanner = new FieldScanner();
  protected readonly clock = new TimestampReader();
  protected readonly onBadRow: BadRowPolicy;
  protected readonly onDuplicate: DuplicatePolicy;
  /** What a row is called in messages. */
  protected rowNoun = 'rows';
  /** Columns a row must have (for the column-count message); 0 when unknown. */
  protected columns = 0;

  protected constructor(
    protected readonly format: FormatId,
    policies: RowPolicies,
  ) {
    super();
    this.onBadRow = policies.onBadRow ?? 'fail';
    this.onDuplicate = policies.onDuplicate ?? 'fail';
    this.report = new ReportBuilder(format, policies.maxListed ?? 1000);
  }

  /** Rejects the current row: throws under 'fail', records it under 'skip'. */
  protected bad(field: string, reason: string, value: string = this.scanner.lastField()): void {
    if (this.onBadRow === 'fail') {
      throw new CsvParseError(this.format, this.lineNumber, field, value, reason, BAD_ROW_ADVICE);
    }
    this.report.skip({ line: this.lineNumber, field, value, reason });
  }

  /** Rejects the current row for the scanner's last field problem. */
  protected badField(field: string, expected: string): void {
    if (this.scanner.problem === FIELD_MISSING && this.columns > 0)
      return this.badColumns(this.columns);
    this.bad(field, describeProblem(this.scanner.problem, expected));
  }

  /** Rejects the current row for its column count. */
  protected badColumns(expected: number): void {
    this.bad(
      '(row)',
      `expected ${expected} columns, found ${this.scanner.columnCount()}`,
      this.scanner.lineText(),
    );
  }

  /** A finding listing the skipped rows, when there are any. */
  protected skippedFinding(): void {
    const r = this.report;
    if (r.skippedCount === 0) return;
    r.find({
      code: 'bad-rows-skipped',
      message: `${r.skippedCount} bad ${this.rowNoun} skipped`,
      count: r.skippedCount,
      details: r.skipped.slice(0, 20).map((s) => `line ${s.line} ${s.field}: ${s.reason}`),
    });
  }
}
