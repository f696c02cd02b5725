/** IST is UTC+05:30 all year (India has no daylight saving), so a fixed offset is exact. */
const IST_OFFSET_MS = 19_800_000;
const DAY_MS = 86_400_000;

/** Number of the IST calendar day containing `time` (epoch ms), counted from 1970-01-01 IST. */
export function istDayKey(time: number): number {
  return Math.floor((time + IST_OFFSET_MS) / DAY_MS);
}

/**
 * Number of the IST week (Monday to Sunday) containing `time`. Day 0 (1970-01-01) was a
 * Thursday, so shifting by 3 days makes every block of seven start on a Monday.
 */
export function istWeekKey(time: number): number {
  return Math.floor((istDayKey(time) + 3) / 7);
}
