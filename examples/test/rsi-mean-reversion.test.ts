import { describe, expect, it } from 'vitest';
import { runBacktest, type BacktestResult, type FeeFunction } from '@pravah/backtest';
import { fillCharger, zerodha } from '@pravah/costs-in';
import { defaultMarket, resampleBars, syntheticMarket, type Bar } from '@pravah/sdk';
import { exampleStrategies, rsiMeanReversion } from '../src/index.js';
import {
  dailyBars,
  dailyFiles,
  dailySymbol,
  equity,
  invalidField,
  mergeByKnownAt,
} from './_data.js';

const CAPITAL = 1_000_000;
const DAY = 86_400_000;

/** Plain Wilder RSI(14) after each close (undefined for the first 14). */
function rsi(closes: readonly number[], period = 14): (number | undefined)[] {
  const out: (number | undefined)[] = [undefined];
  let gain = 0;
  let loss = 0;
  for (let i = 1; i < closes.length; i++) {
    const change = closes[i]! - closes[i - 1]!;
    const up = Math.max(change, 0);
    const down = Math.max(-change, 0);
    if (i <= period) {
      gain += up / period;
      loss += down / period;
      out.push(i === period ? 100 - 100 / (1 + gain / loss) : undefined);
    } else {
      gain = (gain * (period - 1) + up) / period;
      loss = (loss * (period - 1) + down) / period;
      out.push(100 - 100 / (1 + gain / loss));
    }
  }
  return out;
}

/** The decisions a plain long/flat loop takes on each stock: `instrument|barTime` → long/flat. */
function referenceDecisions(daily: readonly Bar[]): Map<string, 'long' | 'flat'> {
  const decisions = new Map<string, 'long' | 'flat'>();
  for (const id of new Set(daily.map((b) => b.instrument))) {
    const own = daily.filter((b) => b.instrument === id);
    let long = false;
    rsi(own.map((b) => b.close)).forEach((value, i) => {
      if (value === undefined) return;
      if (long && value > 50) {
        long = false;
        decisions.set(`${id}|${own[i]!.time}`, 'flat');
      } else if (!long && value < 30) {
        long = true;
        decisions.set(`${id}|${own[i]!.time}`, 'long');
      }
    });
  }
  return decisions;
}

/**
 * Every order follows a reference decision on the bar it was decided after (`signalTime` maps an
 * order's creation time to that bar's time): entries are LIMIT IOC at that bar's close and fill
 * no higher, exits MARKET IOC. Returns how many entry decisions there were.
 */
function expectOrdersFollowRsi(
  result: BacktestResult,
  daily: readonly Bar[],
  signalTime: (createdAt: number) => number,
): number {
  const decisions = referenceDecisions(daily);
  const closes = new Map(daily.map((b) => [`${b.instrument}|${b.time}`, b.close]));
  for (const order of result.orders) {
    const key = `${order.instrument}|${signalTime(Date.parse(order.createdAt))}`;
    if (order.side === 'BUY') {
      expect(decisions.get(key)).toBe('long');
      expect([order.orderType, order.validity, order.price]).toEqual([
        'LIMIT',
        'IOC',
        closes.get(key),
      ]);
    } else {
      expect(decisions.get(key)).toBe('flat');
      expect([order.orderType, order.validity]).toEqual(['MARKET', 'IOC']);
    }
  }
  for (const trade of result.trades) {
    const fill = result.fills.find(
      (f) => f.side === 'BUY' && f.instrument === trade.instrument && f.time === trade.entryTime,
    )!;
    const entry = result.orders.find((o) => o.id === fill.orderId)!;
    expect(trade.entryPrice).toBeLessThanOrEqual(entry.price!);
    expect([trade.side, trade.product]).toEqual(['long', 'CNC']);
  }
  return [...decisions.values()].filter((d) => d === 'long').length;
}

describe('rsi-mean-reversion on the 50 NIFTY constituents, daily 2020-10 .. 2025-09', () => {
  const files = dailyFiles();
  const daily = mergeByKnownAt(...files.map(dailyBars));
  // Zerodha's rate schedules start on 2021-04-01: earlier fills are charged at that day's rates.
  const charge = fillCharger({ plan: zerodha() });
  const firstScheduled = Date.UTC(2021, 3, 1, 4);
  const fees: FeeFunction = (fill, instrument) =>
    charge(fill.time < firstScheduled ? { ...fill, time: firstScheduled } : fill, instrument);
  const result = runBacktest(rsiMeanReversion, {
    feed: daily,
    // Split- and bonus-adjusted prices carry paise off the 0.05 grid: a 0.01 tick keeps them valid.
    instruments: files.map((f) => equity(dailySymbol(f), 0.01)),
    capital: CAPITAL,
    fees,
  });

  it('buys daily RSI(14) < 30 and sells RSI > 50, across the constituents', () => {
    expect(files.length).toBe(50);
    expect(daily.length).toBe(61_135);
    expect(result.trades.length).toBe(205);
    expect(new Set(result.trades.map((t) => t.instrument)).size).toBe(49);
    // A daily bar (IST midnight) becomes known a day later: that is when the order is created.
    const entryDecisions = expectOrdersFollowRsi(result, daily, (created) => created - DAY);
    // Every entry decision became an order except those that found the ten slots full.
    expect(entryDecisions).toBe(295);
    const buys = result.orders.filter((o) => o.side === 'BUY');
    expect(buys.length).toBe(253);
    // The rest were IOC limits the next session never traded down to.
    const filled = buys.filter((o) => o.status === 'FILLED').length;
    expect(filled).toBe(result.trades.length + result.openPositions.length);
    expect(buys.every((o) => o.status === 'FILLED' || o.status === 'CANCELLED')).toBe(true);
  });

  it('puts at most 10% of equity into each position and pays delivery charges', () => {
    const peak = Math.max(...result.equityCurve.map((p) => p.equity));
    for (const order of result.orders.filter((o) => o.side === 'BUY')) {
      expect(order.quantity * order.price!).toBeLessThanOrEqual(0.1 * peak);
    }
    expect(result.metrics.totalCharges).toBeGreaterThan(0);
    expect(result.chargesByComponent.stt).toBeGreaterThan(0);
    expect(result.metrics.finalEquity).toBe(1_185_631.16);
  });
});

describe('rsi-mean-reversion on embedded data', () => {
  it('runs on synthetic daily bars (two years, three stocks and index futures)', () => {
    const market = syntheticMarket({
      seed: 42,
      from: '2024-01-01',
      to: '2025-12-31',
      timeframe: '1d',
    });
    const daily = Array.from(market.bars());
    const result = runBacktest(rsiMeanReversion, {
      feed: daily,
      instruments: market.instruments,
      capital: CAPITAL,
    });
    expect(result.trades.length).toBe(8);
    expect(result.orders.some((o) => o.instrument.startsWith('NFO:'))).toBe(false);
    expectOrdersFollowRsi(
      result,
      daily.filter((b) => b.instrument.startsWith('NSE:')),
      (created) => created - DAY,
    );
  });

  it('resamples the default 1-minute market to sessions, deciding at 15:30 and filling at the next open', () => {
    const market = defaultMarket();
    const minutes = Array.from(market.bars());
    const result = runBacktest(rsiMeanReversion, {
      feed: minutes,
      instruments: market.instruments,
      capital: CAPITAL,
    });
    expect(result.trades.length).toBe(2);
    const daily = resampleBars(
      minutes.filter((b) => b.instrument.startsWith('NSE:')),
      '1d',
    );
    // Decided when the session's last minute is known (15:30 IST); the daily bar is labelled at IST midnight.
    expectOrdersFollowRsi(result, daily, (created) => created - (15 * 60 + 30) * 60_000);
    for (const order of result.orders) expect(order.createdAt.slice(11, 16)).toBe('15:30');
    for (const trade of result.trades) {
      expect(trade.entryTime.slice(11, 16)).toBe('09:15');
      expect(trade.exitTime.slice(11, 16)).toBe('09:15');
    }
  });
});

describe('rsi-mean-reversion parameters', () => {
  it('names the parameter at fault', () => {
    expect(
      invalidField(() => rsiMeanReversion.parseParams({ entryBelow: 60, exitAbove: 50 })),
    ).toBe('exitAbove');
    expect(invalidField(() => rsiMeanReversion.parseParams({ rsiPeriod: 1 }))).toBe('rsiPeriod');
    expect(exampleStrategies['rsi-mean-reversion']).toBe(rsiMeanReversion);
  });
});
