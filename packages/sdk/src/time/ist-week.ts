import { isoWeekdayOfDay } from './civil-days.js';
import { IST_OFFSET_MS, MS_PER_DAY } from './constants.js';
import { assertEpochMs, epochOfIstDayStart, isoDateOfDayNumber, type IsoDate } from './iso-date.js';

function mondayDayNumber(epochMs: number): number {
  assertEpochMs(epochMs);
  const dayNumber = Math.floor((epochMs + IST_OFFSET_MS) / MS_PER_DAY);
  return dayNumber - (isoWeekdayOfDay(dayNumber) - 1);
}

/**
 * Epoch ms of Monday 00:00 IST starting the IST Monday-Sunday week that contains an instant.
 *
 * @example
 * ```ts
 * istWeekStart(istDateTime('2024-01-28', '23:59')) === istDateTime('2024-01-22', '00:00'); // true
 * ```
 */
export function istWeekStart(epochMs: number): number {
  return epochOfIstDayStart(mondayDayNumber(epochMs));
}

/**
 * The key weekly grading groups by: the Monday `YYYY-MM-DD` of the IST Monday-Sunday week that
 * contains an instant. Every instant from Monday 00:00 to Sunday 23:59:59.999 IST shares a key.
 *
 * @example
 * ```ts
 * istWeekKey(istDateTime('2024-01-26', '15:29')); // '2024-01-22'
 * ```
 */
export function istWeekKey(epochMs: number): IsoDate {
  return isoDateOfDayNumber(mondayDayNumber(epochMs));
}
