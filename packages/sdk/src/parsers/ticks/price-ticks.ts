import { parseWith } from '../../errors/parse.js';
import { InstrumentIdSchema, type InstrumentId } from '../../model/instrument.js';
import type { Tick } from '../../model/tick.js';
import { formatIst, istDayNumber } from '../core/ist.js';
import { SeriesParser } from '../core/series-parser.js';
import type { SessionFilter } from '../sessions/trading-window.js';
import type { ParseResult, RowPolicies, StreamingParser } from '../types.js';

/** Options of {@link parsePriceTicks}. */
export interface PriceTicksOptions extends RowPolicies {
  /** Instrument of every tick, e.g. `NSE:NIFTY 50` (the file does not say). */
  readonly instrument: InstrumentId;
  /** Ticks kept; default `'regular'` (NSE trading windows: pre-open and post-close dropped and counted). */
  readonly session?: SessionFilter;
  /** Spacing above which a pause between consecutive ticks is reported as a gap; default 5000 ms. */
  readonly gapMs?: number;
}

/** Ticks from `timestamp,price` lines without header (e.g. an index sampled every second). */
class PriceTicksParser extends SeriesParser<Tick> {
  private readonly key: number;
  private readonly instrument: InstrumentId;
  private readonly gapMs: number;
  private previous = Number.NaN;
  private readonly gaps: string[] = [];
  private gapCount = 0;

  constructor(options: PriceTicksOptions) {
    super('price-ticks', options, options.session ?? 'regular');
    this.rowNoun = 'ticks';
    this.columns = 2;
    this.instrument = parseWith(InstrumentIdSchema, options.instrument, 'options.instrument');
    this.key = this.keyOf(this.instrument);
    this.gapMs = options.gapMs ?? 5000;
  }

  protected readLine(text: string, start: number, end: number): void {
    const sc = this.scanner;
    sc.setLine(text, start, end);
    if (!this.clock.read(sc)) return this.badField('time', 'a timestamp YYYY-MM-DD HH:MM:SS');
    const time = this.clock.time;
    if (!sc.number()) return this.badField('price', 'a number');
    const price = sc.value;
    if (!sc.done) return this.badColumns(2);
    if (!(price > 0))
      return this.bad('price', `price must be positive, got ${price}`, String(price));
    if (!this.admit(time)) return;
    this.appendAt(time, this.key, {
      kind: 'tick',
      instrument: this.instrument,
      time: Math.floor(time),
      price,
    });
  }

  protected override inspect(tick: Tick): void {
    const gap = tick.time - this.previous;
    if (gap > this.gapMs && istDayNumber(tick.time) === istDayNumber(this.previous)) {
      this.gapCount++;
      if (this.gaps.length < 100)
        this.gaps.push(`${formatIst(this.previous)} -> ${formatIst(tick.time)} (${gap / 1000} s)`);
    }
    this.previous = tick.time;
  }

  protected override addFindings(): void {
    const r = this.report;
    r.find({
      code: 'times-backwards',
      message:
        r.outOfOrderCount === 0
          ? 'no tick time goes backwards'
          : `${r.outOfOrderCount} tick time(s) go backwards (see outOfOrder for lines)`,
      count: r.outOfOrderCount,
    });
    if (this.gapCount > 0) {
      r.find({
        code: 'gaps',
        message: `${this.gapCount} pause(s) longer than ${this.gapMs / 1000} s between ticks of one day`,
        count: this.gapCount,
        details: this.gaps,
      });
    }
  }
}

/**
 * Creates a streaming parser for `timestamp,price` tick files (see {@link parsePriceTicks}).
 *
 * @example
 * ```ts
 * const p = createPriceTicksParser({ instrument: 'NSE:NIFTY 50' });
 * p.push('2022-11-14 09:15:00,18349.7\r\n2022-11-14 09:15:01,18350.1\r\n');
 * const { rows } = p.end();
 * ```
 */
export function createPriceTicksParser(options: PriceTicksOptions): StreamingParser<Tick> {
  return new PriceTicksParser(options);
}

/**
 * Parses `YYYY-MM-DD HH:MM:SS,price` lines without header (naive IST; LF or CRLF) into ticks,
 * e.g. the NIFTY index sampled about once a second. Times that go backwards are reported (and
 * sorted under the default policy); pauses longer than `gapMs` are reported as findings.
 *
 * @example
 * ```ts
 * const { rows, report } = parsePriceTicks('2022-11-14 09:15:00,18349.7\n2022-11-14 09:15:01,18350.1\n', {
 *   instrument: 'NSE:NIFTY 50',
 * });
 * rows[1].price; // 18350.1
 * report.outOfOrderCount; // 0
 * ```
 */
export function parsePriceTicks(text: string, options: PriceTicksOptions): ParseResult<Tick> {
  const parser = new PriceTicksParser(options);
  parser.push(text);
  return parser.end();
}
