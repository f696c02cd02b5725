const IST_OFFSET_MS = 19_800_000; // +05:30, no daylight saving
const DAY_MS = 86_400_000;

let lastDay = Number.NaN;
let lastDate = '';

/**
 * IST calendar date `YYYY-MM-DD` of an epoch-ms instant (IST is a fixed UTC+05:30). Allocates
 * only when the day changes (the last day is remembered), using Howard Hinnant's days-to-civil.
 */
export function istDate(epochMs: number): string {
  const day = Math.floor((epochMs + IST_OFFSET_MS) / DAY_MS);
  if (day === lastDay) return lastDate;
  lastDay = day;
  lastDate = civilFromDays(day);
  return lastDate;
}

function civilFromDays(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
