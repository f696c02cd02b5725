import type { Bar } from '../../model/bar.js';
import { parseWith } from '../../errors/parse.js';
import { InstrumentIdSchema, type InstrumentId } from '../../model/instrument.js';
import { BarSeriesParser } from '../core/bar-series-parser.js';
import { FIELD_BAD_TIME } from '../core/field-scanner.js';
import { instrumentIdProblem, nseInstrumentOf } from '../core/instrument-check.js';
import { DAY_MS, IST_OFFSET_MS, MINUTE_MS } from '../core/ist.js';
import { sameText } from '../core/same-text.js';
import type { SessionFilter } from '../sessions/trading-window.js';
import type { ParseResult, RowPolicies, StreamingParser } from '../types.js';

const COMMA = 44;
const COLON = 58;
const COLUMNS = 9;

/** Options of {@link parseNseIndexMinutes}. */
export interface NseIndexMinutesOptions extends RowPolicies {
  /** Instrument of every row; by default taken from the symbol column (`NIFTY` is `NSE:NIFTY 50`). */
  readonly instrument?: InstrumentId;
  /** Rows kept; default `'regular'` (NSE trading windows, pre-open and post-close bars dropped and counted). */
  readonly session?: SessionFilter;
  /** How the file labels a minute: by its `'end'` (default, this source's convention) or its `'start'`. */
  readonly labels?: 'end' | 'start';
}

/**
 * Streaming parser of NSE index 1-minute files without header,
 * `symbol,YYYYMMDD,HH:MM,open,high,low,close,volume,oi` (the `nifty_index_1min` data). Bars are
 * labelled by the minute's end in this source; they are returned labelled by their open time.
 */
class NseIndexMinutesParser extends BarSeriesParser {
  private readonly fixedInstrument: InstrumentId | undefined;
  private readonly shiftMs: number;
  private symbol = '';
  private symbolKey = -1;
  /** Last date read as YYYYMMDD and the epoch ms its minutes count from. */
  private ymd = -1;
  private minuteBase = 0;

  constructor(options: NseIndexMinutesOptions) {
    super('nse-index-1m', options, options.session ?? 'regular');
    this.timeframe = '1m';
    this.barMs = MINUTE_MS;
    this.shiftMs = (options.labels ?? 'end') === 'end' ? MINUTE_MS : 0;
    this.labelShiftMs = this.shiftMs;
    this.oiColumn = true;
    this.columns = COLUMNS;
    this.fixedInstrument =
      options.instrument === undefined
        ? undefined
        : parseWith(InstrumentIdSchema, options.instrument, 'options.instrument');
  }

  protected readLine(text: string, start: number, end: number): void {
    const sc = this.scanner;
    sc.setLine(text, start, end);
    const comma = text.indexOf(',', start);
    if (comma < 0 || comma >= end) return this.badColumns(COLUMNS);
    if (!sameText(text, start, comma, this.symbol) || this.symbolKey < 0) {
      if (!this.resolveSymbol(text.slice(start, comma).trim())) return;
    }
    const key = this.symbolKey;

    // `YYYYMMDD,HH:MM,` read as digits in place; the day number is cached per date.
    const at = comma + 1;
    let ymd = 0;
    for (let p = at; p < at + 8; p++) {
      const d = text.charCodeAt(p) - 48;
      ymd = d >= 0 && d <= 9 ? ymd * 10 + d : -1e9;
    }
    if (ymd !== this.ymd) {
      const day =
        ymd < 0 || text.charCodeAt(at + 8) !== COMMA
          ? Number.NaN
          : this.clock.day((ymd / 10_000) | 0, ((ymd / 100) | 0) % 100, ymd % 100);
      if (day !== day) {
        sc.fail(FIELD_BAD_TIME, at);
        return this.badField('date', 'a date YYYYMMDD');
      }
      this.ymd = ymd;
      this.minuteBase = day * DAY_MS - IST_OFFSET_MS - this.shiftMs;
    }
    const h1 = text.charCodeAt(at + 9) - 48;
    const h2 = text.charCodeAt(at + 10) - 48;
    const m1 = text.charCodeAt(at + 12) - 48;
    const m2 = text.charCodeAt(at + 13) - 48;
    const hour = h1 * 10 + h2;
    const minute = m1 * 10 + m2;
    if (
      h1 < 0 ||
      h1 > 2 ||
      h2 < 0 ||
      h2 > 9 ||
      m1 < 0 ||
      m1 > 5 ||
      m2 < 0 ||
      m2 > 9 ||
      hour > 23 ||
      text.charCodeAt(at + 11) !== COLON ||
      text.charCodeAt(at + 14) !== COMMA ||
      at + 14 >= end
    ) {
      sc.fail(FIELD_BAD_TIME, at + 9);
      return this.badField('time', 'a time HH:MM');
    }
    const time = this.minuteBase + (hour * 60 + minute) * MINUTE_MS;
    sc.pos = at + 15;
    if (!sc.number()) return this.badField('open', 'a number');
    const open = sc.value;
    if (!sc.number()) return this.badField('high', 'a number');
    const high = sc.value;
    if (!sc.number()) return this.badField('low', 'a number');
    const low = sc.value;
    if (!sc.number()) return this.badField('close', 'a number');
    const close = sc.value;
    if (!sc.number()) return this.badField('volume', 'a number');
    const volume = sc.value;
    if (!sc.number()) return this.badField('oi', 'a number');
    const oi = sc.value;
    if (!sc.done) return this.badColumns(COLUMNS);
    if (!this.validBar(open, high, low, close, volume, oi)) return;
    if (!this.admit(time)) return;
    if (oi !== 0) this.nonZeroOi++;
    this.append(key, {
      kind: 'bar',
      instrument: this.instruments[key]!,
      timeframe: '1m',
      time,
      open,
      high,
      low,
      close,
      volume,
    });
  }

  private resolveSymbol(symbol: string): boolean {
    const id = this.fixedInstrument ?? nseInstrumentOf(symbol);
    const problem = instrumentIdProblem(id);
    if (problem !== undefined) {
      this.bad('symbol', `cannot name an instrument from "${symbol}": ${problem}`, symbol);
      return false;
    }
    this.symbol = symbol;
    this.symbolKey = this.keyOf(id as InstrumentId);
    return true;
  }

  protected override addFindings(): void {
    super.addFindings();
    if (this.shiftMs > 0) {
      this.report.find({
        code: 'end-labelled',
        message:
          "bars are labelled by the minute's end (regular bars 09:16..15:30); converted to open times by subtracting one minute",
      });
    }
  }
}

/**
 * Creates a streaming parser for NSE index 1-minute files (`symbol,YYYYMMDD,HH:MM,o,h,l,c,v,oi`,
 * no header, minutes labelled by their end). Feed it chunks with `push`, collect with `take`
 * and `end`.
 *
 * @example
 * ```ts
 * const parser = createNseIndexMinutesParser();
 * for (const chunk of chunks) parser.push(chunk);
 * const { rows, report } = parser.end();
 * ```
 */
export function createNseIndexMinutesParser(
  options: NseIndexMinutesOptions = {},
): StreamingParser<Bar> {
  return new NseIndexMinutesParser(options);
}

/**
 * Parses a whole NSE index 1-minute file (or several concatenated). Bars come back labelled
 * by their open time (the file labels a minute by its end), pre-open and post-close bars are
 * dropped and counted under the default `session: 'regular'`.
 *
 * @example
 * ```ts
 * const { rows, report } = parseNseIndexMinutes('NIFTY,20210101,09:16,13997.9,14020.85,13991.35,14013.15,0,0\n');
 * rows[0].time; // Date.UTC(2021, 0, 1, 3, 45): 09:15 IST, the bar's open
 * report.findings.some((f) => f.code === 'end-labelled'); // true
 * ```
 */
export function parseNseIndexMinutes(
  text: string,
  options: NseIndexMinutesOptions = {},
): ParseResult<Bar> {
  const parser = new NseIndexMinutesParser(options);
  parser.push(text);
  return parser.end();
}
