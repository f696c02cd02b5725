import { isValidDate } from './ist.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function iso(year: number, month: number, day: number): string | undefined {
  if (!isValidDate(year, month, day)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `dd/mm/yyyy` (NSE F&O files) as `YYYY-MM-DD`, or undefined. */
export function isoFromDayMonthYear(text: string): string | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return m ? iso(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
}

/** `dd-Mon-yyyy` (NSE equity bhavcopy, e.g. `14-Nov-2025`) as `YYYY-MM-DD`, or undefined. */
export function isoFromDayMonthNameYear(text: string): string | undefined {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(text);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toUpperCase()) + 1;
  return month === 0 ? undefined : iso(Number(m[3]), month, Number(m[1]));
}

/** `YYYY-MM-DD` as is, when it is a real date. */
export function isoDate(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** Three-letter upper-case month of a `YYYY-MM-DD` date. */
export function monthName(isoDateText: string): string {
  return MONTHS[Number(isoDateText.slice(5, 7)) - 1]!;
}
