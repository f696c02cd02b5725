/** Identifiers of the file formats the parsers read; {@link detectFormat} returns one of them. */
export type FormatId =
  | 'generic-ohlcv'
  | 'nse-index-1m'
  | 'nse-stock-1m'
  | 'nse-fo-contracts'
  | 'nse-fo-index-summary'
  | 'nse-equity-bhavcopy'
  | 'depth-ticks'
  | 'price-ticks';

/** What to do with a row that cannot be read (wrong column count, bad number, high < low...). */
export type BadRowPolicy = 'fail' | 'skip';
/** What to do with a second row for the same instrument and time (or the same contract). */
export type DuplicatePolicy = 'fail' | 'keep-first' | 'keep-last';
/** What to do with a row earlier than a row above it. */
export type OutOfOrderPolicy = 'fail' | 'sort';

/** Policies every parser accepts. */
export interface RowPolicies {
  /** Default `'fail'`: throw a {@link CsvParseError} naming line, field and value. */
  readonly onBadRow?: BadRowPolicy;
  /** Default `'fail'`. Duplicates are reported under every policy. */
  readonly onDuplicate?: DuplicatePolicy;
  /** Default `'sort'` (stable: equal times keep file order). Out-of-order rows are always reported. */
  readonly onOutOfOrder?: OutOfOrderPolicy;
  /** How many skipped / out-of-order / duplicate rows the report lists one by one (all are counted). Default 1000. */
  readonly maxListed?: number;
}

/** A row that was skipped under `onBadRow: 'skip'`. */
export interface SkippedRow {
  /** 1-based line number in the input. */
  readonly line: number;
  /** Column name, or `(row)` when the row as a whole is wrong (e.g. column count). */
  readonly field: string;
  /** The offending text as found (trimmed). */
  readonly value: string;
  readonly reason: string;
}

/** A row whose time is earlier than a row above it. */
export interface OutOfOrderRow {
  readonly line: number;
  /** The row's time, epoch ms. */
  readonly time: number;
  /** Line of the latest row above it. */
  readonly afterLine: number;
  /** Time of that row, epoch ms. */
  readonly afterTime: number;
}

/** A row with the same instrument and time (or contract) as another row. */
export interface DuplicateRow {
  readonly line: number;
  /** Line of the other row with the same key. */
  readonly duplicateOf: number;
  /** Epoch ms (undefined for end-of-day records keyed by contract). */
  readonly time: number | undefined;
  /** Instrument id or record key. */
  readonly key: string;
  /** Which line survived under the policy. */
  readonly keptLine: number;
}

/** Rows dropped because they fall outside the trading session, counted by reason. */
export interface DroppedRows {
  /** Before the day's first session (e.g. NSE's 09:00-09:15 pre-open call auction). */
  readonly preOpen: number;
  /** After the day's last session (e.g. 15:30 onwards). */
  readonly postClose: number;
  /** Between two sessions of one day (e.g. between a halt and a resumption). */
  readonly betweenSessions: number;
  /** On a day for which the session calendar has no session at all. */
  readonly noSession: number;
}

/** An observation about the data worth knowing: a quirk detected, a conversion applied. */
export interface Finding {
  /** Stable, machine-readable, e.g. `end-labelled`, `pre-open-bars`, `short-sessions`. */
  readonly code: string;
  readonly message: string;
  /** How many rows, sessions or symbols it concerns, when countable. */
  readonly count?: number;
  /** Examples or the full list (dates, lines), when short enough to be useful. */
  readonly details?: readonly string[];
}

/** What a parser saw, did and found. Every parser returns one with its rows. */
export interface ParseReport {
  readonly format: FormatId;
  /** Physical lines consumed, including header, blank and footnote lines. */
  readonly lines: number;
  /** Rows returned (for a streaming parser: taken plus returned at the end). */
  readonly rows: number;
  /** Epoch ms of the first and last row returned (rows are time-sorted); undefined without times. */
  readonly firstTime: number | undefined;
  readonly lastTime: number | undefined;
  /** Distinct IST dates among the rows returned. */
  readonly sessions: number;
  /** Rows skipped under `onBadRow: 'skip'` (at most `maxListed`; all are counted). */
  readonly skipped: readonly SkippedRow[];
  readonly skippedCount: number;
  /** Rows earlier than a row above them (at most `maxListed`). */
  readonly outOfOrder: readonly OutOfOrderRow[];
  readonly outOfOrderCount: number;
  /** True when the rows were re-sorted by time. */
  readonly sorted: boolean;
  /** Duplicate rows found (at most `maxListed`), and how many rows the policy removed. */
  readonly duplicates: readonly DuplicateRow[];
  readonly duplicateCount: number;
  /** Rows outside the session, when the parser filters by session. */
  readonly dropped: DroppedRows;
  readonly findings: readonly Finding[];
}

/** Rows plus the report on how they were read. */
export interface ParseResult<Row> {
  readonly rows: Row[];
  readonly report: ParseReport;
}

/**
 * A parser fed in chunks (a line may straddle two chunks). `take()` hands out rows that can no
 * longer change; `end()` returns the rest with the report.
 */
export interface StreamingParser<Row> {
  /** Reads the complete lines of `chunk`; an unfinished last line waits for the next chunk. */
  push(chunk: string): void;
  /**
   * Rows that are final so far, removed from the parser. Rows can only be final before the end
   * when nothing may reorder them: `onOutOfOrder: 'fail'` and, for bars, a known timeframe.
   * Otherwise this returns an empty array and everything comes from `end()`.
   */
  take(): Row[];
  /** Ends the input: reads a last line without newline, applies the policies, reports. */
  end(): ParseResult<Row>;
}
