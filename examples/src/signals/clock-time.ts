import { z } from 'zod';

/**
 * Zod schema of an IST time of day `HH:MM`, as strategy parameters carry them (`'15:15'`).
 *
 * @example
 * ```ts
 * const params = z.object({ lastEntry: ClockTimeSchema.default('14:45') });
 * ```
 */
export const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be an IST time of day HH:MM, e.g. 15:15');

/**
 * Minutes after IST midnight of an `HH:MM` time (validated by {@link ClockTimeSchema}).
 *
 * @example
 * ```ts
 * minutesOfDay('09:15'); // 555
 * ```
 */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
