/** IST is UTC+05:30 with no daylight saving, so day and week keys are plain integer arithmetic. */
const IST_OFFSET_MS = 19_800_000;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 in IST. */
export function istDayNumber(time: number): number {
  return Math.floor((time + IST_OFFSET_MS) / DAY_MS);
}

/** IST Monday-to-Sunday week number (1970-01-01 was a Thursday, so shift by 3 days). */
export function istWeekNumber(time: number): number {
  return Math.floor((istDayNumber(time) + 3) / 7);
}

/** Minutes since IST midnight. */
export function istMinuteOfDay(time: number): number {
  return Math.floor(((time + IST_OFFSET_MS) % DAY_MS) / 60_000);
}

/** `YYYY-MM-DD` of an IST day number. */
export function istDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// The date part of the last day formatted: results format tens of thousands of times, most
// of them on a day already seen, so only a new day pays for a Date.
let cachedDay = Number.NaN;
let cachedDatePrefix = '';

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO 8601 with the +05:30 offset, e.g. `2024-01-02T09:15:00+05:30`. */
export function formatIstIso(time: number): string {
  // Truncated as `new Date(x)` truncates its argument, so the output is that of
  // `new Date(time + offset).toISOString().slice(0, 19)` exactly.
  const local = Math.trunc(time + IST_OFFSET_MS);
  const day = Math.floor(local / DAY_MS);
  if (day !== cachedDay) {
    // Throws a RangeError for a time no Date can hold, as toISOString does.
    const iso = new Date(day * DAY_MS).toISOString();
    // Years beyond 0000..9999 are written with six digits and a sign: not cached, as before.
    if (iso.length !== 24) return `${new Date(local).toISOString().slice(0, 19)}+05:30`;
    cachedDatePrefix = iso.slice(0, 11);
    cachedDay = day;
  }
  const seconds = Math.floor((local - day * DAY_MS) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds - h * 3600) / 60);
  const s = seconds - h * 3600 - m * 60;
  return `${cachedDatePrefix}${twoDigits(h)}:${twoDigits(m)}:${twoDigits(s)}+05:30`;
}
