import type {
  DroppedRows,
  DuplicateRow,
  Finding,
  FormatId,
  OutOfOrderRow,
  ParseReport,
  SkippedRow,
} from '../types.js';

/** Collects what a parser saw; lists are capped, counts are not. */
export class ReportBuilder {
  readonly skipped: SkippedRow[] = [];
  skippedCount = 0;
  readonly outOfOrder: OutOfOrderRow[] = [];
  outOfOrderCount = 0;
  readonly duplicates: DuplicateRow[] = [];
  duplicateCount = 0;
  readonly findings: Finding[] = [];
  preOpen = 0;
  postClose = 0;
  betweenSessions = 0;
  noSession = 0;

  constructor(
    readonly format: FormatId,
    private readonly maxListed: number,
  ) {}

  skip(row: SkippedRow): void {
    this.skippedCount++;
    if (this.skipped.length < this.maxListed) this.skipped.push(row);
  }

  outOfOrderRow(row: OutOfOrderRow): void {
    this.outOfOrderCount++;
    if (this.outOfOrder.length < this.maxListed) this.outOfOrder.push(row);
  }

  duplicate(row: DuplicateRow): void {
    this.duplicateCount++;
    if (this.duplicates.length < this.maxListed) this.duplicates.push(row);
  }

  find(finding: Finding): void {
    this.findings.push(finding);
  }

  dropped(): DroppedRows {
    return {
      preOpen: this.preOpen,
      postClose: this.postClose,
      betweenSessions: this.betweenSessions,
      noSession: this.noSession,
    };
  }

  build(fields: {
    lines: number;
    rows: number;
    firstTime: number | undefined;
    lastTime: number | undefined;
    sessions: number;
    sorted: boolean;
  }): ParseReport {
    return {
      format: this.format,
      lines: fields.lines,
      rows: fields.rows,
      firstTime: fields.firstTime,
      lastTime: fields.lastTime,
      sessions: fields.sessions,
      skipped: this.skipped,
      skippedCount: this.skippedCount,
      outOfOrder: this.outOfOrder,
      outOfOrderCount: this.outOfOrderCount,
      sorted: fields.sorted,
      duplicates: this.duplicates,
      duplicateCount: this.duplicateCount,
      dropped: this.dropped(),
      findings: this.findings,
    };
  }
}
