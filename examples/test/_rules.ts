import type { BacktestResult, OrderJson } from '@pravah/backtest';
import type { Bar } from '@pravah/sdk';

const IST_OFFSET_MS = 19_800_000;
const DAY_MS = 86_400_000;

/** Entry orders of a result: orders that open a position (their reason says `open`). */
export function entryOrders(result: BacktestResult): OrderJson[] {
  return result.orders.filter((o) => / open (BUY|SELL) \d+/.test(o.reason));
}

/** The bar of `instrument` whose close produced an order created at `createdAt` (1-minute bars). */
export function signalBar(bars: readonly Bar[], instrument: string, createdAt: string): Bar {
  const known = Date.parse(createdAt);
  const bar = bars.find((b) => b.instrument === instrument && b.time + 60_000 === known);
  if (bar === undefined) throw new Error(`no bar of ${instrument} known at ${createdAt}`);
  return bar;
}

/**
 * Session VWAP at `bar` and the mean volume of the `period` bars before it, recomputed plainly
 * from the instrument's bars (typical price (h + l + c) / 3).
 */
export function vwapAndVolume(
  bars: readonly Bar[],
  bar: Bar,
  period: number,
): { vwap: number; averageVolume: number } {
  const own = bars.filter((b) => b.instrument === bar.instrument && b.time <= bar.time);
  const day = Math.floor((bar.time + IST_OFFSET_MS) / DAY_MS);
  let pv = 0;
  let volume = 0;
  for (const b of own) {
    if (Math.floor((b.time + IST_OFFSET_MS) / DAY_MS) !== day) continue;
    pv += ((b.high + b.low + b.close) / 3) * b.volume;
    volume += b.volume;
  }
  const before = own.slice(-period - 1, -1);
  return {
    vwap: pv / volume,
    averageVolume: before.reduce((s, b) => s + b.volume, 0) / before.length,
  };
}

/** Plain Wilder ATR(period) after every bar of one instrument (undefined while warming up). */
export function wilderAtr(bars: readonly Bar[], period: number): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  let average = 0;
  for (let i = 0; i < bars.length; i++) {
    const b = bars[i]!;
    const previous = bars[i - 1];
    const tr =
      previous === undefined
        ? b.high - b.low
        : Math.max(
            b.high - b.low,
            Math.abs(b.high - previous.close),
            Math.abs(b.low - previous.close),
          );
    if (i < period) {
      average += tr;
      if (i === period - 1) average /= period;
      out.push(i === period - 1 ? average : undefined);
    } else {
      average = (average * (period - 1) + tr) / period;
      out.push(average);
    }
  }
  return out;
}

/** IST date `YYYY-MM-DD` of epoch ms. */
export const istDay = (time: number): string =>
  new Date(time + IST_OFFSET_MS).toISOString().slice(0, 10);

/** IST `HH:MM` of epoch ms. */
export const istHhmm = (time: number): string =>
  new Date(time + IST_OFFSET_MS).toISOString().slice(11, 16);

/** One session's opening range of one instrument and the ATR at its end. */
export interface OpeningRange {
  readonly high: number;
  readonly low: number;
  readonly atr: number | undefined;
}

/** Opening ranges (first `minutes` from 09:15) per `instrument|date`, with Wilder ATR(14) as of the range's last bar. */
export function openingRanges(bars: readonly Bar[], minutes: number): Map<string, OpeningRange> {
  const ranges = new Map<string, OpeningRange>();
  const byInstrument = new Map<string, Bar[]>();
  for (const bar of bars) {
    let list = byInstrument.get(bar.instrument);
    if (list === undefined) byInstrument.set(bar.instrument, (list = []));
    list.push(bar);
  }
  const end = `${String(Math.floor((555 + minutes) / 60)).padStart(2, '0')}:${String((555 + minutes) % 60).padStart(2, '0')}`;
  for (const [instrument, list] of byInstrument) {
    const atr = wilderAtr(list, 14);
    list.forEach((bar, i) => {
      const clock = istHhmm(bar.time);
      if (clock >= end) return;
      const key = `${instrument}|${istDay(bar.time)}`;
      const range = ranges.get(key);
      ranges.set(key, {
        high: Math.max(range?.high ?? -Infinity, bar.high),
        low: Math.min(range?.low ?? Infinity, bar.low),
        atr: atr[i],
      });
    });
  }
  return ranges;
}
