import { formatIst, parseIstNaive } from '@pravah/sdk';
import { z } from 'zod';

const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/**
 * Reads a Kite timestamp as epoch ms: IST wall-clock `YYYY-MM-DD HH:MM:SS` (orders, trades,
 * quotes) or ISO with an offset without a colon, `2017-12-15T09:15:00+0530` (candles).
 * Returns undefined for anything else, so schemas can report the field.
 *
 * @example
 * ```ts
 * kiteTimeToEpoch('2017-12-15T09:15:00+0530'); // Date.UTC(2017, 11, 15, 3, 45)
 * kiteTimeToEpoch('2021-05-31 09:16:39');       // Date.UTC(2021, 4, 31, 3, 46, 39)
 * ```
 */
export function kiteTimeToEpoch(text: string): number | undefined {
  try {
    if (text.length <= 19) return parseIstNaive(text);
    const match = OFFSET.exec(text.slice(19));
    if (match === null) return undefined;
    const [, sign, hours, minutes] = match;
    const offsetMs = (Number(hours) * 60 + Number(minutes)) * 60_000 * (sign === '-' ? -1 : 1);
    // parseIstNaive reads the wall clock as IST (+05:30); correct for any other offset.
    return parseIstNaive(text.slice(0, 19)) + 19_800_000 - offsetMs;
  } catch {
    return undefined;
  }
}

/**
 * Formats epoch ms as the IST wall-clock `YYYY-MM-DD HH:MM:SS` that Kite's historical API takes.
 *
 * @example
 * ```ts
 * epochToKiteTime(Date.UTC(2024, 0, 26, 3, 45)); // '2024-01-26 09:15:00'
 * ```
 */
export function epochToKiteTime(epochMs: number): string {
  return formatIst(epochMs, 'yyyy-MM-dd HH:mm:ss');
}

/** Zod schema of a Kite timestamp string, read into epoch ms. */
export const KiteTimestampSchema = z.string().transform((text, ctx) => {
  const epoch = kiteTimeToEpoch(text);
  if (epoch === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be "YYYY-MM-DD HH:MM:SS" (IST) or ISO with an offset',
    });
    return z.NEVER;
  }
  return epoch;
});
