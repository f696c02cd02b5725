import { isoWeekdayOfDay } from '../time/civil-days.js';
import { istTimeOfDayMs } from '../time/ist-date-time.js';
import {
  dayNumberOf,
  epochOfIstDayStart,
  isoDateOfDayNumber,
  type DateInput,
  type IsoDate,
} from '../time/iso-date.js';
import {
  MIS_BROKERS,
  type CalendarData,
  type Holiday,
  type MisBroker,
  type ValidatedCalendarData,
} from './calendar-data.js';
import {
  CalendarDataMissingError,
  CalendarInputError,
  CalendarRangeError,
  UnknownUnderlyingError,
} from './calendar-errors.js';
import {
  compileCalendarData,
  windowOf,
  type CompiledCalendarData,
  type CompiledSegment,
} from './compiled-data.js';
import type { Expiry, ExpiryKind } from './expiry.js';
import { computeExpiries } from './expiry-schedule.js';
import { latestStep, lotSizeOf, tickSizeOf } from './contract-lookups.js';
import { squareOffTime } from './mis-square-off.js';
import { MARKET_SEGMENTS, segmentOf, type MarketSegment, type SegmentInput } from './segment.js';
import { regularSession, ruleFor, specialSession } from './session-builder.js';
import type { TickSizeQuery } from './tick-size-query.js';
import type { TradingSession } from './trading-session.js';

/**
 * How the calendar answers for dates its holiday tables do not cover:
 * - `none` (default): throw {@link CalendarRangeError};
 * - `weekdaysOnly`: Monday-Friday are regular trading days with the session rule in force
 *   then, weekends are closed, holidays are unknown (so they count as trading days). Meant for
 *   historical data outside the tables (e.g. 2016, 2020-2023); sessions say
 *   `basis: 'weekday-fallback'`.
 */
export type CalendarFallback = 'none' | 'weekdaysOnly';

/** Options of {@link createCalendar}. */
export interface CalendarOptions {
  /** The facts to use; defaults to the bundled NSE/BSE/MCX data. */
  readonly data?: CalendarData;
  readonly fallback?: CalendarFallback;
}

// Day status codes, resolved per (segment, day).
const CLOSED = 0;
const REGULAR = 1;
const SPECIAL = 2;
const FALLBACK_REGULAR = 3;
type DayStatus = typeof CLOSED | typeof REGULAR | typeof SPECIAL | typeof FALLBACK_REGULAR;

const MAX_SEARCH_DAYS = 60;

// Data objects already validated and indexed, so withFallback() and repeated createCalendar()
// calls on the same data do not redo the work.
const COMPILED = new WeakMap<CalendarData, CompiledCalendarData>();

function describeCoverage(seg: CompiledSegment): string {
  if (seg.coverage.length === 0) return 'none';
  return seg.coverage
    .map((c) => `${isoDateOfDayNumber(c.from)}..${isoDateOfDayNumber(c.to)}`)
    .join(', ');
}

/**
 * An exchange calendar: sessions, holidays, muhurat and special sessions, expiries, MIS
 * square-off times, lot, tick and freeze sizes, all from {@link CalendarData} with effective
 * dates. Dates are IST `YYYY-MM-DD` strings or epoch-ms instants; times are epoch ms.
 * Immutable; lookups are cached.
 *
 * @example
 * ```ts
 * const cal = createCalendar();             // same facts as nseCalendar
 * cal.isTradingDay('2025-03-14');           // false (Holi)
 * cal.session('2025-10-21', 'NSE')?.kind;   // 'muhurat'
 * cal.expiries('NIFTY', '2025-09-01', '2025-09-30').map((e) => e.date);
 * // ['2025-09-02', '2025-09-09', '2025-09-16', '2025-09-23', '2025-09-30']
 * ```
 */
export class Calendar {
  /** The validated data this calendar answers from. */
  readonly data: ValidatedCalendarData;
  readonly fallback: CalendarFallback;
  readonly #source: CalendarData;
  readonly #compiled: CompiledCalendarData;
  readonly #sessionCache = new Map<MarketSegment, Map<number, TradingSession | null>>();

  /**
   * Validates and indexes the data (throws ValidationError / CalendarInputError on bad data).
   * Prefer {@link createCalendar}.
   */
  constructor(data: CalendarData, fallback: CalendarFallback = 'none') {
    if (fallback !== 'none' && fallback !== 'weekdaysOnly') {
      throw new CalendarInputError('fallback', fallback, "'none' or 'weekdaysOnly'");
    }
    let compiled = COMPILED.get(data);
    if (compiled === undefined) {
      compiled = compileCalendarData(data);
      COMPILED.set(data, compiled);
    }
    this.#source = data;
    this.#compiled = compiled;
    this.data = this.#compiled.data;
    this.fallback = fallback;
  }

  /**
   * The same data with another fallback policy.
   *
   * @example
   * ```ts
   * nseCalendar.withFallback('weekdaysOnly').isTradingDay('2016-08-16'); // true (Tuesday)
   * ```
   */
  withFallback(fallback: CalendarFallback): Calendar {
    return new Calendar(this.#source, fallback);
  }

  /**
   * Whether the segment trades at all on the date: a normal weekday session, a muhurat session
   * (which falls on a holiday) or a special weekend session.
   *
   * @example
   * ```ts
   * nseCalendar.isTradingDay('2024-01-26');          // false: Republic Day
   * nseCalendar.isTradingDay('2024-11-01');          // true: muhurat session
   * nseCalendar.isTradingDay('2025-02-01', 'NFO');   // true: Saturday Budget session
   * ```
   */
  isTradingDay(date: DateInput, segment: SegmentInput = 'cash'): boolean {
    const seg = this.#segment(segment);
    return this.#status(seg, dayNumberOf(date), seg) !== CLOSED;
  }

  /**
   * Whether the date is a weekday with the segment's regular session: not a holiday, not a
   * muhurat or special session. Expiries only fall on such days.
   *
   * @example
   * ```ts
   * nseCalendar.isRegularTradingDay('2025-10-21'); // false: muhurat only
   * nseCalendar.isRegularTradingDay('2025-10-20'); // true
   * ```
   */
  isRegularTradingDay(date: DateInput, segment: SegmentInput = 'cash'): boolean {
    const seg = this.#segment(segment);
    const status = this.#status(seg, dayNumberOf(date), seg);
    return status === REGULAR || status === FALLBACK_REGULAR;
  }

  /**
   * The segment's session on a date, or `undefined` when it does not trade. Throws
   * {@link CalendarDataMissingError} for an announced session whose times are not notified yet
   * (muhurat 2026-11-08).
   *
   * @example
   * ```ts
   * const s = nseCalendar.session('2025-10-21', 'cash')!;
   * formatIst(s.open);  // '2025-10-21T13:45:00.000+05:30'
   * s.kind;             // 'muhurat'
   * ```
   */
  session(date: DateInput, segment: SegmentInput = 'cash'): TradingSession | undefined {
    const seg = this.#segment(segment);
    const day = dayNumberOf(date);
    let cache = this.#sessionCache.get(seg);
    if (cache === undefined) {
      cache = new Map();
      this.#sessionCache.set(seg, cache);
    }
    const cached = cache.get(day);
    if (cached !== undefined) return cached ?? undefined;
    const built = this.#buildSession(seg, day);
    cache.set(day, built ?? null);
    return built;
  }

  /**
   * Sessions of every trading day in `[from, to]` (both inclusive), in date order.
   *
   * @example
   * ```ts
   * nseCalendar.sessions('2024-01-22', '2024-01-28').length; // 3 (22nd and 26th are holidays)
   * ```
   */
  sessions(from: DateInput, to: DateInput, segment: SegmentInput = 'cash'): TradingSession[] {
    const out: TradingSession[] = [];
    for (const date of this.tradingDays(from, to, segment)) {
      const s = this.session(date, segment);
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  /**
   * The first trading day strictly after `date`.
   *
   * @example
   * ```ts
   * nseCalendar.nextTradingDay('2025-03-13'); // '2025-03-17' (Holi Friday, then the weekend)
   * ```
   */
  nextTradingDay(date: DateInput, segment: SegmentInput = 'cash'): IsoDate {
    return this.#step(date, segment, 1);
  }

  /**
   * The last trading day strictly before `date`.
   *
   * @example
   * ```ts
   * nseCalendar.previousTradingDay('2024-01-23'); // '2024-01-20' (Saturday session; 22nd holiday)
   * ```
   */
  previousTradingDay(date: DateInput, segment: SegmentInput = 'cash'): IsoDate {
    return this.#step(date, segment, -1);
  }

  /**
   * Trading days in `[from, to]`, both ends inclusive, in order.
   *
   * @example
   * ```ts
   * nseCalendar.tradingDays('2025-03-13', '2025-03-17'); // ['2025-03-13', '2025-03-17']
   * ```
   */
  tradingDays(from: DateInput, to: DateInput, segment: SegmentInput = 'cash'): IsoDate[] {
    const seg = this.#segment(segment);
    const [a, b] = this.#range(from, to);
    const out: IsoDate[] = [];
    for (let d = a; d <= b; d++)
      if (this.#status(seg, d, seg) !== CLOSED) out.push(isoDateOfDayNumber(d));
    return out;
  }

  /**
   * How many trading days lie in `[from, to]`, both ends inclusive (so a trading day counted
   * with itself gives 1). Throws {@link CalendarInputError} when `to` is before `from`.
   *
   * @example
   * ```ts
   * nseCalendar.tradingDaysBetween('2024-01-01', '2024-12-31'); // 249
   * ```
   */
  tradingDaysBetween(from: DateInput, to: DateInput, segment: SegmentInput = 'cash'): number {
    const seg = this.#segment(segment);
    const [a, b] = this.#range(from, to);
    let n = 0;
    for (let d = a; d <= b; d++) if (this.#status(seg, d, seg) !== CLOSED) n++;
    return n;
  }

  /**
   * Holidays of a segment in `[from, to]` (weekday closures of the regular session, including
   * days that carry a muhurat session).
   *
   * @example
   * ```ts
   * nseCalendar.holidays('2025-03-01', '2025-03-31').map((h) => h.date); // ['2025-03-14', '2025-03-31']
   * ```
   */
  holidays(from: DateInput, to: DateInput, segment: SegmentInput = 'cash'): Holiday[] {
    const seg = this.#compiled.segments[this.#segment(segment)];
    const [a, b] = this.#range(from, to);
    return [...seg.holidays.entries()]
      .filter(([day]) => day >= a && day <= b)
      .sort((x, y) => x[0] - y[0])
      .map(([, h]) => h);
  }

  /**
   * Expiry days of an underlying's derivatives whose actual day lies in `[from, to]` (both
   * inclusive), in date order: weeklies where the underlying has them, monthlies on the last
   * rule weekday of the month, each moved to the previous regular trading day over holidays.
   * `STOCKS` stands for NSE single-stock derivatives.
   *
   * @example
   * ```ts
   * nseCalendar.expiries('NIFTY', '2025-10-01', '2025-10-31').map((e) => e.date);
   * // ['2025-10-07', '2025-10-14', '2025-10-20', '2025-10-28'] (21st: muhurat holiday)
   * ```
   */
  expiries(underlying: string, from: DateInput, to: DateInput): Expiry[] {
    const [a, b] = this.#range(from, to);
    return this.#expiries(underlying, a, b);
  }

  /**
   * The first expiry on or after `date` (of the given kind, or any).
   *
   * @example
   * ```ts
   * nseCalendar.nextExpiry('NIFTY', '2025-10-21', 'monthly').date; // '2025-10-28'
   * ```
   */
  nextExpiry(underlying: string, date: DateInput, kind: ExpiryKind | 'any' = 'any'): Expiry {
    const start = dayNumberOf(date);
    // A monthly is at most ~5 weeks away; 70 days leaves room for holiday shifts.
    const found = this.#expiries(underlying, start, start + 70, kind)[0];
    if (found === undefined) {
      throw new CalendarDataMissingError(
        'underlying',
        underlying,
        `No ${kind} expiry within 70 days`,
      );
    }
    return found;
  }

  #expiries(underlying: string, a: number, b: number, firstOfKind?: ExpiryKind | 'any'): Expiry[] {
    const set = this.#compiled.expiryRules.get(underlying);
    if (set === undefined) {
      throw new UnknownUnderlyingError(
        underlying,
        [...this.#compiled.expiryRules.keys()],
        'expiry rules',
      );
    }
    const knownFrom = windowOf(set.knownFrom, undefined)[0];
    if (a < knownFrom) {
      throw new CalendarRangeError(
        underlying,
        isoDateOfDayNumber(a),
        `${set.knownFrom}..`,
        'expiry rules',
        'Ask from a later date, or add the older rules to the calendar data.',
      );
    }
    const seg = this.#compiled.segments.fno;
    const isRegular = (day: number): boolean => {
      const s = this.#status(seg, day, 'fno');
      return s === REGULAR || s === FALLBACK_REGULAR;
    };
    return computeExpiries(
      set,
      a,
      b,
      {
        isRegular,
        isRegularIfKnown: (day) =>
          this.fallback === 'none' && !seg.coverage.some((c) => day >= c.from && day <= c.to)
            ? undefined
            : isRegular(day),
      },
      firstOfKind,
    );
  }

  /**
   * The broker's MIS auto square-off time (epoch ms) on a date's session. Throws
   * {@link CalendarDataMissingError} where the broker publishes no time for the segment or for
   * that kind of session (muhurat, shortened sessions), and {@link CalendarInputError} on a
   * non-trading day.
   *
   * @example
   * ```ts
   * formatIst(nseCalendar.misSquareOffTime('2025-03-13', 'NSE'));            // '...T15:20:00.000+05:30'
   * formatIst(nseCalendar.misSquareOffTime('2026-03-13', 'MCX', 'upstox'));  // '...T22:50:00.000+05:30'
   * ```
   */
  misSquareOffTime(date: DateInput, segment: SegmentInput, broker: MisBroker = 'zerodha'): number {
    if (!(MIS_BROKERS as readonly string[]).includes(broker)) {
      throw new CalendarInputError('broker', broker, MIS_BROKERS.join(' | '));
    }
    const seg = this.#segment(segment);
    const entry = this.#compiled.misSquareOff.find((m) => m.broker === broker && m.segment === seg);
    if (entry === undefined) {
      throw new CalendarDataMissingError(
        'segment',
        seg,
        `No published ${broker} MIS square-off time`,
      );
    }
    const session = this.session(date, seg);
    if (session === undefined) throw new CalendarInputError('date', date, `a ${seg} trading day`);
    const day = dayNumberOf(date);
    const dayStart = epochOfIstDayStart(day);
    const rule = ruleFor(this.#compiled.segments[seg].sessionRules, day, seg);
    return squareOffTime(entry, session, dayStart, dayStart + istTimeOfDayMs(rule.close));
  }

  /**
   * Lot size of an index's F&O contracts. With only `date`: the lot of contracts introduced on
   * that date (COSTS.md §4.6). With `listedOn`: the lot on trading date `date` of a contract
   * listed on `listedOn`, which is the newer of its listing step and any step that the
   * exchange applied to existing contracts by `date`.
   *
   * @example
   * ```ts
   * nseCalendar.lotSize('NIFTY', '2025-01-15'); // 75
   * nseCalendar.lotSize('NIFTY', '2026-01-15'); // 65
   * // The Dec-2025 monthly, listed before the 2025-10-28 step, kept 75 to its expiry:
   * nseCalendar.lotSize('NIFTY', '2025-12-15', { listedOn: '2025-10-01' }); // 75
   * ```
   */
  lotSize(underlying: string, date: DateInput, options: { listedOn?: DateInput } = {}): number {
    const tradeDate = isoDateOfDayNumber(dayNumberOf(date));
    const listedOn =
      options.listedOn === undefined
        ? tradeDate
        : isoDateOfDayNumber(dayNumberOf(options.listedOn, 'listedOn'));
    return lotSizeOf(this.#compiled.lotSizes, underlying, tradeDate, listedOn);
  }

  /**
   * NSE quantity-freeze limit (units per order) of an index's F&O on `date` (COSTS.md §4.7).
   *
   * @example
   * ```ts
   * nseCalendar.freezeQuantity('BANKNIFTY', '2025-09-15'); // 900
   * ```
   */
  freezeQuantity(underlying: string, date: DateInput): number {
    const iso = isoDateOfDayNumber(dayNumberOf(date));
    return latestStep(this.#compiled.freezeQuantities, underlying, iso, 'freeze quantities')
      .quantity;
  }

  /**
   * Tick size in rupees for a contract on a date (COSTS.md §4.4). Throws
   * {@link CalendarDataMissingError} where no confirmed rule exists (BSE, MCX, stock options
   * after 2025-09-22): read the tick from the contract master then.
   *
   * @example
   * ```ts
   * nseCalendar.tickSize({ exchange: 'NSE', type: 'EQ', referencePrice: 180, date: '2024-07-01' }); // 0.01
   * nseCalendar.tickSize({ exchange: 'NSE', type: 'EQ', referencePrice: 180, date: '2024-05-31' }); // 0.05
   * ```
   */
  tickSize(query: TickSizeQuery): number {
    return tickSizeOf(this.#compiled.tickSizes, query, dayNumberOf(query.date));
  }

  /**
   * Date ranges the holiday tables cover for a segment (`YYYY-MM-DD`, inclusive).
   *
   * @example
   * ```ts
   * nseCalendar.coverage('NSE'); // [{ from: '2024-01-01', to: '2026-12-31' }]
   * ```
   */
  coverage(segment: SegmentInput): { from: IsoDate; to: IsoDate }[] {
    return this.#compiled.segments[this.#segment(segment)].coverage.map((c) => ({
      from: isoDateOfDayNumber(c.from),
      to: isoDateOfDayNumber(c.to),
    }));
  }

  #segment(input: SegmentInput): MarketSegment {
    const seg = typeof input === 'string' ? segmentOf(input) : undefined;
    if (seg === undefined) {
      throw new CalendarInputError(
        'segment',
        input,
        `one of ${MARKET_SEGMENTS.join(', ')} or an exchange code`,
      );
    }
    return seg;
  }

  #range(from: DateInput, to: DateInput): [number, number] {
    const a = dayNumberOf(from, 'from');
    const b = dayNumberOf(to, 'to');
    if (b < a)
      throw new CalendarInputError('to', to, `a date on or after from (${isoDateOfDayNumber(a)})`);
    return [a, b];
  }

  #status(segment: MarketSegment | CompiledSegment, day: number, name: MarketSegment): DayStatus {
    const seg = typeof segment === 'string' ? this.#compiled.segments[segment] : segment;
    let covered = false;
    for (const c of seg.coverage) {
      if (day >= c.from && day <= c.to) {
        covered = true;
        break;
      }
    }
    if (!covered) {
      if (this.fallback === 'none') {
        throw new CalendarRangeError(name, isoDateOfDayNumber(day), describeCoverage(seg));
      }
      return isoWeekdayOfDay(day) <= 5 ? FALLBACK_REGULAR : CLOSED;
    }
    if (seg.specials.has(day)) return SPECIAL;
    if (seg.holidays.has(day)) return CLOSED;
    return isoWeekdayOfDay(day) <= 5 ? REGULAR : CLOSED;
  }

  #buildSession(segment: MarketSegment, day: number): TradingSession | undefined {
    const seg = this.#compiled.segments[segment];
    const status = this.#status(seg, day, segment);
    if (status === CLOSED) return undefined;
    if (status === SPECIAL) {
      return specialSession(seg.specials.get(day)!, seg.sessionRules, day, segment);
    }
    const basis = status === REGULAR ? 'exchange-data' : 'weekday-fallback';
    return regularSession(ruleFor(seg.sessionRules, day, segment), day, segment, basis);
  }

  #step(date: DateInput, segment: SegmentInput, direction: 1 | -1): IsoDate {
    const seg = this.#segment(segment);
    const start = dayNumberOf(date);
    for (let d = start + direction, i = 0; i < MAX_SEARCH_DAYS; d += direction, i++) {
      if (this.#status(seg, d, seg) !== CLOSED) return isoDateOfDayNumber(d);
    }
    throw new CalendarDataMissingError(
      'date',
      isoDateOfDayNumber(start),
      `No ${seg} trading day within ${MAX_SEARCH_DAYS} days`,
    );
  }
}
