import { formatInTimeZone } from 'date-fns-tz';
import { IST_TIME_ZONE } from './constants.js';
import { assertEpochMs } from './iso-date.js';

/** ISO 8601 with milliseconds and the IST offset, e.g. `2024-01-26T09:15:00.000+05:30`. */
export const IST_ISO_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSxxx";

/**
 * Formats an instant in IST with a date-fns pattern (default: ISO 8601 with `+05:30`). For
 * display and reports; hot paths use {@link istDate} / {@link istMinuteOfDay}.
 *
 * @example
 * ```ts
 * formatIst(Date.UTC(2024, 0, 26, 3, 45));              // '2024-01-26T09:15:00.000+05:30'
 * formatIst(Date.UTC(2024, 0, 26, 3, 45), 'dd MMM HH:mm'); // '26 Jan 09:15'
 * ```
 */
export function formatIst(epochMs: number, pattern: string = IST_ISO_PATTERN): string {
  assertEpochMs(epochMs);
  return formatInTimeZone(epochMs, IST_TIME_ZONE, pattern);
}
