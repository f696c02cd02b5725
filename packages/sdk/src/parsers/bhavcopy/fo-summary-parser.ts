import { decimalText } from '../core/decimal-text.js';
import { RecordParser } from '../core/record-parser.js';
import { CsvParseError } from '../csv-parse-error.js';
import type { ParseResult, RowPolicies, StreamingParser } from '../types.js';

/** One row of NSE's symbol-wise F&O volume summary (`optidx<ddmmyyyy>.csv` and kin). */
export interface FoSummaryRow {
  /** Underlying, e.g. `NIFTY`. */
  readonly symbol: string;
  readonly contracts: number;
  /** Traded quantity in units. */
  readonly tradedQuantity: number;
  /** Total traded value in crore rupees. */
  readonly tradedValueCrore: number;
  /** Open interest in units at the end of trading hours. */
  readonly openInterest: number;
}

/** Options of {@link parseNseFoSummary}. */
export type NseFoSummaryOptions = Omit<RowPolicies, 'onDuplicate' | 'onOutOfOrder'>;

/** `<title>` line, header `Symbol,No of Contracts Traded,Traded Quantity,Total Traded Value ...,Open interest ...`. */
class NseFoSummaryParser extends RecordParser<FoSummaryRow> {
  private title: string | undefined;
  private headerSeen = false;
  private readonly perSymbol = new Map<string, number>();

  constructor(options: NseFoSummaryOptions) {
    // Rows of one symbol are distinct (one per expiry, unnamed), so none is a duplicate.
    super('nse-fo-index-summary', { ...options, onDuplicate: 'keep-first' });
    this.columns = 5;
  }

  protected readLine(text: string, start: number, end: number): void {
    const line = text.slice(start, end);
    if (!this.headerSeen) {
      if (/^symbol\s*,/i.test(line)) {
        this.headerSeen = true;
        return;
      }
      if (this.title === undefined && !line.includes(',')) {
        this.title = line.trim();
        return;
      }
      throw new CsvParseError(
        this.format,
        this.lineNumber,
        'Symbol',
        line.trim(),
        'expected a title line, then the header Symbol,No of Contracts Traded,...',
        'This parser reads NSE F&O symbol-wise summaries such as optidx14112025.csv.',
      );
    }
    if (line.trim().length === 0) return;
    const sc = this.scanner;
    sc.setLine(text, start, end);
    const fields: string[] = [];
    while (!sc.done) fields.push(sc.string());
    if (fields.length !== 5) return this.badColumns(5);
    const names = [
      'No of Contracts Traded',
      'Traded Quantity',
      'Total Traded Value',
      'Open interest',
    ];
    const values: number[] = [];
    for (let i = 1; i < 5; i++) {
      const value = decimalText(fields[i]!);
      if (value === undefined || value < 0)
        return this.bad(names[i - 1]!, 'not a non-negative number', fields[i]);
      values.push(value);
    }
    const symbol = fields[0]!;
    const n = (this.perSymbol.get(symbol) ?? 0) + 1;
    this.perSymbol.set(symbol, n);
    this.addRecord(`${symbol} #${n}`, {
      symbol,
      contracts: values[0]!,
      tradedQuantity: values[1]!,
      tradedValueCrore: values[2]!,
      openInterest: values[3]!,
    });
  }

  protected override addFindings(): void {
    const r = this.report;
    if (this.title !== undefined)
      r.find({ code: 'title-line', message: `line 1 is a title ("${this.title}"), not data` });
    const repeated = [...this.perSymbol].filter(([, n]) => n > 1);
    if (repeated.length > 0) {
      r.find({
        code: 'repeated-symbols',
        message: `${repeated.length} symbol(s) appear on several rows with no column telling the rows apart (presumably one per expiry): ${repeated.map(([s, n]) => `${s} x${n}`).join(', ')}`,
        count: repeated.length,
      });
    }
  }
}

/**
 * Creates a streaming parser for NSE F&O symbol-wise summaries (see {@link parseNseFoSummary}).
 *
 * @example
 * ```ts
 * const p = createNseFoSummaryParser();
 * p.push(text);
 * const { rows } = p.end();
 * ```
 */
export function createNseFoSummaryParser(
  options: NseFoSummaryOptions = {},
): StreamingParser<FoSummaryRow> {
  return new NseFoSummaryParser(options);
}

/**
 * Parses an NSE F&O symbol-wise volume summary such as `optidx14112025.csv`: a title line
 * (`Index Options`), a header, then one row per symbol and (unnamed) expiry.
 *
 * @example
 * ```ts
 * const { rows } = parseNseFoSummary('Index Options\nSymbol ,No of Contracts Traded,Traded Quantity,Total Traded Value (Rs. In Crs.),Open interest\nNIFTY ,10,750,1.5,000000000001500\n');
 * rows[0]; // { symbol: 'NIFTY', contracts: 10, tradedQuantity: 750, tradedValueCrore: 1.5, openInterest: 1500 }
 * ```
 */
export function parseNseFoSummary(
  text: string,
  options: NseFoSummaryOptions = {},
): ParseResult<FoSummaryRow> {
  const parser = new NseFoSummaryParser(options);
  parser.push(text);
  return parser.end();
}
