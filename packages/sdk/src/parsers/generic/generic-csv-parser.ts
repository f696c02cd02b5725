import { parseWith } from '../../errors/parse.js';
import type { Bar } from '../../model/bar.js';
import { ValidationError } from '../../errors/validation-error.js';
import type { Exchange } from '../../model/exchange.js';
import { InstrumentIdSchema, type InstrumentId } from '../../model/instrument.js';
import { timeframeMs, type Timeframe } from '../../model/timeframe.js';
import { BarSeriesParser } from '../core/bar-series-parser.js';
import { CsvParseError } from '../csv-parse-error.js';
import { instrumentIdProblem, nseInstrumentOf } from '../core/instrument-check.js';
import { DAY_MS, IST_OFFSET_MS } from '../core/ist.js';
import type { SessionFilter } from '../sessions/trading-window.js';
import type { FormatId, RowPolicies } from '../types.js';
import {
  CLOSE,
  DATE,
  HIGH,
  INSTRUMENT,
  LOW,
  OI,
  OPEN,
  SYMBOL,
  TIMESTAMP,
  TIME_OF_DAY,
  VOLUME,
  readCsvHeader,
  type CsvLayout,
} from './csv-header.js';
import { medianSpacing, timeframeOfSpacing } from './detect-timeframe.js';

/** Options of {@link parseGenericCsv}. */
export interface GenericCsvOptions extends RowPolicies {
  /**
   * Instrument of every row. Needed unless the file has an `instrument` column (full ids such
   * as `NSE:INFY`) or a `symbol` / `code` / `ticker` column (read on `exchange`).
   */
  readonly instrument?: InstrumentId;
  /** Exchange of a `symbol` column; default `NSE` (where `NIFTY50` names the index `NIFTY 50`). */
  readonly exchange?: Exchange;
  /** Bar timeframe; detected from the median spacing between rows when absent. */
  readonly timeframe?: Timeframe;
  /** Rows kept; default `'all'` (a generic file may come from any exchange and session). */
  readonly session?: SessionFilter;
  /** What a timestamp labels: the bar's `'start'` (default) or its `'end'` (needs `timeframe`). */
  readonly labels?: 'start' | 'end';
}

/** The generic OHLCV CSV reader; NSE formats with a compatible header reuse it with other defaults. */
export class GenericCsvParser extends BarSeriesParser {
  private layout: CsvLayout | undefined;
  private readonly fixedKey: number;
  private readonly exchange: Exchange;
  private readonly shiftMs: number;
  private lastName = '';
  private lastKey = -1;
  private dateOnlyRows = 0;
  private zonedRows = 0;
  private naiveRows = 0;
  private atOpen = 0;
  private atClose = 0;
  private detected = false;
  /** Scratch for the numeric columns of the current row (open .. oi). */
  private readonly values = new Float64Array(OI - OPEN + 1);

  constructor(format: FormatId, options: GenericCsvOptions, defaultSession: SessionFilter) {
    super(format, options, defaultSession);
    this.exchange = options.exchange ?? 'NSE';
    if (options.timeframe !== undefined) this.setTimeframe(options.timeframe);
    if (options.labels === 'end' && options.timeframe === undefined) {
      throw new ValidationError('options', [
        {
          field: 'timeframe',
          value: undefined,
          message: "labels: 'end' needs the timeframe to shift by; pass timeframe",
        },
      ]);
    }
    this.shiftMs = options.labels === 'end' ? timeframeMs(options.timeframe!) : 0;
    this.labelShiftMs = this.shiftMs;
    this.fixedKey =
      options.instrument === undefined
        ? -1
        : this.keyOf(parseWith(InstrumentIdSchema, options.instrument, 'options.instrument'));
  }

  private setTimeframe(timeframe: Timeframe): void {
    this.timeframe = timeframe;
    this.barMs = timeframe === '1d' ? 0 : timeframeMs(timeframe);
  }

  protected readLine(text: string, start: number, end: number): void {
    if (this.layout === undefined) return this.readHeader(text.slice(start, end));
    const layout = this.layout;
    const roles = layout.roles;
    const sc = this.scanner;
    const clock = this.clock;
    sc.setLine(text, start, end);
    // Every numeric column present is written on each row (or the row fails before use);
    // absent ones (volume, oi) stay 0, so the scratch needs no reset.
    const values = this.values;
    let key = this.fixedKey;
    let time = Number.NaN;
    let timeOfDay = 0;
    for (let c = 0; c < roles.length; c++) {
      const role = roles[c]!;
      if (role >= OPEN && role <= OI) {
        // One call site for every numeric column, so that it can be inlined.
        if (!sc.number()) return this.badField(layout.names[c]!, 'a number');
        values[role - OPEN] = sc.value;
      } else if (role === TIMESTAMP || role === DATE) {
        if (!clock.read(sc)) {
          return this.badField(layout.names[c]!, 'a timestamp such as 2024-01-31 09:15:00');
        }
        time = clock.time;
        if (clock.dateOnly) this.dateOnlyRows++;
        else if (clock.zoned) this.zonedRows++;
        else this.naiveRows++;
      } else if (role === TIME_OF_DAY) {
        if (!clock.readTimeOfDay(sc)) {
          return this.badField(layout.names[c]!, 'a time of day HH:MM[:SS]');
        }
        timeOfDay = clock.time;
      } else if (role === INSTRUMENT || role === SYMBOL) {
        const name = sc.string();
        if (sc.problem !== 0) return this.badField(layout.names[c]!, 'an instrument');
        if (this.fixedKey < 0) {
          if (name !== this.lastName || this.lastKey < 0) {
            const id = role === INSTRUMENT ? name : this.symbolToId(name);
            const problem = instrumentIdProblem(id);
            if (problem !== undefined) return this.bad(layout.names[c]!, problem, name);
            this.lastName = name;
            this.lastKey = this.keyOf(id as InstrumentId);
          }
          key = this.lastKey;
        }
      } else sc.skip();
    }
    const open = values[OPEN - OPEN]!;
    const high = values[HIGH - OPEN]!;
    const low = values[LOW - OPEN]!;
    const close = values[CLOSE - OPEN]!;
    const volume = values[VOLUME - OPEN]!;
    const oi = values[OI - OPEN]!;
    if (!sc.done) return this.badColumns(roles.length);
    if (key < 0) {
      throw new ValidationError('options', [
        {
          field: 'instrument',
          value: undefined,
          message:
            'the file has no instrument or symbol column: pass options.instrument, e.g. NSE:INFY',
        },
      ]);
    }
    if (!this.validBar(open, high, low, close, volume, oi)) return;
    time = Math.floor(time + timeOfDay) - this.shiftMs;
    if (!this.admit(time)) return;
    if (oi !== 0) this.nonZeroOi++;
    const instrument = this.instruments[key]!;
    const timeframe = this.timeframe as Timeframe;
    this.append(
      key,
      this.hasOi
        ? { kind: 'bar', instrument, timeframe, time, open, high, low, close, volume, oi }
        : { kind: 'bar', instrument, timeframe, time, open, high, low, close, volume },
    );
  }

  private symbolToId(symbol: string): string {
    return this.exchange === 'NSE' ? nseInstrumentOf(symbol) : `${this.exchange}:${symbol}`;
  }

  private readHeader(line: string): void {
    const layout = readCsvHeader(line);
    if (typeof layout === 'string') {
      throw new CsvParseError(
        this.format,
        this.lineNumber,
        layout,
        line,
        `the header has no ${layout} column`,
        'The first line must name the columns: time (or timestamp/date/datetime), open, high, low, close, and optionally volume, oi, instrument or symbol.',
      );
    }
    this.layout = layout;
    this.columns = layout.roles.length;
    this.hasOi = layout.hasOi;
    this.oiColumn = layout.hasOi;
    if (this.fixedKey < 0 && !layout.hasInstrument && !layout.hasSymbol) {
      throw new ValidationError('options', [
        {
          field: 'instrument',
          value: undefined,
          message:
            'the file has no instrument or symbol column: pass options.instrument, e.g. NSE:INFY',
        },
      ]);
    }
  }

  protected override prepare(order: Int32Array | null): void {
    if (this.timeframe !== undefined || this.count === 0) return;
    const median = medianSpacing(this.times, this.keys, order, this.count, this.instruments.length);
    const timeframe =
      median === median
        ? timeframeOfSpacing(median)
        : this.dateOnlyRows === this.count
          ? '1d'
          : undefined;
    if (timeframe === undefined) {
      throw new ValidationError('options', [
        {
          field: 'timeframe',
          value: median === median ? median : undefined,
          message:
            median === median
              ? `rows are ${median} ms apart (median), which is no supported timeframe: pass options.timeframe`
              : 'a single intraday row cannot tell its timeframe: pass options.timeframe',
        },
      ]);
    }
    this.detected = true;
    this.setTimeframe(timeframe);
    this.fillTimeframe(timeframe);
  }

  protected override inspect(bar: Bar): void {
    super.inspect(bar);
    if (this.barMs === 0) return;
    const msOfDay = (bar.time + IST_OFFSET_MS) % DAY_MS;
    if (msOfDay === 33_300_000)
      this.atOpen++; // 09:15
    else if (msOfDay === 55_800_000) this.atClose++; // 15:30
  }

  protected override addFindings(): void {
    super.addFindings();
    const r = this.report;
    if (this.layout !== undefined && !this.layout.hasVolume) {
      r.find({
        code: 'no-volume-column',
        message: 'the file has no volume column; volume is 0 on every bar',
      });
    }
    if (this.detected && this.timeframe !== undefined) {
      r.find({
        code: 'timeframe-detected',
        message: `timeframe ${this.timeframe} detected from the median spacing between rows`,
      });
    }
    if (this.dateOnlyRows > 0) {
      r.find({
        code: 'date-only',
        message: `${this.dateOnlyRows} row(s) carry a date only; read as IST midnight`,
        count: this.dateOnlyRows,
      });
    }
    if (this.zonedRows > 0) {
      r.find({
        code: 'utc-offsets',
        message: `${this.zonedRows} timestamp(s) carry an explicit UTC offset`,
        count: this.zonedRows,
      });
    }
    if (this.naiveRows > 0) {
      r.find({
        code: 'naive-ist',
        message: `${this.naiveRows} timestamp(s) without offset read as IST (UTC+05:30)`,
        count: this.naiveRows,
      });
    }
    if (this.shiftMs === 0 && this.atClose > 0 && this.atOpen === 0) {
      r.find({
        code: 'looks-end-labelled',
        message: `${this.atClose} bar(s) start at 15:30 and none at 09:15: the file looks labelled by bar end; parse with labels: 'end'`,
        count: this.atClose,
      });
    }
  }
}
