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

/** ISO 8601 with the +05:30 offset, e.g. `2024-01-02T09:15:00+05:30`. */
export function formatIstIso(time: number): string {
  return `${new Date(time + IST_OFFSET_MS).toISOString().slice(0, 19)}+05:30`;
}
