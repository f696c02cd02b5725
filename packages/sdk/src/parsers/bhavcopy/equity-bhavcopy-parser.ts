import type { InstrumentId } from '../../model/instrument.js';
import { isoFromDayMonthNameYear } from '../core/dates.js';
import { decimalText } from '../core/decimal-text.js';
import { instrumentIdProblem } from '../core/instrument-check.js';
import { daysFromCivil, istDayStartMs } from '../core/ist.js';
import { RecordParser } from '../core/record-parser.js';
import { CsvParseError } from '../csv-parse-error.js';
import type { ParseResult, RowPolicies, StreamingParser } from '../types.js';
import type { EquityBhavcopyRow } from './equity-bhavcopy-row.js';

/** Options of {@link parseNseEquityBhavcopy}. */
export type NseEquityBhavcopyOptions = RowPolicies;

const HEADER = [
  'SYMBOL',
  'SERIES',
  'DATE1',
  'PREV_CLOSE',
  'OPEN_PRICE',
  'HIGH_PRICE',
  'LOW_PRICE',
  'LAST_PRICE',
  'CLOSE_PRICE',
  'AVG_PRICE',
  'TTL_TRD_QNTY',
  'TURNOVER_LACS',
  'NO_OF_TRADES',
  'DELIV_QTY',
  'DELIV_PER',
] as const;

/** NSE's full equity bhavcopy with delivery data (`sec_bhavdata_full_ddmmyyyy.csv`). */
class NseEquityBhavcopyParser extends RecordParser<EquityBhavcopyRow> {
  private headerSeen = false;
  private date: string | undefined;
  private readonly values = new Float64Array(HEADER.length);
  private noDelivery = 0;
  private readonly closeOutside: string[] = [];
  private readonly series = new Map<string, number>();
  private readonly seriesOfSymbol = new Map<string, Set<string>>();

  constructor(options: NseEquityBhavcopyOptions) {
    super('nse-equity-bhavcopy', options);
    this.columns = HEADER.length;
  }

  protected readLine(text: string, start: number, end: number): void {
    if (!this.headerSeen) return this.readHeader(text.slice(start, end));
    const sc = this.scanner;
    sc.setLine(text, start, end);
    const symbol = sc.string();
    const series = sc.string();
    const dateText = sc.string();
    if (sc.done) return this.badColumns(HEADER.length);
    const date = isoFromDayMonthNameYear(dateText);
    if (date === undefined) return this.bad('DATE1', 'not a date dd-Mon-yyyy', dateText);
    const v = this.values;
    let delivery = true;
    for (let c = 3; c < HEADER.length; c++) {
      if (c >= 13) {
        // Delivery columns hold '-' for series without delivery data.
        const raw = sc.string();
        if (raw === '-') {
          delivery = false;
          continue;
        }
        const value = decimalText(raw);
        if (value === undefined) return this.badField(HEADER[c]!, 'a number or -');
        v[c] = value;
      } else {
        if (!sc.number()) return this.badField(HEADER[c]!, 'a number');
        v[c] = sc.value;
      }
      if (v[c]! < 0) return this.bad(HEADER[c]!, `${HEADER[c]} ${v[c]} is negative`, String(v[c]));
    }
    if (!sc.done) return this.badColumns(HEADER.length);
    if (v[5]! < v[6]!)
      return this.bad('HIGH_PRICE', `high ${v[5]} is below low ${v[6]}`, String(v[5]));
    const id = series === 'EQ' ? `NSE:${symbol}` : `NSE:${symbol}-${series}`;
    const problem = instrumentIdProblem(id);
    if (problem !== undefined)
      return this.bad('SYMBOL', `cannot name an instrument from "${symbol}": ${problem}`, symbol);
    if (this.date === undefined) {
      this.date = date;
      this.tradeTime = istDayStartMs(
        daysFromCivil(
          Number(date.slice(0, 4)),
          Number(date.slice(5, 7)),
          Number(date.slice(8, 10)),
        ),
      );
    }
    if (v[8]! < v[6]! || v[8]! > v[5]!)
      this.closeOutside.push(`${symbol} ${series} (close ${v[8]}, low ${v[6]}, high ${v[5]})`);
    if (!delivery) this.noDelivery++;
    this.series.set(series, (this.series.get(series) ?? 0) + 1);
    const seen = this.seriesOfSymbol.get(symbol);
    if (seen) seen.add(series);
    else this.seriesOfSymbol.set(symbol, new Set([series]));
    const row: { -readonly [K in keyof EquityBhavcopyRow]: EquityBhavcopyRow[K] } = {
      instrument: id as InstrumentId,
      symbol,
      series,
      date,
      prevClose: v[3]!,
      open: v[4]!,
      high: v[5]!,
      low: v[6]!,
      last: v[7]!,
      close: v[8]!,
      averagePrice: v[9]!,
      tradedQuantity: v[10]!,
      turnoverLakhs: v[11]!,
      trades: v[12]!,
    };
    if (delivery) {
      row.deliveryQuantity = v[13]!;
      row.deliveryPercent = v[14]!;
    }
    this.addRecord(`${symbol} ${series}`, row);
  }

  private readHeader(line: string): void {
    const names = line.split(',').map((n) => n.trim().toUpperCase());
    const wrong = HEADER.findIndex((name, i) => names[i] !== name);
    if (wrong >= 0 || names.length !== HEADER.length) {
      const field = HEADER[wrong] ?? '(row)';
      throw new CsvParseError(
        this.format,
        this.lineNumber,
        field,
        line.trim(),
        `expected the header ${HEADER.join(', ')}`,
        'This parser reads NSE sec_bhavdata_full files.',
      );
    }
    this.headerSeen = true;
  }

  protected override addFindings(): void {
    const r = this.report;
    r.find({
      code: 'leading-spaces',
      message: 'values carry a space after each comma; read trimmed',
    });
    r.find({
      code: 'series',
      message: `${this.series.size} series: ${[...this.series].map(([s, n]) => `${s} ${n}`).join(', ')}`,
      count: this.series.size,
    });
    if (this.noDelivery > 0) {
      r.find({
        code: 'no-delivery-data',
        message: `${this.noDelivery} row(s) have no delivery data ('-'); deliveryQuantity and deliveryPercent left out`,
        count: this.noDelivery,
      });
    }
    if (this.closeOutside.length > 0) {
      r.find({
        code: 'close-outside-range',
        message: `${this.closeOutside.length} row(s) have CLOSE_PRICE outside [LOW_PRICE, HIGH_PRICE] (NSE's close is not the last trade)`,
        count: this.closeOutside.length,
        details: this.closeOutside,
      });
    }
    const multi = [...this.seriesOfSymbol].filter(([, series]) => series.size > 1).map(([s]) => s);
    if (multi.length > 0) {
      r.find({
        code: 'symbols-in-several-series',
        message: `${multi.length} symbol(s) trade in more than one series: ${multi.join(', ')}`,
        count: multi.length,
      });
    }
  }
}

/**
 * Creates a streaming parser for NSE's full equity bhavcopy (see {@link parseNseEquityBhavcopy}).
 *
 * @example
 * ```ts
 * const p = createNseEquityBhavcopyParser();
 * p.push(text);
 * const { rows } = p.end();
 * ```
 */
export function createNseEquityBhavcopyParser(
  options: NseEquityBhavcopyOptions = {},
): StreamingParser<EquityBhavcopyRow> {
  return new NseEquityBhavcopyParser(options);
}

/**
 * Parses NSE's full equity bhavcopy with delivery data (`SYMBOL, SERIES, DATE1, PREV_CLOSE,
 * OPEN_PRICE, ...`, a space after each comma, `dd-Mon-yyyy` dates, `-` where a series has no
 * delivery data). A symbol may appear once per series; the key of a duplicate is symbol and series.
 *
 * @example
 * ```ts
 * const { rows, report } = parseNseEquityBhavcopy(
 *   'SYMBOL, SERIES, DATE1, PREV_CLOSE, OPEN_PRICE, HIGH_PRICE, LOW_PRICE, LAST_PRICE, CLOSE_PRICE, AVG_PRICE, TTL_TRD_QNTY, TURNOVER_LACS, NO_OF_TRADES, DELIV_QTY, DELIV_PER\n' +
 *     'INFY, EQ, 14-Nov-2025, 1500.00, 1501.00, 1510.00, 1495.00, 1505.00, 1504.50, 1503.20, 100, 1.50, 10, 60, 60.00\n',
 * );
 * rows[0].instrument; // 'NSE:INFY'
 * ```
 */
export function parseNseEquityBhavcopy(
  text: string,
  options: NseEquityBhavcopyOptions = {},
): ParseResult<EquityBhavcopyRow> {
  const parser = new NseEquityBhavcopyParser(options);
  parser.push(text);
  return parser.end();
}
