const IST_MS = 19_800_000;
const DAY_MS = 86_400_000;

const INTERVAL_MINUTES: Readonly<Record<string, number>> = {
  ONE_MINUTE: 1,
  THREE_MINUTE: 3,
  FIVE_MINUTE: 5,
  TEN_MINUTE: 10,
  FIFTEEN_MINUTE: 15,
  THIRTY_MINUTE: 30,
  ONE_HOUR: 60,
  ONE_DAY: 1440,
};

/** Documented maximum days per request (BROKERS.md §3.2). */
export const FAKE_INTERVAL_MAX_DAYS: Readonly<Record<string, number>> = {
  ONE_MINUTE: 30,
  THREE_MINUTE: 60,
  FIVE_MINUTE: 100,
  TEN_MINUTE: 100,
  FIFTEEN_MINUTE: 200,
  THIRTY_MINUTE: 200,
  ONE_HOUR: 400,
  ONE_DAY: 2000,
};

/** Epoch ms of `yyyy-MM-dd HH:mm` IST, or NaN. */
export function fakeParseCandleDate(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (m === null) return Number.NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) - IST_MS;
}

/** `2023-09-06T11:15:00+05:30`. */
function isoIst(epochMs: number): string {
  return `${new Date(epochMs + IST_MS).toISOString().slice(0, 19)}+05:30`;
}

/** A deterministic price path so tests can recompute any candle. */
export function fakeCandlePrice(epochMs: number): number {
  const minute = Math.floor(epochMs / 60_000);
  return 500 + (minute % 997) / 10;
}

/**
 * Candles of `interval` whose open time lies in `[from, to]` (both inclusive, as SmartAPI
 * treats `fromdate`/`todate`), weekdays only, 09:15-15:30 IST sessions; daily candles stamped
 * at IST midnight.
 */
export function fakeCandles(interval: string, from: number, to: number): unknown[][] {
  const minutes = INTERVAL_MINUTES[interval];
  if (minutes === undefined) return [];
  const rows: unknown[][] = [];
  const firstDay = Math.floor((from + IST_MS) / DAY_MS) * DAY_MS - IST_MS;
  for (let day = firstDay; day <= to; day += DAY_MS) {
    const weekday = new Date(day + IST_MS).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const times: number[] = [];
    if (minutes === 1440) times.push(day);
    else {
      const open = day + (9 * 60 + 15) * 60_000;
      for (let t = open; t < day + (15 * 60 + 30) * 60_000; t += minutes * 60_000) times.push(t);
    }
    for (const t of times) {
      if (t < from || t > to) continue;
      const o = fakeCandlePrice(t);
      const c = fakeCandlePrice(t + minutes * 60_000 - 60_000);
      rows.push([
        isoIst(t),
        o,
        Math.max(o, c) + 0.5,
        Math.min(o, c) - 0.5,
        c,
        1000 + ((t / 60_000) % 100),
      ]);
    }
  }
  return rows;
}
