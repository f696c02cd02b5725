import { daysInMonth, daysFromCivil } from './civil-days.js';
import { IST_OFFSET_MS, MS_PER_DAY } from './constants.js';
import { TimeInputError } from './time-input-error.js';

// 'YYYY-MM-DD', optionally followed by ' ' or 'T' and 'HH:mm', ':ss' and '.SSS'.
const NAIVE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * Reads a timestamp without an offset as IST wall-clock time and returns epoch ms. Accepts
 * `YYYY-MM-DD`, `YYYY-MM-DD HH:mm`, `YYYY-MM-DDTHH:mm:ss` and `...ss.SSS`; anything else, or
 * an impossible date/time, throws a {@link TimeInputError}.
 *
 * @example
 * ```ts
 * parseIstNaive('2021-01-01 09:15'); // Date.UTC(2021, 0, 1, 3, 45)
 * parseIstNaive('2021-01-01');       // 00:00 IST
 * ```
 */
export function parseIstNaive(text: string): number {
  const m = typeof text === 'string' ? NAIVE.exec(text) : null;
  if (m === null) {
    throw new TimeInputError('timestamp', text, 'YYYY-MM-DD[ HH:mm[:ss[.SSS]]] (IST)');
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millisecond = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new TimeInputError('timestamp', text, 'an existing IST date and time');
  }
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    millisecond -
    IST_OFFSET_MS
  );
}
