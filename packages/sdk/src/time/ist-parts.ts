import { civilFromDays, daysFromCivil, daysInMonth, isoWeekdayOfDay } from './civil-days.js';
import { IST_OFFSET_MS, MS_PER_DAY } from './constants.js';
import { assertEpochMs } from './iso-date.js';
import { TimeInputError } from './time-input-error.js';

/** The wall-clock fields of an instant in IST. */
export interface IstParts {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  /** 1-31. */
  readonly day: number;
  /** 0-23. */
  readonly hour: number;
  /** 0-59. */
  readonly minute: number;
  /** 0-59. */
  readonly second: number;
  /** 0-999. */
  readonly millisecond: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  readonly weekday: number;
}

/** Fields accepted by {@link fromIstParts}; the time fields default to 0. */
export interface IstPartsInput {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  readonly millisecond?: number;
}

/**
 * Splits an epoch-ms instant into its IST wall-clock fields (fixed +05:30 offset).
 *
 * @example
 * ```ts
 * toIst(Date.UTC(2024, 0, 26, 3, 45)); // { year: 2024, month: 1, day: 26, hour: 9, minute: 15, ..., weekday: 5 }
 * ```
 */
export function toIst(epochMs: number): IstParts {
  assertEpochMs(epochMs);
  const local = epochMs + IST_OFFSET_MS;
  const dayNumber = Math.floor(local / MS_PER_DAY);
  const msOfDay = local - dayNumber * MS_PER_DAY;
  const { year, month, day } = civilFromDays(dayNumber);
  return {
    year,
    month,
    day,
    hour: Math.floor(msOfDay / 3_600_000),
    minute: Math.floor(msOfDay / 60_000) % 60,
    second: Math.floor(msOfDay / 1000) % 60,
    millisecond: Math.floor(msOfDay % 1000),
    weekday: isoWeekdayOfDay(dayNumber),
  };
}

function checkField(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TimeInputError(name, value, `an integer from ${min} to ${max}`);
  }
}

/**
 * Epoch ms of an IST wall-clock time given as fields. Every field is range-checked (no silent
 * roll-over from 2024-02-30 to March).
 *
 * @example
 * ```ts
 * fromIstParts({ year: 2024, month: 1, day: 26, hour: 9, minute: 15 }); // Date.UTC(2024, 0, 26, 3, 45)
 * ```
 */
export function fromIstParts(parts: IstPartsInput): number {
  const { year, month, day, hour = 0, minute = 0, second = 0, millisecond = 0 } = parts;
  checkField('year', year, 1, 9999);
  checkField('month', month, 1, 12);
  checkField('day', day, 1, daysInMonth(year, month));
  checkField('hour', hour, 0, 23);
  checkField('minute', minute, 0, 59);
  checkField('second', second, 0, 59);
  checkField('millisecond', millisecond, 0, 999);
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    hour * 3_600_000 +
    minute * 60_000 +
    second * 1000 +
    millisecond -
    IST_OFFSET_MS
  );
}
