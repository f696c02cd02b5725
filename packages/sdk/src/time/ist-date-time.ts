import { IST_OFFSET_MS, MS_PER_DAY } from './constants.js';
import { dayNumberOfIsoDate, type IsoDate } from './iso-date.js';
import { TimeInputError } from './time-input-error.js';

const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Milliseconds after IST midnight of a wall-clock time `HH:mm` or `HH:mm:ss` (00:00 to 24:00;
 * 24:00 is allowed as a session end).
 *
 * @example
 * ```ts
 * istTimeOfDayMs('09:15'); // 33300000
 * ```
 */
export function istTimeOfDayMs(time: string, field = 'time'): number {
  const match = typeof time === 'string' ? TIME_OF_DAY.exec(time) : null;
  if (match === null) throw new TimeInputError(field, time, 'a time written HH:mm or HH:mm:ss');
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = match[3] === undefined ? 0 : Number(match[3]);
  const ms = (hour * 3600 + minute * 60 + second) * 1000;
  if (minute > 59 || second > 59 || ms > MS_PER_DAY) {
    throw new TimeInputError(field, time, 'a time of day from 00:00 to 24:00');
  }
  return ms;
}

/**
 * Epoch ms of an IST date and wall-clock time.
 *
 * @example
 * ```ts
 * istDateTime('2024-01-26', '09:15');    // 1706240700000 (= 2024-01-26T03:45:00Z)
 * istDateTime('2025-10-21', '13:45:00'); // the 2025 muhurat session open
 * ```
 */
export function istDateTime(date: IsoDate, time: string): number {
  return dayNumberOfIsoDate(date) * MS_PER_DAY + istTimeOfDayMs(time) - IST_OFFSET_MS;
}
