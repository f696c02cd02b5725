import { from, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '@pravah/backtest';
import { StageError, resampleBars, type Bar, type MarketEvent } from '@pravah/sdk';
import { StrategyDataError, barsAt, vwapMeanReversion } from '../src/index.js';
import { dailyBars, dailyFiles, equity, stockMinutes2016, thrown } from './_data.js';

function run(
  events: readonly MarketEvent[],
  timeframe: Parameters<typeof barsAt>[0],
): { bars: Bar[]; error: unknown } {
  const out: { bars: Bar[]; error: unknown } = { bars: [], error: undefined };
  from(events)
    .pipe(barsAt(timeframe, 'test'), toArray())
    .subscribe({
      next: (bars) => (out.bars = bars),
      error: (error: unknown) => (out.error = error),
    });
  return out;
}

describe('barsAt', () => {
  const minutes = stockMinutes2016('RELIANCE');

  it('resamples finer bars exactly as the sdk does, ignoring ticks', () => {
    const tick: MarketEvent = {
      kind: 'tick',
      instrument: 'NSE:RELIANCE',
      time: minutes[0]!.time + 1_000,
      price: 1000,
    };
    const { bars } = run([minutes[0]!, tick, ...minutes.slice(1)], '15m');
    expect(bars).toEqual(resampleBars(minutes, '15m'));
    expect(bars.length).toBe(18 * 25); // 25 fifteen-minute bars per session, the last 15:15-15:30
  });

  it('passes bars of its own timeframe through untouched', () => {
    const daily = dailyBars(dailyFiles()[0]!);
    const { bars } = run(daily, '1d');
    expect(bars.length).toBe(daily.length);
    expect(bars.every((b, i) => b === daily[i])).toBe(true);
  });

  it('refuses coarser bars, naming the strategy and the timeframe', () => {
    const daily = dailyBars(dailyFiles()[0]!);
    const { error } = run(daily, '1m');
    expect(error).toBeInstanceOf(StrategyDataError);
    expect((error as StrategyDataError).field).toBe('NSE:ADANIENT bar timeframe');
    expect((error as StrategyDataError).value).toBe('1d');
  });

  it('makes an intraday strategy fail fast on daily data', () => {
    const file = dailyFiles().find((f) => f.startsWith('INFY'))!;
    const error = thrown(() =>
      runBacktest(vwapMeanReversion, {
        feed: dailyBars(file),
        instruments: [equity('INFY', 0.01)],
        capital: 1e6,
      }),
    );
    expect(error).toBeInstanceOf(StageError);
    expect((error as StageError).cause).toBeInstanceOf(StrategyDataError);
    expect((error as StageError).message).toContain('vwap-mean-reversion');
  });
});
