import { istDayStart } from '@pravah/sdk';
import type { KiteInterval } from '../../kite/mapping/kite-enums.js';
import { epochToKiteTime } from '../../kite/wire/kite-time.js';

const MINUTES: Readonly<Record<KiteInterval, number>> = {
  minute: 1,
  '3minute': 3,
  '5minute': 5,
  '10minute': 10,
  '15minute': 15,
  '30minute': 30,
  '60minute': 60,
  day: 1440,
};

const SESSION_OPEN_MS = (9 * 60 + 15) * 60_000;
const SESSION_CLOSE_MS = (15 * 60 + 30) * 60_000;
const DAY_MS = 86_400_000;

/** Candle times of an interval in `[from, to]`: session steps from 09:15 IST on weekdays. */
function candleTimes(interval: KiteInterval, from: number, to: number): number[] {
  const times: number[] = [];
  const step = MINUTES[interval] * 60_000;
  for (let day = istDayStart(from); day <= to; day += DAY_MS) {
    // 1970-01-01 was a Thursday: (days + 4) % 7 gives 0 for Sunday, 6 for Saturday.
    const weekday = (Math.floor((day + 19_800_000) / DAY_MS) + 4) % 7;
    if (weekday === 0 || weekday === 6) continue;
    if (interval === 'day') {
      if (day >= from && day <= to) times.push(day);
      continue;
    }
    for (let t = day + SESSION_OPEN_MS; t < day + SESSION_CLOSE_MS; t += step) {
      if (t >= from && t <= to) times.push(t);
    }
  }
  return times;
}

function priceAt(time: number): number {
  return Math.round((1000 + 50 * Math.sin(time / 3_600_000 / 7)) * 20) / 20;
}

/**
 * Deterministic synthetic candles in Kite's wire shape (`["2024-01-01T09:15:00+0530", o, h, l,
 * c, v(, oi)]`), one per interval step of the IST session (or per weekday for `day`) inside
 * `[from, to]`: the same request always gets the same candles.
 *
 * @example
 * ```ts
 * fakeKiteCandles('minute', from, to, false)[0]; // ['2024-01-01T09:15:00+0530', ...]
 * ```
 */
export function fakeKiteCandles(
  interval: KiteInterval,
  from: number,
  to: number,
  withOi: boolean,
): (string | number)[][] {
  const step = MINUTES[interval] * 60_000;
  return candleTimes(interval, from, to).map((time) => {
    const open = priceAt(time);
    const close = priceAt(time + step);
    const candle: (string | number)[] = [
      `${epochToKiteTime(time).replace(' ', 'T')}+0530`,
      open,
      Math.max(open, close) + 0.5,
      Math.min(open, close) - 0.5,
      close,
      1000 + ((time / 60_000) % 500),
    ];
    if (withOi) candle.push(100_000 + ((time / 60_000) % 1000));
    return candle;
  });
}

/** The interval names the fake accepts. */
export function isKiteInterval(value: string): value is KiteInterval {
  return value in MINUTES;
}
