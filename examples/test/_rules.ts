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
