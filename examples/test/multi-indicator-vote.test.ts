import { describe, expect, it } from 'vitest';
import { runBacktest, type BacktestResult } from '@pravah/backtest';
import { defaultMarket, resampleBars, type Bar, type Timeframe } from '@pravah/sdk';
import { exampleStrategies, multiIndicatorVote } from '../src/index.js';
import { equity, invalidField, hhmm, mergeByKnownAt, stockMinutes2016 } from './_data.js';
import { entryOrders, wilderAtr } from './_rules.js';

const CAPITAL = 1_000_000;
const MS: Record<string, number> = { '5m': 300_000, '15m': 900_000 };

/**
 * Every entry: a long vote of at least 60% of the weight, before 14:45, on a completed bar of the
 * vote's timeframe, LIMIT at that bar's close, with its stop leg two ATR(14) of those bars below.
 */
function expectVoteEntries(
  result: BacktestResult,
  minutes: readonly Bar[],
  timeframe: Timeframe,
  tick: (id: string) => number,
): void {
  const bars = resampleBars(minutes, timeframe);
  const atrAt = new Map<string, number | undefined>();
  for (const id of new Set(bars.map((b) => b.instrument))) {
    const own = bars.filter((b) => b.instrument === id);
    wilderAtr(own, 14).forEach((atr, i) => atrAt.set(`${id}|${own[i]!.time}`, atr));
  }
  const entries = entryOrders(result);
  expect(entries.length).toBeGreaterThan(0);
  for (const order of entries) {
    expect(order.side).toBe('BUY');
    const [, score] = /^multi-indicator-vote: long ([\d.]+) >= 0\.6 /.exec(order.reason) ?? [];
    expect(Number(score)).toBeGreaterThanOrEqual(0.6);
    expect(hhmm(order.createdAt) < '14:45').toBe(true);
    const start = Date.parse(order.createdAt) - MS[timeframe]!;
    const bar = bars.find((b) => b.instrument === order.instrument && b.time === start)!;
    expect([order.orderType, order.price]).toEqual(['LIMIT', bar.close]);
    const atr = atrAt.get(`${order.instrument}|${start}`)!;
    const stop = result.orders.find(
      (o) =>
        o.createdAt === order.createdAt &&
        o.instrument === order.instrument &&
        o.orderType === 'SL-M',
    )!;
    expect(Math.abs(stop.triggerPrice! - (bar.close - 2 * atr))).toBeLessThan(
      tick(order.instrument),
    );
  }
}

function expectIntraday(result: BacktestResult): void {
  for (const trade of result.trades) {
    expect(trade.product).toBe('MIS');
    expect(trade.side).toBe('long');
    expect(hhmm(trade.exitTime) <= '15:15').toBe(true);
  }
  expect(result.openPositions).toEqual([]);
  expect(result.orders.every((o) => o.status === 'FILLED' || o.status === 'CANCELLED')).toBe(true);
}

describe('multi-indicator-vote on the embedded default market', () => {
  const market = defaultMarket();
  const bars = Array.from(market.bars());
  const stocks = bars.filter((b) => b.instrument.startsWith('NSE:'));
  const ticks = new Map(market.instruments.map((i) => [i.id as string, i.tickSize]));
  const run = (params?: unknown): BacktestResult =>
    runBacktest(multiIndicatorVote, {
      feed: bars,
      instruments: market.instruments,
      capital: CAPITAL,
      params,
    });

  it('enters on a 60% vote of 15-minute bars with a 2-ATR stop, flat by 15:15', () => {
    const result = run();
    expect(result.trades.length).toBe(25);
    expectVoteEntries(result, stocks, '15m', (id) => ticks.get(id)!);
    expectIntraday(result);
  });

  it('listens to its weights and its gate', () => {
    const counts = [
      run({ weights: { rsi: 0, macd: 0, bollinger: 0, adx: 0, stochastic: 0, atr: 1 } }),
      run({ minConfidence: 0.95 }),
      run({ minConfidence: 0.5 }),
    ].map((r) => r.trades.length);
    // Keltner alone (100% of the weight) trades far more often; a 95% gate almost never opens;
    // a 50% gate opens more often than the default 60%.
    expect(counts).toEqual([94, 0, 34]);
  });
});

describe('multi-indicator-vote on the 2016 NIFTY stocks (1-minute, 18 sessions)', () => {
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
  const minutes = mergeByKnownAt(...symbols.map(stockMinutes2016));
  const instruments = symbols.map((symbol) => equity(symbol));

  it('votes on 15-minute bars', () => {
    const result = runBacktest(multiIndicatorVote, {
      feed: minutes,
      instruments,
      capital: CAPITAL,
    });
    expect(result.trades.length).toBe(20);
    expectVoteEntries(result, minutes, '15m', () => 0.05);
    expectIntraday(result);
  });

  it('votes on 5-minute bars', () => {
    const result = runBacktest(multiIndicatorVote, {
      feed: minutes,
      instruments,
      capital: CAPITAL,
      params: { timeframe: '5m' },
    });
    expect(result.trades.length).toBe(62);
    expectVoteEntries(result, minutes, '5m', () => 0.05);
    expectIntraday(result);
  });
});

describe('multi-indicator-vote parameters', () => {
  it('fills weight defaults and names the parameter at fault', () => {
    expect(multiIndicatorVote.parseParams({ weights: { adx: 30 } }).weights).toEqual({
      rsi: 25,
      macd: 25,
      bollinger: 20,
      adx: 30,
      stochastic: 10,
      atr: 5,
    });
    expect(invalidField(() => multiIndicatorVote.parseParams({ timeframe: '1d' }))).toBe(
      'timeframe',
    );
    expect(invalidField(() => multiIndicatorVote.parseParams({ weights: { rsi: -1 } }))).toBe(
      'weights.rsi',
    );
    expect(invalidField(() => multiIndicatorVote.parseParams({ minConfidence: 0 }))).toBe(
      'minConfidence',
    );
    expect(exampleStrategies['multi-indicator-vote']).toBe(multiIndicatorVote);
  });
});
