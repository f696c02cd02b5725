import { PravahError } from '../errors/pravah-error.js';
import { formatValue } from '../errors/validation-error.js';

/**
 * A date lies outside the range the calendar's holiday tables cover for a segment. The calendar
 * refuses to guess rather than silently calling an unknown day a trading day. Either add the
 * year's holiday list to the calendar data, or opt into the weekday fallback with
 * `createCalendar({ fallback: 'weekdaysOnly' })` (Monday-Friday trade, weekends do not,
 * holidays unknown).
 *
 * @example
 * ```ts
 * try { nseCalendar.isTradingDay('2016-08-16') }
 * catch (e) { if (e instanceof CalendarRangeError) console.log(e.segment, e.date, e.covered) }
 * ```
 */
export class CalendarRangeError extends PravahError {
  readonly field = 'date';
  readonly segment: string;
  readonly date: string;
  /** The ranges the tables do cover, e.g. `2024-01-01..2026-12-31`, or `none`. */
  readonly covered: string;

  constructor(
    segment: string,
    date: string,
    covered: string,
    what = 'holiday tables',
    hint = "Add the data for that period, or use createCalendar({ fallback: 'weekdaysOnly' }) " +
      'to treat Monday-Friday as trading days there.',
  ) {
    super(
      'CALENDAR_RANGE',
      `${date} is outside the ${segment} ${what} (covered: ${covered}). ${hint}`,
    );
    this.segment = segment;
    this.date = date;
    this.covered = covered;
  }
}

/**
 * The calendar knows the day but not the fact asked for: muhurat timings not yet notified, a
 * broker's square-off time that was never published, a tick size that must come from the
 * contract master.
 *
 * @example
 * ```ts
 * try { nseCalendar.session('2026-11-08', 'cash') }
 * catch (e) { if (e instanceof CalendarDataMissingError) console.log(e.message) }
 * ```
 */
export class CalendarDataMissingError extends PravahError {
  readonly field: string;
  readonly value: unknown;

  constructor(field: string, value: unknown, message: string) {
    super('CALENDAR_DATA_MISSING', `${message} (${field} ${formatValue(value)})`);
    this.field = field;
    this.value = value;
  }
}

/**
 * An argument the calendar cannot use: an unknown segment or broker, a range whose end is
 * before its start, a non-positive price.
 *
 * @example
 * ```ts
 * try { nseCalendar.tradingDaysBetween('2024-02-01', '2024-01-01') }
 * catch (e) { if (e instanceof CalendarInputError) console.log(e.field, e.value) }
 * ```
 */
export class CalendarInputError extends PravahError {
  readonly field: string;
  readonly value: unknown;

  constructor(field: string, value: unknown, expected: string) {
    super('CALENDAR_INPUT', `Invalid ${field} ${formatValue(value)}: expected ${expected}`);
    this.field = field;
    this.value = value;
  }
}

/**
 * An underlying the calendar has no expiry, lot-size or freeze data for.
 *
 * @example
 * ```ts
 * try { nseCalendar.expiries('NIFTYIT', '2025-01-01', '2025-02-01') }
 * catch (e) { if (e instanceof UnknownUnderlyingError) console.log(e.known) }
 * ```
 */
export class UnknownUnderlyingError extends PravahError {
  readonly field = 'underlying';
  readonly value: string;
  readonly known: readonly string[];

  constructor(underlying: string, known: readonly string[], what: string) {
    super(
      'UNKNOWN_UNDERLYING',
      `No ${what} for underlying ${formatValue(underlying)}; known: ${known.join(', ')}. ` +
        `Add it to the calendar data.`,
    );
    this.value = underlying;
    this.known = known;
  }
}
