import type { Exchange } from '../../model/exchange.js';
import type { InstrumentId } from '../../model/instrument.js';
import type { DepthLevel, Tick } from '../../model/tick.js';
import { instrumentIdProblem } from '../core/instrument-check.js';
import { SeriesParser } from '../core/series-parser.js';
import { CsvParseError } from '../csv-parse-error.js';
import type { SessionFilter } from '../sessions/trading-window.js';
import type { ParseResult, RowPolicies, StreamingParser } from '../types.js';
import {
  DEPTH,
  LEVELS,
  OI,
  PRICE,
  QUANTITY,
  SYMBOL,
  TIME,
  VOLUME,
  readDepthHeader,
} from './depth-header.js';

/**
 * How to read the depth columns: `'validated'` (default) keeps depth only where it is
 * consistent (bids falling, asks rising, best ask above best bid); `'bid2-as-ask1'` reads
 * `bid_price_2`/`bid_qty_2` as the best ask (a column mix-up seen in real files); `'none'`
 * leaves depth out.
 */
export type DepthReading = 'validated' | 'bid2-as-ask1' | 'none';

/** Options of {@link parseDepthTicks}. */
export interface DepthTicksOptions extends RowPolicies {
  /** Exchange of the symbols; default `NFO` (the futures tick files). */
  readonly exchange?: Exchange;
  /** Names the instrument of a symbol; default `${exchange}:${symbol}`. */
  readonly instrumentOf?: (symbol: string) => string;
  /** Default `'validated'`. */
  readonly depth?: DepthReading;
  /** Ticks kept; default `'regular'` (NSE trading windows). */
  readonly session?: SessionFilter;
}

/** Ticks with last price, volume, OI and up to five levels of depth, one file for many symbols. */
class DepthTicksParser extends SeriesParser<Tick> {
  private roles: Int16Array | undefined;
  private names: string[] = [];
  private readonly exchange: Exchange;
  private readonly instrumentOf: ((symbol: string) => string) | undefined;
  private readonly depth: DepthReading;
  private lastSymbol = '';
  private lastId: InstrumentId = 'NFO:UNKNOWN';
  private readonly symbols = new Map<string, string>();
  private readonly prices = new Float64Array(20);
  private rowsRead = 0;
  private asksZero = 0;
  private bidsInverted = 0;
  private depthOmitted = 0;

  constructor(options: DepthTicksOptions) {
    super('depth-ticks', options, options.session ?? 'regular');
    this.rowNoun = 'ticks';
    this.exchange = options.exchange ?? 'NFO';
    this.instrumentOf = options.instrumentOf;
    this.depth = options.depth ?? 'validated';
  }

  protected readLine(text: string, start: number, end: number): void {
    if (this.roles === undefined) return this.readHeader(text.slice(start, end));
    const roles = this.roles;
    const sc = this.scanner;
    const levels = this.prices;
    sc.setLine(text, start, end);
    levels.fill(0);
    let time = Number.NaN;
    let price = 0;
    let volume = Number.NaN;
    let quantity = Number.NaN;
    let oi = Number.NaN;
    for (let c = 0; c < roles.length; c++) {
      const role = roles[c]!;
      if (role === SYMBOL) {
        const symbol = sc.string();
        if (symbol.length === 0) return this.badField(this.names[c]!, 'a symbol');
        if (symbol !== this.lastSymbol) {
          const id = this.instrumentOf ? this.instrumentOf(symbol) : `${this.exchange}:${symbol}`;
          const problem = instrumentIdProblem(id);
          if (problem !== undefined) {
            return this.bad(
              this.names[c]!,
              `cannot name an instrument from "${symbol}": ${problem}`,
              symbol,
            );
          }
          this.lastSymbol = symbol;
          this.lastId = id as InstrumentId;
        }
      } else if (role === TIME) {
        if (!this.clock.read(sc)) return this.badField(this.names[c]!, 'a timestamp');
        time = this.clock.time;
      } else if (role === 0) sc.skip();
      else {
        if (!sc.number()) return this.badField(this.names[c]!, 'a number');
        const v = sc.value;
        if (role === PRICE) price = v;
        else if (role === VOLUME) volume = v;
        else if (role === QUANTITY) quantity = v;
        else if (role === OI) oi = v;
        else levels[role - DEPTH] = v;
        if (v < 0) return this.bad(this.names[c]!, `${this.names[c]} ${v} is negative`, String(v));
      }
    }
    if (!sc.done) return this.badColumns(roles.length);
    if (!(price > 0))
      return this.bad('last_price', `price must be positive, got ${price}`, String(price));
    this.rowsRead++;
    // Instruments are registered only for rows that are read, not for a malformed one.
    const key = this.keyOf(this.lastId);
    this.symbols.set(this.lastSymbol, this.lastId);
    if (!this.admit(time)) return;
    this.appendAt(time, key, this.tick(key, Math.floor(time), price, volume, quantity, oi));
  }

  private tick(
    key: number,
    time: number,
    price: number,
    volume: number,
    quantity: number,
    oi: number,
  ): Tick {
    const p = this.prices;
    const instrument = this.instruments[key]!;
    let asks = 0;
    for (let l = 0; l < LEVELS; l++) if (p[10 + l * 2]! > 0) asks++;
    let inverted = false;
    for (let l = 1; l < LEVELS; l++)
      if (p[l * 2]! > 0 && p[l * 2]! >= p[(l - 1) * 2]!) inverted = true;
    if (asks === 0) this.asksZero++;
    if (inverted) this.bidsInverted++;
    const bid = p[0]! > 0 ? p[0]! : undefined;
    let ask = p[10]! > 0 ? p[10]! : undefined;
    let buy: DepthLevel[] = [];
    let sell: DepthLevel[] = [];
    if (this.depth === 'bid2-as-ask1') {
      if (bid !== undefined) buy = [{ price: bid, quantity: p[1]!, orders: 0 }];
      ask = p[2]! > 0 ? p[2]! : undefined;
      if (ask !== undefined) sell = [{ price: ask, quantity: p[3]!, orders: 0 }];
    } else if (this.depth === 'validated') {
      const crossed = bid !== undefined && ask !== undefined && ask <= bid;
      let askInverted = false;
      for (let l = 1; l < LEVELS; l++)
        if (p[10 + l * 2]! > 0 && p[10 + l * 2]! <= p[10 + (l - 1) * 2]!) askInverted = true;
      if (inverted || askInverted || crossed) this.depthOmitted++;
      else {
        buy = levelsOf(p, 0);
        sell = levelsOf(p, 10);
      }
    }
    const tick: { -readonly [K in keyof Tick]: Tick[K] } = {
      kind: 'tick',
      instrument,
      time,
      price,
    };
    if (quantity === quantity) tick.quantity = quantity;
    if (volume === volume) tick.volume = volume;
    if (oi === oi) tick.oi = oi;
    if (bid !== undefined && (this.depth !== 'validated' || buy.length > 0)) tick.bid = bid;
    if (ask !== undefined && (this.depth !== 'validated' || sell.length > 0)) tick.ask = ask;
    if (buy.length > 0 || sell.length > 0) tick.depth = { buy, sell };
    return tick;
  }

  private readHeader(line: string): void {
    const header = readDepthHeader(line);
    if (typeof header === 'string') {
      throw new CsvParseError(
        this.format,
        this.lineNumber,
        header,
        line,
        `the header has no ${header} column`,
        'The first line must name the columns: Symbol, exchange_timestamp, last_price, and optionally volume_traded, last_traded_quantity, open_interest, bid_/ask_price_N and bid_/ask_qty_N.',
      );
    }
    this.roles = header.roles;
    this.names = header.names;
    this.columns = header.roles.length;
  }

  protected override addFindings(): void {
    const r = this.report;
    if (this.symbols.size > 0) {
      r.find({
        code: 'symbols',
        message: `${this.symbols.size} symbol(s): ${[...this.symbols].map(([s, id]) => `${s} as ${id}`).join(', ')}`,
        count: this.symbols.size,
      });
    }
    if (this.rowsRead > 0 && this.asksZero === this.rowsRead) {
      r.find({
        code: 'asks-all-zero',
        message: `every ask price column is 0 on all ${this.rowsRead} ticks: the file carries no sell side`,
        count: this.asksZero,
      });
    }
    if (this.bidsInverted > 0) {
      r.find({
        code: 'depth-mis-mapped',
        message: `bid_price_2 is at or above bid_price_1 on ${this.bidsInverted} tick(s): the depth columns look mis-mapped (level-2 bid reads like the best ask)${
          this.depth === 'bid2-as-ask1'
            ? '; read bid_price_2/bid_qty_2 as the best ask'
            : this.depth === 'validated'
              ? "; depth left out of those ticks (parse with depth: 'bid2-as-ask1' to read level 2 as the best ask)"
              : ''
        }`,
        count: this.bidsInverted,
      });
    }
    if (this.depth === 'validated' && this.depthOmitted > 0) {
      r.find({
        code: 'depth-omitted',
        message: `depth left out of ${this.depthOmitted} tick(s) where it is inconsistent`,
        count: this.depthOmitted,
      });
    }
  }
}

function levelsOf(p: Float64Array, side: number): DepthLevel[] {
  const levels: DepthLevel[] = [];
  for (let l = 0; l < LEVELS; l++) {
    const price = p[side + l * 2]!;
    if (price > 0) levels.push({ price, quantity: p[side + l * 2 + 1]!, orders: 0 });
  }
  return levels;
}

/**
 * Creates a streaming parser for tick files with market depth (see {@link parseDepthTicks}).
 *
 * @example
 * ```ts
 * const p = createDepthTicksParser({ onBadRow: 'skip', onDuplicate: 'keep-first' });
 * p.push(headerAndFirstLines);
 * const { rows, report } = p.end();
 * ```
 */
export function createDepthTicksParser(options: DepthTicksOptions = {}): StreamingParser<Tick> {
  return new DepthTicksParser(options);
}

/**
 * Parses a tick file with a header naming `Symbol`, `exchange_timestamp` (naive IST, up to
 * microseconds), `last_price`, optionally `volume_traded`, `last_traded_quantity`,
 * `open_interest` and five levels of `bid_/ask_price_N`, `bid_/ask_qty_N`. Ticks of all
 * symbols come back in one time-ordered list; a repeated tick (same symbol and timestamp) is a
 * duplicate. The file has no order counts, so depth levels carry `orders: 0`.
 *
 * @example
 * ```ts
 * const { rows, report } = parseDepthTicks(text, { onBadRow: 'skip', onDuplicate: 'keep-first' });
 * report.findings.find((f) => f.code === 'depth-mis-mapped');
 * ```
 */
export function parseDepthTicks(text: string, options: DepthTicksOptions = {}): ParseResult<Tick> {
  const parser = new DepthTicksParser(options);
  parser.push(text);
  return parser.end();
}
