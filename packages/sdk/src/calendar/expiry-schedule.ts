import { civilFromDays, daysFromCivil, daysInMonth, isoWeekdayOfDay } from '../time/civil-days.js';
import { isoDateOfDayNumber } from '../time/iso-date.js';
import type { ExpiryRuleSet, ExpiryWeekdayRule } from './calendar-data.js';
import { CalendarDataMissingError } from './calendar-errors.js';
import { windowOf } from './compiled-data.js';
import type { Expiry, ExpiryKind } from './expiry.js';

/** How the schedule asks the calendar about days. */
export interface ExpiryDayOracle {
  /** Regular F&O trading day? Throws CalendarRangeError where the calendar cannot tell. */
  isRegular(day: number): boolean;
  /** Like isRegular, but `undefined` instead of throwing where the calendar cannot tell. */
  isRegularIfKnown(day: number): boolean | undefined;
}

const MAX_SHIFT_DAYS = 15;

function ruleAt(rules: readonly ExpiryWeekdayRule[], day: number): ExpiryWeekdayRule | undefined {
  for (const rule of rules) {
    const [from, to] = windowOf(rule.from, rule.to);
    if (day >= from && day <= to) return rule;
  }
  return undefined;
}

function lastWeekdayOfMonth(year: number, month: number, weekday: number): number {
  const last = daysFromCivil(year, month, daysInMonth(year, month));
  return last - ((isoWeekdayOfDay(last) - weekday + 7) % 7);
}

/** Scheduled (pre-shift) expiry days whose scheduled day lies in [fromDay, toDay]. */
function scheduledDays(set: ExpiryRuleSet, fromDay: number, toDay: number): [number, ExpiryKind][] {
  const out: [number, ExpiryKind][] = [];
  const monthlyWeeks = new Set<number>();
  // Months from the one holding the Monday of fromDay's week, so that week's monthly is known.
  const firstMonday = fromDay - (isoWeekdayOfDay(fromDay) - 1);
  let { year, month } = civilFromDays(firstMonday);
  for (;;) {
    const lastDay = daysFromCivil(year, month, daysInMonth(year, month));
    const rule = ruleAt(set.monthly, lastDay);
    if (rule !== undefined) {
      const day = lastWeekdayOfMonth(year, month, rule.weekday);
      monthlyWeeks.add(day - (isoWeekdayOfDay(day) - 1));
      if (day >= fromDay && day <= toDay) out.push([day, 'monthly']);
    }
    if (lastDay >= toDay) break;
    month = month === 12 ? 1 : month + 1;
    year = month === 1 ? year + 1 : year;
  }
  for (let monday = firstMonday; monday <= toDay; monday += 7) {
    if (monthlyWeeks.has(monday)) continue;
    for (const rule of set.weekly) {
      const day = monday + rule.weekday - 1;
      const [from, to] = windowOf(rule.from, rule.to);
      if (day >= from && day <= to && day >= fromDay && day <= toDay) out.push([day, 'weekly']);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function shiftBack(day: number, oracle: ExpiryDayOracle): number {
  let d = day;
  for (let i = 0; i <= MAX_SHIFT_DAYS; i++, d--) if (oracle.isRegular(d)) return d;
  throw new CalendarDataMissingError(
    'date',
    isoDateOfDayNumber(day),
    `No regular F&O trading day in the ${MAX_SHIFT_DAYS} days up to this expiry`,
  );
}

/**
 * Expiries of an underlying whose actual (holiday-shifted) day lies in [fromDay, toDay].
 * A shift only moves an expiry earlier, so candidates scheduled after `toDay` count only when
 * every day between `toDay` and them is known not to be a regular trading day; days the
 * calendar cannot tell about (beyond its coverage) are assumed to be trading days there.
 */
export function computeExpiries(
  set: ExpiryRuleSet,
  fromDay: number,
  toDay: number,
  oracle: ExpiryDayOracle,
  firstOfKind?: ExpiryKind | 'any',
): Expiry[] {
  let limit = toDay;
  for (let d = toDay + 1; d <= toDay + MAX_SHIFT_DAYS; d++) {
    if (oracle.isRegularIfKnown(d) !== false) break;
    limit = d;
  }
  const out: Expiry[] = [];
  for (const [scheduled, kind] of scheduledDays(set, fromDay, limit)) {
    // When only the first expiry (of a kind) is wanted, later candidates are never looked at,
    // so they cannot fail on days beyond the calendar's coverage.
    if (firstOfKind !== undefined && firstOfKind !== 'any' && kind !== firstOfKind) continue;
    const day = shiftBack(scheduled, oracle);
    if (day < fromDay || day > toDay) continue;
    out.push(
      Object.freeze({
        underlying: set.underlying,
        exchange: set.exchange,
        kind,
        date: isoDateOfDayNumber(day),
        scheduledDate: isoDateOfDayNumber(scheduled),
      }),
    );
    if (firstOfKind !== undefined) break;
  }
  return out;
}
