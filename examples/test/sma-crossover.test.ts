import { describe, expect, it } from 'vitest';
import { runBacktest, type BacktestResult } from '@pravah/backtest';
import { ValidationError, defaultMarket, type Bar } from '@pravah/sdk';
import { exampleStrategies, smaCrossover } from '../src/index.js';
import { NIFTY_INDEX, niftyMinutes, thrown } from './_data.js';

const CAPITAL = 1_000_000;
const MINUTE = 60_000;
const dayOf = (t: number): number => Math.floor((t + 19_800_000) / 86_400_000);

/**
 * A second, plain implementation of the crossover: SMA(fast) vs SMA(slow) of closes in integer
 * paise, a tie keeps the previous side, a cross is a change of side after the first untied
 * comparison; the order fills at the next bar's open unless the cross came on a session's last
 * bar (the DAY order expires with the session).
 */
function referenceEntries(
  bars: readonly Bar[],
  fast: number,
  slow: number,
): { time: number; signalClose: number }[] {
  const paise = bars.map((b) => Math.round(b.close * 100));
  const entries: { time: number; signalClose: number }[] = [];
  let sumFast = 0;
  let sumSlow = 0;
  let side = 0;
  let holding = false;
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
    if (!crossed || next === undefined || dayOf(next.time) !== dayOf(bars[i]!.time + MINUTE))
      continue;
    if (now > 0 && !holding) {
      entries.push({ time: next.time, signalClose: bars[i]!.close });
      holding = true;
    } else if (now < 0 && holding) holding = false;
  }
  return entries;
}

function statuses(result: BacktestResult): string[] {
  return [...new Set(result.orders.map((o) => o.status))].sort();
}

describe('sma-crossover on the embedded default market', () => {
  const market = defaultMarket();
  const bars = Array.from(market.bars());
  const run = (params?: unknown): BacktestResult =>
    runBacktest(smaCrossover, {
      feed: bars,
      instruments: market.instruments,
      capital: CAPITAL,
      params,
    });

  it('trades the three stocks long/flat with all the cash and never over-commits it', () => {
    const result = run();
    expect(result.trades.length).toBe(882);
    const perInstrument = Object.fromEntries(
      ['NSE:SYNBANK', 'NSE:SYNPOWER', 'NSE:SYNTECH'].map((id) => [
        id,
        result.trades.filter((t) => t.instrument === id).length,
      ]),
    );
    expect(perInstrument).toEqual({ 'NSE:SYNBANK': 253, 'NSE:SYNPOWER': 425, 'NSE:SYNTECH': 204 });
    // NIFTY futures (lot 75 × ~23,600 > capital) are sized to zero lots and never ordered.
    expect(result.orders.some((o) => o.instrument.startsWith('NFO:'))).toBe(false);
    expect(result.trades.every((t) => t.side === 'long' && t.product === 'CNC')).toBe(true);
    // Two entries in one bar never both get the cash: nothing is rejected for funds.
    expect(statuses(result)).toEqual(['EXPIRED', 'FILLED']);
    // The first entry takes all the capital at the signal bar's close.
    const first = result.orders[0]!;
    const signalBar = bars.find(
      (b) => b.instrument === first.instrument && b.time + MINUTE === Date.parse(first.createdAt),
    )!;
    expect(first.side).toBe('BUY');
    expect(first.quantity).toBe(Math.floor(CAPITAL / signalBar.close));
  });

  it('trades a fixed quantity when one is given, rounded to lots', () => {
    const result = run({ quantity: 10 });
    expect(result.trades.length).toBeGreaterThan(800);
    expect(result.trades.every((t) => t.quantity === 10)).toBe(true);
    expect(result.orders.every((o) => o.quantity === 10)).toBe(true);
  });

  it('validates its parameters, naming the one at fault', () => {
    expect(smaCrossover.parseParams({})).toEqual({ fast: 10, slow: 30 });
    expect(() => smaCrossover.parseParams({ fast: 30, slow: 10 })).toThrow(ValidationError);
    const error = thrown(() => smaCrossover.parseParams({ quantity: 2.5 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('quantity');
    expect(exampleStrategies['sma-crossover']).toBe(smaCrossover);
  });
});

describe('sma-crossover on the NIFTY 1-minute files (2021-01 .. 2023-01)', () => {
  it('enters exactly where a plain-loop reference does, each time with all the cash', () => {
    const bars = niftyMinutes();
    expect(bars.length).toBe(192_900); // 194,423 rows less pre-open and post-close minutes
    const result = runBacktest(smaCrossover, {
      feed: bars,
      instruments: [NIFTY_INDEX],
      capital: CAPITAL,
    });
    const reference = referenceEntries(bars, 10, 30);
    expect(reference.length).toBe(3_633);
    // The last entry is still held when the data ends.
    expect(result.trades.length).toBe(3_632);
    expect(result.openPositions).toEqual([
      expect.objectContaining({ instrument: 'NSE:NIFTY 50', product: 'CNC' }),
    ]);
    let cash = CAPITAL;
    result.trades.forEach((trade, i) => {
      const expected = reference[i]!;
      expect(Date.parse(trade.entryTime)).toBe(expected.time);
      // All-in: the cash after the previous round trips, divided by the signal bar's close.
      expect(trade.quantity).toBe(Math.floor(cash / expected.signalClose));
      cash += trade.pnl;
    });
    const open = result.openPositions[0]!;
    const marked = cash + open.quantity * (open.lastPrice - open.averagePrice);
    expect(result.metrics.finalEquity).toBeCloseTo(marked, 2);
    expect(result.metrics.finalEquity).toBe(1_330_349);
  });
});
