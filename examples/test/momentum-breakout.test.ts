import { describe, expect, it } from 'vitest';
import { runBacktest, type BacktestResult } from '@pravah/backtest';
import { defaultMarket, type Bar } from '@pravah/sdk';
import { exampleStrategies, momentumBreakout } from '../src/index.js';
import { equity, invalidField, hhmm, mergeByKnownAt, stockMinutes2016 } from './_data.js';
import { entryOrders, istDay, openingRanges, signalBar } from './_rules.js';

const CAPITAL = 1_000_000;

/**
 * Every entry broke its own opening range by 0.25 ATR on the close, in a session whose range
 * measured 2..10 ATRs, after the range was complete; its stop leg sits on the far side of the
 * range and its target at twice that risk. Sessions outside the ATR filter were never traded.
 */
function expectBreakoutRule(
  result: BacktestResult,
  bars: readonly Bar[],
  minutes: 15 | 30,
  tickOf: (id: string) => number = () => 0.05,
): void {
  const ranges = openingRanges(bars, minutes);
  const entries = entryOrders(result);
  expect(entries.length).toBeGreaterThan(0);
  const traded = new Set<string>();
  for (const order of entries) {
    const bar = signalBar(bars, order.instrument, order.createdAt);
    const key = `${order.instrument}|${istDay(bar.time)}`;
    traded.add(key);
    const range = ranges.get(key)!;
    const atr = range.atr!;
    const width = (range.high - range.low) / atr;
    expect(width).toBeGreaterThanOrEqual(2);
    expect(width).toBeLessThanOrEqual(10);
    expect(hhmm(order.createdAt) > (minutes === 15 ? '09:30' : '09:45')).toBe(true);
    const stop = result.orders.find(
      (o) =>
        o.createdAt === order.createdAt &&
        o.instrument === order.instrument &&
        o.orderType === 'SL-M',
    )!;
    if (order.side === 'BUY') {
      expect(bar.close).toBeGreaterThan(range.high + 0.25 * atr);
      expect(stop.triggerPrice).toBeCloseTo(range.low, 6);
      expect(order.price).toBeCloseTo(bar.close + 5 * tickOf(order.instrument), 6); // LIMIT five ticks above the close
    } else {
      expect(bar.close).toBeLessThan(range.low - 0.25 * atr);
      expect(stop.triggerPrice).toBeCloseTo(range.high, 6);
      expect(order.price).toBeCloseTo(bar.close - 5 * tickOf(order.instrument), 6);
    }
  }
  const filteredOut = [...ranges].filter(
    ([, r]) =>
      r.atr !== undefined && ((r.high - r.low) / r.atr < 2 || (r.high - r.low) / r.atr > 10),
  );
  expect(filteredOut.length).toBeGreaterThan(0);
  for (const [key] of filteredOut) expect(traded.has(key)).toBe(false);
}

function expectIntradayAndCapped(result: BacktestResult): void {
  for (const trade of result.trades) {
    expect(trade.product).toBe('MIS');
    expect(trade.exitTime.slice(0, 10)).toBe(trade.entryTime.slice(0, 10));
    expect(hhmm(trade.exitTime) <= '15:15').toBe(true);
  }
  // Never more than a quarter of the account in one stock, priced at the LIMIT.
  const peak = Math.max(...result.equityCurve.map((p) => p.equity));
  for (const order of entryOrders(result))
    expect(order.quantity * order.price!).toBeLessThanOrEqual(0.25 * peak);
  expect(result.openPositions).toEqual([]);
  expect(result.orders.every((o) => o.status === 'FILLED' || o.status === 'CANCELLED')).toBe(true);
  expect(result.fills.some((f) => f.reason?.includes('auto square-off'))).toBe(false);
}

describe('momentum-breakout on the embedded default market', () => {
  const market = defaultMarket();
  const bars = Array.from(market.bars());
  const result = runBacktest(momentumBreakout, {
    feed: bars,
    instruments: market.instruments,
    capital: CAPITAL,
  });

  it('breaks out of 15-minute ranges that pass the ATR filter, on the stocks only', () => {
    expect(result.trades.length).toBe(181);
    expect(result.orders.some((o) => o.instrument.startsWith('NFO:'))).toBe(false);
    const ticks = new Map(market.instruments.map((i) => [i.id as string, i.tickSize]));
    expectBreakoutRule(
      result,
      bars.filter((b) => b.instrument.startsWith('NSE:')),
      15,
      (id) => ticks.get(id)!,
    );
  });

  it('risks 1% of equity to the stop on the first trade, flat by 15:15, never over a quarter of equity', () => {
    const first = entryOrders(result)[0]!;
    const bar = signalBar(bars, first.instrument, first.createdAt);
    const stop = result.orders.find(
      (o) => o.createdAt === first.createdAt && o.orderType === 'SL-M',
    )!.triggerPrice!;
    const byRisk = Math.floor((0.01 * CAPITAL) / Math.abs(bar.close - stop));
    const tick = market.instruments.find((i) => i.id === first.instrument)!.tickSize;
    const byCap = Math.floor((0.25 * CAPITAL) / (bar.close + 5 * tick));
    expect(first.quantity).toBe(Math.min(byRisk, byCap));
    expectIntradayAndCapped(result);
  });
});

describe('momentum-breakout on the 2016 NIFTY stocks (1-minute, 18 sessions)', () => {
  const symbols = [
    'AXISBANK',
    'BHARTIARTL',
    'HDFCBANK',
    'HINDUNILVR',
    'ICICIBANK',
    'INFY',
    'ITC',
    'KOTAKBANK',
    'LT',
    'RELIANCE',
    'TATAMOTORS',
  ];
  const bars = mergeByKnownAt(...symbols.map(stockMinutes2016));
  const instruments = symbols.map((symbol) => equity(symbol));

  it('trades 15-minute breakouts by the rule', () => {
    const result = runBacktest(momentumBreakout, { feed: bars, instruments, capital: CAPITAL });
    expect(result.trades.length).toBe(134);
    expectBreakoutRule(result, bars, 15);
    expectIntradayAndCapped(result);
  });

  it('trades 30-minute breakouts by the rule', () => {
    const result = runBacktest(momentumBreakout, {
      feed: bars,
      instruments,
      capital: CAPITAL,
      params: { rangeMinutes: 30 },
    });
    expect(result.trades.length).toBe(119);
    expectBreakoutRule(result, bars, 30);
    expectIntradayAndCapped(result);
  });
});

describe('momentum-breakout parameters', () => {
  it('names the parameter at fault', () => {
    expect(invalidField(() => momentumBreakout.parseParams({ rangeMinutes: 20 }))).toBe(
      'rangeMinutes',
    );
    expect(
      invalidField(() => momentumBreakout.parseParams({ minRangeAtr: 5, maxRangeAtr: 3 })),
    ).toBe('maxRangeAtr');
    expect(invalidField(() => momentumBreakout.parseParams({ squareOffAt: '15:30' }))).toBe(
      'squareOffAt',
    );
    expect(exampleStrategies['momentum-breakout']).toBe(momentumBreakout);
  });
});
