import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  crossoverSignal,
  defineStrategy,
  fixedQuantity,
  marketExecution,
  Sma,
  type Bar,
} from '@pravah/sdk';
import { formatIstIso, runBacktest } from '../../src/index.js';
import { NIFTY_INDEX, loadNiftyBars } from '../_nifty.js';

const istDay = (t: number): number => Math.floor((t + 19_800_000) / 86_400_000);

interface RefTrade {
  entryTime: string;
  entryPrice: number;
  exitTime: string;
  exitPrice: number;
}

/**
 * A second, plain implementation: SMA(10) vs SMA(30) in exact integer paise, long/flat, the
 * signal on a bar's close, the fill at the next bar's open. A tie keeps the previous side; a
 * cross is a change of side after the first untied comparison. Orders are DAY orders, so a cross
 * on a session's last bar (its order created after the close) fills nothing.
 */
function referenceTrades(bars: readonly Bar[], fast: number, slow: number): RefTrade[] {
  const paise = bars.map((b) => Math.round(b.close * 100));
  const trades: RefTrade[] = [];
  let sumFast = 0;
  let sumSlow = 0;
  let side = 0;
  let entry: { time: number; price: number } | undefined;
  for (let i = 0; i < bars.length; i++) {
    sumFast += paise[i]!;
    sumSlow += paise[i]!;
    if (i >= fast) sumFast -= paise[i - fast]!;
    if (i >= slow) sumSlow -= paise[i - slow]!;
    if (i < slow - 1) continue;
    const diff = sumFast * slow - sumSlow * fast;
    const now = diff > 0 ? 1 : diff < 0 ? -1 : side;
    const crossed = side !== 0 && now !== side;
    side = now;
    const next = bars[i + 1];
    if (!crossed || !next) continue;
    // A DAY market order created after the session's last bar expires with the session: no fill.
    if (istDay(next.time) !== istDay(bars[i]!.time + 60_000)) continue;
    if (now > 0 && !entry) entry = { time: next.time, price: next.open };
    else if (now < 0 && entry) {
      trades.push({
        entryTime: formatIstIso(entry.time),
        entryPrice: entry.price,
        exitTime: formatIstIso(next.time),
        exitPrice: next.open,
      });
      entry = undefined;
    }
  }
  return trades;
}

describe('SMA(10/30) on NIFTY 1-minute against a plain-loop reference', () => {
  it('produces exactly the reference trades (194,423 real bars, no costs, next-bar-open fills)', () => {
    const bars = loadNiftyBars();
    expect(bars).toHaveLength(194_423);
    const strategy = defineStrategy({
      name: 'sma-reference',
      params: z.object({}),
      universe: [NIFTY_INDEX.id],
      timeframes: ['1m'],
      signal: crossoverSignal({ fast: () => new Sma(10), slow: () => new Sma(30) }),
      sizer: fixedQuantity({ quantity: 50, product: 'CNC' }),
      execution: marketExecution(),
    });
    const result = runBacktest(strategy, {
      feed: bars,
      instruments: [NIFTY_INDEX],
      capital: 10_000_000,
      misCutoffs: false,
    });
    const expected = referenceTrades(bars, 10, 30);
    expect(expected.length).toBe(3_664);
    const actual = result.trades.map((t) => ({
      entryTime: t.entryTime,
      entryPrice: t.entryPrice,
      exitTime: t.exitTime,
      exitPrice: t.exitPrice,
    }));
    expect(actual.length).toBe(expected.length);
    expect(actual).toEqual(expected);
    // Orders created after a session's last bar expired with the session, as DAY orders must.
    const statuses = new Set(result.orders.map((o) => o.status));
    expect([...statuses].sort()).toEqual(['EXPIRED', 'FILLED']);
    for (const o of result.orders.filter((x) => x.status === 'EXPIRED')) {
      expect(o.createdAt.slice(11, 16) >= '15:30').toBe(true);
    }
  }, 120_000);
});
