import { istIso } from './fake-upstox-wire.js';

/** One v3 candle request as the fake parsed it from the path. */
export interface FakeCandleRequest {
  readonly instrumentKey: string;
  readonly unit: string;
  readonly interval: number;
  /** Inclusive IST dates; both undefined for intraday (today). */
  readonly fromDate: string;
  readonly toDate: string;
  readonly intraday: boolean;
}

/** `[time, open, high, low, close, volume, oi]`. */
export type FakeCandle = [string, number, number, number, number, number, number];

const IST_OFFSET_MS = 19_800_000;
const DAY_MS = 86_400_000;
const UNIT_MS: Readonly<Record<string, number>> = { minutes: 60_000, hours: 3_600_000 };
const MAX_INTERVAL: Readonly<Record<string, number>> = {
  minutes: 300,
  hours: 5,
  days: 1,
  weeks: 1,
  months: 1,
};

function istMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00+05:30`);
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * Why a v3 candle request is refused (UDOC v3 limits: minutes 1-15 one month, above 15 and
 * hours one quarter, days one decade), or undefined when it is fine.
 */
export function candleRequestProblem(r: FakeCandleRequest): string | undefined {
  const max = MAX_INTERVAL[r.unit];
  if (max === undefined) return `unit ${r.unit} is not one of minutes, hours, days, weeks, months`;
  if (!Number.isInteger(r.interval) || r.interval < 1 || r.interval > max) {
    return `interval ${r.interval} is outside 1..${max} for ${r.unit}`;
  }
  if (r.intraday)
    return r.unit === 'weeks' || r.unit === 'months' ? 'intraday has no ' + r.unit : undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r.fromDate) || !/^\d{4}-\d{2}-\d{2}$/.test(r.toDate)) {
    return 'dates must be YYYY-MM-DD';
  }
  if (r.fromDate > r.toDate) return 'from_date is after to_date';
  const months =
    r.unit === 'minutes' && r.interval <= 15
      ? 1
      : r.unit === 'minutes' || r.unit === 'hours'
        ? 3
        : r.unit === 'days'
          ? 120
          : Infinity;
  if (months !== Infinity && r.toDate > addMonths(r.fromDate, months)) {
    return `the range exceeds ${months === 1 ? '1 month' : months === 3 ? '1 quarter' : '1 decade'} for ${r.interval} ${r.unit}`;
  }
  return undefined;
}

/** Deterministic price path: a function of instrument and time only. */
function candleAt(instrumentKey: string, time: number): FakeCandle {
  let seed = 0;
  for (let i = 0; i < instrumentKey.length; i++)
    seed = (seed * 31 + instrumentKey.charCodeAt(i)) % 997;
  const step = Math.floor(time / 60_000);
  const open = 1000 + seed + (step % 50) * 0.5;
  return [istIso(time), open, open + 2, open - 1.5, open + 0.5, 1000 + (step % 100), 0];
}

/**
 * Synthetic candles for a request, NEWEST FIRST as Upstox returns them: session bars 09:15 to
 * 15:30 IST on weekdays for minutes and hours, one bar per weekday for days. Historical requests
 * never include `today` (that is what the intraday endpoint is for).
 */
export function fakeCandles(r: FakeCandleRequest, today: string, now: number): FakeCandle[] {
  const fromDate = r.intraday ? today : r.fromDate;
  const toDate = r.intraday ? today : r.toDate < today ? r.toDate : previousDay(today);
  const out: FakeCandle[] = [];
  for (let day = istMidnight(fromDate); day <= istMidnight(toDate); day += DAY_MS) {
    const weekday = new Date(day + IST_OFFSET_MS).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const unitMs = UNIT_MS[r.unit];
    if (unitMs === undefined) {
      if (!r.intraday || day <= now) out.push(candleAt(r.instrumentKey, day));
      continue;
    }
    const step = unitMs * r.interval;
    const open = day + 555 * 60_000; // 09:15
    const close = day + 930 * 60_000; // 15:30
    for (let t = open; t < close; t += step) {
      if (r.intraday && t + step > now) break;
      out.push(candleAt(r.instrumentKey, t));
    }
  }
  return out.reverse();
}

function previousDay(date: string): string {
  return new Date(istMidnight(date) - DAY_MS + IST_OFFSET_MS).toISOString().slice(0, 10);
}
