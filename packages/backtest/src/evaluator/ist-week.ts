const IST_OFFSET_MS = 19_800_000;
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the Monday starting the IST week that contains `time`. */
export function istWeekStartKey(time: number): string {
  const day = Math.floor((time + IST_OFFSET_MS) / DAY_MS);
  // 1970-01-01 (day 0) was a Thursday: Monday-based weekday = (day + 3) mod 7.
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  return new Date(monday * DAY_MS).toISOString().slice(0, 10);
}
