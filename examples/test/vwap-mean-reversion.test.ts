import { describe, expect, it } from 'vitest';
import { runBacktest, type BacktestResult } from '@pravah/backtest';
import { fillCharger, zerodha } from '@pravah/costs-in';
import { defaultMarket, parseInstrument, type Bar, type Instrument } from '@pravah/sdk';
import { exampleStrategies, vwapMeanReversion } from '../src/index.js';
import { equity, invalidField, hhmm, mergeByKnownAt, stockMinutes2016 } from './_data.js';
import { entryOrders, signalBar, vwapAndVolume } from './_rules.js';

const CAPITAL = 1_000_000;

/** Every entry really was the rule: 0.5% beyond the session VWAP on 1.5× volume, 09:30-14:30. */
function expectEntriesFollowTheRule(result: BacktestResult, bars: readonly Bar[]): void {
  const entries = entryOrders(result);
  expect(entries.length).toBeGreaterThan(0);
  for (const order of entries) {
    const bar = signalBar(bars, order.instrument, order.createdAt);
    const { vwap, averageVolume } = vwapAndVolume(bars, bar, 20);
    const deviation = ((bar.close - vwap) / vwap) * 100;
    if (order.side === 'BUY') expect(deviation).toBeLessThanOrEqual(-0.5);
    else expect(deviation).toBeGreaterThanOrEqual(0.5);
    expect(bar.volume).toBeGreaterThanOrEqual(1.5 * averageVolume);
    expect(hhmm(order.createdAt) >= '09:30' && hhmm(order.createdAt) < '14:30').toBe(true);
    // A LIMIT entry at the signal close.
    expect([order.orderType, order.price]).toEqual(['LIMIT', bar.close]);
  }
}

/** MIS only, and flat by 15:15 every session: nothing is left for the broker's 15:20 square-off. */
function expectFlatBySquareOff(result: BacktestResult): void {
  for (const trade of result.trades) {
    expect(trade.product).toBe('MIS');
    expect(trade.exitTime.slice(0, 10)).toBe(trade.entryTime.slice(0, 10));
    expect(hhmm(trade.exitTime) <= '15:15').toBe(true);
  }
  expect(result.fills.filter((f) => f.reason?.includes('auto square-off'))).toEqual([]);
  expect(result.openPositions).toEqual([]);
}

describe('vwap-mean-reversion on the embedded default market, Zerodha charges', () => {
  const market = defaultMarket();
  const bars = Array.from(market.bars());
  const result = runBacktest(vwapMeanReversion, {
    feed: bars,
    instruments: market.instruments,
    capital: CAPITAL,
    fees: fillCharger({ plan: zerodha() }),
  });

  it('trades the three stocks both ways, only on the rule', () => {
    expect(result.trades.length).toBe(288);
    expect(new Set(result.trades.map((t) => t.side))).toEqual(new Set(['long', 'short']));
    expect(result.orders.some((o) => o.instrument.startsWith('NFO:'))).toBe(false);
    expectEntriesFollowTheRule(result, bars);
  });

  it('protects every filled entry with a stop leg and squares off by 15:15', () => {
    const filledEntries = entryOrders(result).filter((o) => o.status === 'FILLED');
    const stopLegs = result.orders.filter(
      (o) => o.orderType === 'SL-M' && o.reason.includes('bracketExecution: stop'),
    );
    expect(stopLegs.length).toBe(entryOrders(result).length);
    expect(filledEntries.length).toBe(result.trades.length);
    expectFlatBySquareOff(result);
    expect(result.orders.every((o) => o.status === 'FILLED' || o.status === 'CANCELLED')).toBe(
      true,
    );
  });

  it('books Zerodha charges on every trade', () => {
    expect(result.metrics.totalCharges).toBeGreaterThan(0);
    for (const trade of result.trades) {
      expect(trade.charges).toBeGreaterThan(0);
      expect(trade.pnl).toBeCloseTo(trade.grossPnl - trade.charges, 2);
    }
    const net = result.trades.reduce((sum, t) => sum + t.pnl, 0);
    expect(result.metrics.finalEquity).toBeCloseTo(CAPITAL + net, 0);
  });
});

describe('vwap-mean-reversion on the 2016 NIFTY stocks (1-minute, 18 sessions)', () => {
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
  const index: Instrument = parseInstrument({
    id: 'NSE:NIFTY 50',
    exchange: 'NSE',
    symbol: 'NIFTY 50',
    type: 'IDX',
    lotSize: 1,
    tickSize: 0.05,
  });
  const bars = mergeByKnownAt(...[...symbols, 'NIFTY50'].map(stockMinutes2016));
  const result = runBacktest(vwapMeanReversion, {
    feed: bars,
    instruments: [...symbols.map((symbol) => equity(symbol)), index],
    capital: CAPITAL,
  });

  it('trades the stocks on the rule, never the index', () => {
    expect(bars.length).toBe(12 * 6_750);
    expect(result.trades.length).toBe(191);
    expect(result.orders.some((o) => o.instrument === 'NSE:NIFTY 50')).toBe(false);
    expectEntriesFollowTheRule(result, bars);
  });

  it('is flat by 15:15 every session', () => {
    expectFlatBySquareOff(result);
  });

  it('trades only the listed symbols when given', () => {
    const two = runBacktest(vwapMeanReversion, {
      feed: bars,
      instruments: [...symbols.map((symbol) => equity(symbol)), index],
      capital: CAPITAL,
      params: { symbols: ['NSE:INFY', 'NSE:ITC'] },
    });
    expect(new Set(two.trades.map((t) => t.instrument))).toEqual(new Set(['NSE:INFY', 'NSE:ITC']));
  });
});

describe('vwap-mean-reversion parameters', () => {
  it('names the parameter at fault', () => {
    expect(invalidField(() => vwapMeanReversion.parseParams({ squareOffAt: '15:25' }))).toBe(
      'squareOffAt',
    );
    expect(invalidField(() => vwapMeanReversion.parseParams({ exitPercent: 1 }))).toBe(
      'exitPercent',
    );
    expect(invalidField(() => vwapMeanReversion.parseParams({ symbols: ['INFY'] }))).toBe(
      'symbols.0',
    );
    expect(exampleStrategies['vwap-mean-reversion']).toBe(vwapMeanReversion);
  });
});
