import { civilFromDays, daysFromCivil, daysInMonth } from './civil-days.js';
import { IST_OFFSET_MS, MS_PER_DAY } from './constants.js';
import { readDigits } from './digits.js';
import { TimeInputError } from './time-input-error.js';

/** A calendar date written `YYYY-MM-DD` (an IST date wherever Pravah uses one). */
export type IsoDate = string;

/**
 * A date given either as an IST calendar date `YYYY-MM-DD` or as an epoch-ms instant (which
 * stands for the IST date it falls on).
 */
export type DateInput = IsoDate | number;

const MAX_EPOCH_MS = 8.64e15;

/** Throws unless `epochMs` is a finite number within the range `Date` supports. */
export function assertEpochMs(epochMs: number, field = 'epochMs'): void {
  if (
    typeof epochMs !== 'number' ||
    !Number.isFinite(epochMs) ||
    Math.abs(epochMs) > MAX_EPOCH_MS
  ) {
    throw new TimeInputError(field, epochMs, 'a finite epoch-millisecond number');
  }
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` string; throws on impossible dates. */
export function dayNumberOfIsoDate(date: string, field = 'date'): number {
  const year = typeof date === 'string' && date.length === 10 ? readDigits(date, 0, 4) : -1;
  const month = readDigits(date, 5, 2);
  const day = readDigits(date, 8, 2);
  if (year < 0 || month < 0 || day < 0 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) {
    throw new TimeInputError(field, date, 'a date written YYYY-MM-DD');
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new TimeInputError(field, date, 'an existing calendar date');
  }
  return daysFromCivil(year, month, day);
}

/** IST day number of an epoch-ms instant. */
export function istDayNumberOfEpoch(epochMs: number): number {
  return Math.floor((epochMs + IST_OFFSET_MS) / MS_PER_DAY);
}

/** Day number of a {@link DateInput} (a `YYYY-MM-DD` string or the IST date of an instant). */
export function dayNumberOf(date: DateInput, field = 'date'): number {
  if (typeof date === 'number') {
    assertEpochMs(date, field);
    return istDayNumberOfEpoch(date);
  }
  return dayNumberOfIsoDate(date, field);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// One-entry memo: bars arrive in time order, so consecutive calls mostly ask for the same day.
let memoDay = Number.NaN;
let memoText = '';

/** `YYYY-MM-DD` of a day number. */
export function isoDateOfDayNumber(dayNumber: number): IsoDate {
  if (dayNumber === memoDay) return memoText;
  const { year, month, day } = civilFromDays(dayNumber);
  const yyyy = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  memoDay = dayNumber;
  memoText = `${yyyy}-${pad2(month)}-${pad2(day)}`;
  return memoText;
}

/** Epoch ms of IST midnight starting a day number. */
export function epochOfIstDayStart(dayNumber: number): number {
  return dayNumber * MS_PER_DAY - IST_OFFSET_MS;
}

/**
 * Normalises a {@link DateInput} to its IST `YYYY-MM-DD`, validating it.
 *
 * @example
 * ```ts
 * toIsoDate(Date.UTC(2024, 0, 25, 20, 0)); // '2024-01-26' (01:30 IST the next day)
 * toIsoDate('2024-01-26');                  // '2024-01-26'
 * ```
 */
export function toIsoDate(date: DateInput): IsoDate {
  return isoDateOfDayNumber(dayNumberOf(date));
}

/**
 * Adds whole days to an IST date.
 *
 * @example
 * ```ts
 * addIstDays('2024-02-28', 2); // '2024-03-01'
 * ```
 */
export function addIstDays(date: DateInput, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new TimeInputError('days', days, 'an integer');
  return isoDateOfDayNumber(dayNumberOf(date) + days);
}
