// IST arithmetic for the parsers' hot loops, built on the sdk's time module (one implementation
// of the civil-day algorithms). IST is a fixed UTC+05:30 with no DST, so a naive IST date-time
// maps to epoch ms with integer arithmetic alone: no Date object per row.
import { daysFromCivil, daysInMonth } from '../../time/civil-days.js';
import { IST_OFFSET_MS, MS_PER_DAY, MS_PER_MINUTE } from '../../time/constants.js';
import {
  epochOfIstDayStart,
  isoDateOfDayNumber,
  istDayNumberOfEpoch,
} from '../../time/iso-date.js';

export { IST_OFFSET_MS, daysFromCivil, daysInMonth };
export const MINUTE_MS = MS_PER_MINUTE;
export const DAY_MS = MS_PER_DAY;
/** Epoch ms of the IST midnight that starts day number `day` (days since 1970-01-01 in IST). */
export const istDayStartMs = epochOfIstDayStart;
/** IST day number (days since 1970-01-01 counted in IST) of an epoch-ms instant. */
export const istDayNumber = istDayNumberOfEpoch;
/** `YYYY-MM-DD` of an IST day number. */
export const isoDateOfDay = isoDateOfDayNumber;

/** True when year/month/day form a real calendar date. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Milliseconds since IST midnight of an epoch-ms instant. */
export function istMsOfDay(epochMs: number): number {
  const shifted = epochMs + IST_OFFSET_MS;
  return shifted - Math.floor(shifted / DAY_MS) * DAY_MS;
}

/**
 * `YYYY-MM-DD HH:MM:SS` (plus `.mmm` when not whole seconds) in IST: the form parse reports and
 * errors use, close to how the files themselves write times.
 */
export function formatIst(epochMs: number): string {
  const ms = Math.floor(epochMs);
  const msOfDay = istMsOfDay(ms);
  const h = Math.floor(msOfDay / 3_600_000);
  const m = Math.floor(msOfDay / 60_000) % 60;
  const s = Math.floor(msOfDay / 1000) % 60;
  const frac = msOfDay % 1000;
  const base = `${isoDateOfDay(istDayNumber(ms))} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
  return frac === 0 ? base : `${base}.${String(frac).padStart(3, '0')}`;
}

/** `HH:MM` of minutes after midnight. */
export function formatMinuteOfDay(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
