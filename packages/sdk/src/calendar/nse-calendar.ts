import type { DateInput, IsoDate } from '../time/iso-date.js';
import { Calendar, type CalendarOptions } from './calendar.js';
import type { MisBroker } from './calendar-data.js';
import { NSE_CALENDAR_DATA } from './data/index.js';
import type { Expiry, ExpiryKind } from './expiry.js';
import type { SegmentInput } from './segment.js';
import type { TradingSession } from './trading-session.js';

/**
 * The default calendar: NSE/BSE equity and F&O 2024-2026, MCX 2026, strict outside that
 * (throws CalendarRangeError). Use `nseCalendar.withFallback('weekdaysOnly')` for older data.
 *
 * @example
 * ```ts
 * nseCalendar.isTradingDay('2024-01-26'); // false
 * ```
 */
export const nseCalendar: Calendar = new Calendar(NSE_CALENDAR_DATA);

/**
 * Builds a calendar from data (default: the bundled NSE data) and a fallback policy.
 *
 * @example
 * ```ts
 * const historical = createCalendar({ fallback: 'weekdaysOnly' });
 * historical.isTradingDay('2016-08-16'); // true (weekday outside the tables)
 * historical.isTradingDay('2024-01-26'); // false (inside the tables: Republic Day)
 * ```
 */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  return new Calendar(options.data ?? NSE_CALENDAR_DATA, options.fallback ?? 'none');
}

/**
 * {@link Calendar.isTradingDay} on {@link nseCalendar}.
 *
 * @example
 * ```ts
 * isTradingDay('2025-03-14'); // false (Holi)
 * ```
 */
export function isTradingDay(date: DateInput, segment: SegmentInput = 'cash'): boolean {
  return nseCalendar.isTradingDay(date, segment);
}

/**
 * {@link Calendar.session} on {@link nseCalendar}.
 *
 * @example
 * ```ts
 * session('2024-11-01', 'NSE')?.kind; // 'muhurat'
 * ```
 */
export function session(
  date: DateInput,
  segment: SegmentInput = 'cash',
): TradingSession | undefined {
  return nseCalendar.session(date, segment);
}

/**
 * {@link Calendar.nextTradingDay} on {@link nseCalendar}.
 *
 * @example
 * ```ts
 * nextTradingDay('2024-01-19'); // '2024-01-20' (Saturday session)
 * ```
 */
export function nextTradingDay(date: DateInput, segment: SegmentInput = 'cash'): IsoDate {
  return nseCalendar.nextTradingDay(date, segment);
}

/**
 * {@link Calendar.previousTradingDay} on {@link nseCalendar}.
 *
 * @example
 * ```ts
 * previousTradingDay('2025-03-17'); // '2025-03-13'
 * ```
 */
export function previousTradingDay(date: DateInput, segment: SegmentInput = 'cash'): IsoDate {
  return nseCalendar.previousTradingDay(date, segment);
}

/**
 * {@link Calendar.tradingDaysBetween} on {@link nseCalendar}: trading days in `[from, to]`,
 * both inclusive.
 *
 * @example
 * ```ts
 * tradingDaysBetween('2025-03-10', '2025-03-14'); // 4
 * ```
 */
export function tradingDaysBetween(
  from: DateInput,
  to: DateInput,
  segment: SegmentInput = 'cash',
): number {
  return nseCalendar.tradingDaysBetween(from, to, segment);
}

/**
 * {@link Calendar.expiries} on {@link nseCalendar}.
 *
 * @example
 * ```ts
 * expiries('SENSEX', '2025-09-01', '2025-09-30').map((e) => e.date);
 * // ['2025-09-04', '2025-09-11', '2025-09-18', '2025-09-25']
 * ```
 */
export function expiries(underlying: string, from: DateInput, to: DateInput): Expiry[] {
  return nseCalendar.expiries(underlying, from, to);
}

/**
 * {@link Calendar.nextExpiry} on {@link nseCalendar}.
 *
 * @example
 * ```ts
 * nextExpiry('NIFTY', '2025-08-29').date; // '2025-09-02'
 * ```
 */
export function nextExpiry(
  underlying: string,
  date: DateInput,
  kind: ExpiryKind | 'any' = 'any',
): Expiry {
  return nseCalendar.nextExpiry(underlying, date, kind);
}

/**
 * {@link Calendar.misSquareOffTime} on {@link nseCalendar}.
 *
 * @example
 * ```ts
 * formatIst(misSquareOffTime('2025-03-13', 'NFO')); // '2025-03-13T15:25:00.000+05:30'
 * ```
 */
export function misSquareOffTime(
  date: DateInput,
  segment: SegmentInput,
  broker: MisBroker = 'zerodha',
): number {
  return nseCalendar.misSquareOffTime(date, segment, broker);
}
