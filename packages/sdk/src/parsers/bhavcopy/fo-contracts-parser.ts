import type { InstrumentId } from '../../model/instrument.js';
import { isoDate, isoFromDayMonthYear } from '../core/dates.js';
import { decimalText } from '../core/decimal-text.js';
import { instrumentIdProblem } from '../core/instrument-check.js';
import { daysFromCivil, istDayStartMs } from '../core/ist.js';
import { RecordParser } from '../core/record-parser.js';
import { CsvParseError } from '../csv-parse-error.js';
import type { ParseResult, RowPolicies, StreamingParser } from '../types.js';
import type { FoContract, FoSegment } from './fo-contract.js';
import { kiteFoSymbol } from './kite-symbol.js';

/** Options of {@link parseNseFoContracts}. */
export interface NseFoContractsOptions extends RowPolicies {
  /** Trade date `YYYY-MM-DD` to stamp on every record (it is only in the file name, e.g. `op14112025.csv`). */
  readonly tradeDate?: string;
}

type Column =
  | 'INSTRUMENT'
  | 'SYMBOL'
  | 'EXP_DATE'
  | 'STR_PRICE'
  | 'OPT_TYPE'
  | 'OPEN_PRICE'
  | 'HI_PRICE'
  | 'LO_PRICE'
  | 'CLOSE_PRICE'
  | 'OPEN_INT'
  | 'TRD_QTY'
  | 'NO_OF_CONT'
  | 'NO_OF_TRADE'
  | 'NOTION_VAL'
  | 'PR_VAL'
  | 'TRD_VAL';

const COLUMNS: readonly Column[] = [
  'INSTRUMENT',
  'SYMBOL',
  'EXP_DATE',
  'STR_PRICE',
  'OPT_TYPE',
  'OPEN_PRICE',
  'HI_PRICE',
  'LO_PRICE',
  'CLOSE_PRICE',
  'OPEN_INT',
  'TRD_QTY',
  'NO_OF_CONT',
  'NO_OF_TRADE',
  'NOTION_VAL',
  'PR_VAL',
  'TRD_VAL',
];
const REQUIRED: readonly Column[] = [
  'INSTRUMENT',
  'SYMBOL',
  'EXP_DATE',
  'OPEN_PRICE',
  'HI_PRICE',
  'LO_PRICE',
  'CLOSE_PRICE',
  'OPEN_INT',
];
const SEGMENTS: ReadonlySet<string> = new Set(['FUTIDX', 'FUTSTK', 'OPTIDX', 'OPTSTK']);

/** A contract before its instrument can be named (that needs every expiry of its underlying). */
type PendingContract = Omit<FoContract, 'instrument' | 'monthly'>;

/** NSE F&O contract-wise bhavcopy: the option chain (`op*.csv`) and futures (`fo*.csv`). */
class NseFoContractsParser extends RecordParser<FoContract> {
  private index: Partial<Record<Column, number>> | undefined;
  private names: string[] = [];
  private readonly tradeDate: string | undefined;
  private readonly footnotes: string[] = [];

  constructor(options: NseFoContractsOptions) {
    super('nse-fo-contracts', options);
    this.rowNoun = 'contracts';
    if (options.tradeDate !== undefined) {
      const date = isoDate(options.tradeDate);
      if (date === undefined)
        throw new CsvParseError(
          this.format,
          0,
          'tradeDate',
          options.tradeDate,
          'not a YYYY-MM-DD date',
          'Pass the trade date as YYYY-MM-DD.',
        );
      this.tradeDate = date;
      this.tradeTime = istDayStartMs(
        daysFromCivil(
          Number(date.slice(0, 4)),
          Number(date.slice(5, 7)),
          Number(date.slice(8, 10)),
        ),
      );
    }
  }

  protected override canTake(): boolean {
    return false;
  }

  protected readLine(text: string, start: number, end: number): void {
    const line = text.slice(start, end);
    if (this.index === undefined) return this.readHeader(line);
    const trimmed = line.trim();
    if (trimmed.length === 0) return;
    if (trimmed.startsWith('*')) {
      this.footnotes.push(`line ${this.lineNumber}: ${trimmed}`);
      return;
    }
    const sc = this.scanner;
    sc.setLine(text, start, end);
    const values: string[] = [];
    while (!sc.done) values.push(sc.string());
    if (values.length !== this.names.length) return this.badColumns(this.names.length);
    const at = this.index;
    const get = (column: Column): string | undefined =>
      at[column] === undefined ? undefined : values[at[column]];
    const segment = get('INSTRUMENT')!;
    if (!SEGMENTS.has(segment))
      return this.bad(
        'INSTRUMENT',
        `unknown instrument type "${segment}": expected FUTIDX, FUTSTK, OPTIDX or OPTSTK`,
        segment,
      );
    const symbol = get('SYMBOL')!;
    const expiryText = get('EXP_DATE')!;
    const expiry = isoFromDayMonthYear(expiryText);
    if (expiry === undefined) return this.bad('EXP_DATE', 'not a date dd/mm/yyyy', expiryText);
    const numbers: Partial<Record<Column, number>> = {};
    for (const column of [
      'STR_PRICE',
      'OPEN_PRICE',
      'HI_PRICE',
      'LO_PRICE',
      'CLOSE_PRICE',
      'OPEN_INT',
      'TRD_QTY',
      'NO_OF_CONT',
      'NO_OF_TRADE',
      'NOTION_VAL',
      'PR_VAL',
      'TRD_VAL',
    ] as const) {
      const raw = get(column);
      if (raw === undefined) continue;
      const value = decimalText(raw);
      if (value === undefined) return this.bad(column, `not a number`, raw);
      if (value < 0) return this.bad(column, `${column} ${value} is negative`, raw);
      numbers[column] = value;
    }
    const isOption = segment.startsWith('OPT');
    let strike: number | undefined;
    let optionType: 'CE' | 'PE' | undefined;
    if (isOption) {
      const type = get('OPT_TYPE');
      if (type !== 'CE' && type !== 'PE')
        return this.bad('OPT_TYPE', 'an option needs OPT_TYPE CE or PE', type ?? '');
      optionType = type;
      strike = numbers.STR_PRICE;
      if (strike === undefined || !(strike > 0))
        return this.bad('STR_PRICE', 'an option needs a positive strike', get('STR_PRICE') ?? '');
    }
    const high = numbers.HI_PRICE!;
    const low = numbers.LO_PRICE!;
    if (high < low) return this.bad('HI_PRICE', `high ${high} is below low ${low}`, String(high));
    const tradedQuantity = numbers.TRD_QTY ?? 0;
    const contracts = numbers.NO_OF_CONT ?? 0;
    const lotSize = contracts > 0 ? tradedQuantity / contracts : undefined;
    const row: { -readonly [K in keyof PendingContract]: PendingContract[K] } = {
      segment: segment as FoSegment,
      type: optionType ?? 'FUT',
      symbol,
      expiry,
      open: numbers.OPEN_PRICE!,
      high,
      low,
      close: numbers.CLOSE_PRICE!,
      openInterest: numbers.OPEN_INT!,
      tradedQuantity,
      contracts,
      trades: numbers.NO_OF_TRADE ?? 0,
      tradedValue: (isOption ? numbers.NOTION_VAL : numbers.TRD_VAL) ?? 0,
    };
    if (strike !== undefined) row.strike = strike;
    if (optionType !== undefined) row.optionType = optionType;
    if (lotSize !== undefined && Number.isInteger(lotSize)) row.lotSize = lotSize;
    if (isOption && numbers.PR_VAL !== undefined) row.premiumValue = numbers.PR_VAL;
    if (this.tradeDate !== undefined) row.tradeDate = this.tradeDate;
    const key = `${segment} ${symbol} ${expiry}${isOption ? ` ${strike} ${optionType}` : ''}`;
    this.addRecord(key, row as FoContract);
  }

  private readHeader(line: string): void {
    this.names = line.split(',').map((n) => n.trim().replace(/\*$/, '').toUpperCase());
    const index: Partial<Record<Column, number>> = {};
    for (const column of COLUMNS) {
      const i = this.names.indexOf(column);
      if (i >= 0) index[column] = i;
    }
    const missing = REQUIRED.find((c) => index[c] === undefined);
    if (missing !== undefined) {
      throw new CsvParseError(
        this.format,
        this.lineNumber,
        missing,
        line.trim(),
        `the header has no ${missing} column`,
        'Expected an NSE F&O bhavcopy header: INSTRUMENT,SYMBOL,EXP_DATE,[STR_PRICE,OPT_TYPE,]OPEN_PRICE,HI_PRICE,LO_PRICE,CLOSE_PRICE,OPEN_INT*,...',
      );
    }
    this.index = index;
    this.columns = this.names.length;
  }

  /** Names instruments once every expiry of each underlying is known (monthly = last of its month). */
  protected override finish(rows: FoContract[]): FoContract[] {
    const pending = rows as unknown as PendingContract[];
    const lastOfMonth = new Map<string, string>();
    for (const c of pending) {
      const month = `${c.symbol} ${c.expiry.slice(0, 7)}`;
      const seen = lastOfMonth.get(month);
      if (seen === undefined || c.expiry > seen) lastOfMonth.set(month, c.expiry);
    }
    const named: FoContract[] = [];
    for (const c of pending) {
      const monthly = lastOfMonth.get(`${c.symbol} ${c.expiry.slice(0, 7)}`) === c.expiry;
      const id = `NFO:${kiteFoSymbol(c.symbol, c.expiry, monthly, c.strike, c.optionType)}`;
      const problem = instrumentIdProblem(id);
      if (problem !== undefined) {
        throw new CsvParseError(
          this.format,
          0,
          'SYMBOL',
          c.symbol,
          `cannot name an instrument: ${problem}`,
          'Check the SYMBOL column.',
        );
      }
      named.push({ instrument: id as InstrumentId, monthly, ...c });
    }
    return named;
  }

  protected override addFindings(rows: readonly FoContract[]): void {
    const r = this.report;
    for (const footnote of this.footnotes) {
      r.find({
        code: 'footnote-skipped',
        message: `footnote line skipped (${footnote.slice(0, 90).trimEnd()})`,
      });
    }
    const underlyings = new Set(rows.map((c) => c.symbol));
    const bySegment = new Map<string, number>();
    for (const c of rows) bySegment.set(c.segment, (bySegment.get(c.segment) ?? 0) + 1);
    r.find({
      code: 'underlyings',
      message: `${underlyings.size} underlyings; ${[...bySegment].map(([s, n]) => `${s} ${n}`).join(', ')}`,
      count: underlyings.size,
      details: [...bySegment].map(([s, n]) => `${s}: ${n}`),
    });
    const weekly = new Set(rows.filter((c) => !c.monthly).map((c) => c.symbol));
    if (weekly.size > 0) {
      r.find({
        code: 'weekly-expiries',
        message: `weekly expiries (not the last of their month) for ${[...weekly].join(', ')}; named YY<M><DD> as Kite does`,
        count: weekly.size,
      });
    }
    r.find({
      code: 'fixed-width',
      message: 'fields are space- and zero-padded to fixed widths; read trimmed',
    });
    if (this.tradeDate === undefined) {
      r.find({
        code: 'trade-date-missing',
        message:
          'the file has no trade date column; pass tradeDate (it is in the file name, e.g. op14112025.csv is 2025-11-14)',
      });
    }
  }
}

/**
 * Creates a streaming parser for NSE F&O bhavcopies (see {@link parseNseFoContracts}).
 *
 * @example
 * ```ts
 * const p = createNseFoContractsParser({ tradeDate: '2025-11-14' });
 * p.push(text);
 * const { rows } = p.end();
 * ```
 */
export function createNseFoContractsParser(
  options: NseFoContractsOptions = {},
): StreamingParser<FoContract> {
  return new NseFoContractsParser(options);
}

/**
 * Parses an NSE F&O contract-wise bhavcopy: the option chain (`op<ddmmyyyy>.csv`,
 * `INSTRUMENT,SYMBOL,EXP_DATE,STR_PRICE,OPT_TYPE,OPEN_PRICE,...`) or the futures
 * (`fo<ddmmyyyy>.csv`). Fixed-width padding is trimmed, `dd/mm/yyyy` expiries become
 * `YYYY-MM-DD`, the trailing `* - OPEN_INT ...` footnote is skipped and reported. Each record
 * names its instrument as Kite does.
 *
 * @example
 * ```ts
 * const { rows, report } = parseNseFoContracts(text, { tradeDate: '2025-11-14' });
 * rows[0].instrument; // 'NFO:BANKNIFTY25NOV46500PE'
 * ```
 */
export function parseNseFoContracts(
  text: string,
  options: NseFoContractsOptions = {},
): ParseResult<FoContract> {
  const parser = new NseFoContractsParser(options);
  parser.push(text);
  return parser.end();
}
