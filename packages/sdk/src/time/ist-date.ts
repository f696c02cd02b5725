import { IST_OFFSET_MS, MS_PER_DAY, MS_PER_MINUTE } from './constants.js';
import { assertEpochMs, epochOfIstDayStart, isoDateOfDayNumber, type IsoDate } from './iso-date.js';

/**
 * The IST calendar date `YYYY-MM-DD` an instant falls on.
 *
 * @example
 * ```ts
 * istDate(Date.UTC(2024, 0, 25, 18, 30)); // '2024-01-26' (00:00 IST)
 * ```
 */
export function istDate(epochMs: number): IsoDate {
  assertEpochMs(epochMs);
  return isoDateOfDayNumber(Math.floor((epochMs + IST_OFFSET_MS) / MS_PER_DAY));
}

/**
 * Minutes since IST midnight (0-1439) of an instant; 09:15 IST is 555.
 *
 * @example
 * ```ts
 * istMinuteOfDay(istDateTime('2024-01-26', '09:15')); // 555
 * ```
 */
export function istMinuteOfDay(epochMs: number): number {
  assertEpochMs(epochMs);
  const local = epochMs + IST_OFFSET_MS;
  return Math.floor((local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
}

/**
 * Epoch ms of the IST midnight that starts the day of an instant.
 *
 * @example
 * ```ts
 * istDayStart(istDateTime('2024-01-26', '09:15')) === istDateTime('2024-01-26', '00:00'); // true
 * ```
 */
export function istDayStart(epochMs: number): number {
  assertEpochMs(epochMs);
  return epochOfIstDayStart(Math.floor((epochMs + IST_OFFSET_MS) / MS_PER_DAY));
}
