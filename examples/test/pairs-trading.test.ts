import { describe, expect, it } from 'vitest';
import { runBacktest, type BacktestResult, type TradeJson } from '@pravah/backtest';
import { StageError, defaultMarket, type Bar } from '@pravah/sdk';
import { StrategyDataError, engleGranger, exampleStrategies, pairsTrading } from '../src/index.js';
import { equity, invalidField, hhmm, mergeByKnownAt, stockMinutes2016, thrown } from './_data.js';

const CAPITAL = 1_000_000;

/** Every trade of `first` has a hedge in `second` entered and left at the same times, on the other side. */
function expectHedgedPairs(result: BacktestResult, first: string, second: string): void {
  const legs = (id: string): TradeJson[] => result.trades.filter((t) => t.instrument === id);
  const ys = legs(first);
  const xs = legs(second);
  expect(ys.length).toBe(xs.length);
  ys.forEach((y, i) => {
    const x = xs[i]!;
    expect([x.entryTime, x.exitTime]).toEqual([y.entryTime, y.exitTime]);
    expect(x.side).not.toBe(y.side);
  });
}

describe('pairs-trading on the embedded default market (SYNBANK ~ SYNTECH)', () => {
  const market = defaultMarket();
  const result = runBacktest(pairsTrading, {
    feed: market.bars(),
    instruments: market.instruments,
    capital: CAPITAL,
  });

  it('trades only sessions whose pair passed the Engle-Granger test, both legs filled', () => {
    expect(result.trades.length).toBe(8);
    expectHedgedPairs(result, 'NSE:SYNBANK', 'NSE:SYNTECH');
    expect(result.orders.every((o) => o.status === 'FILLED')).toBe(true);
    for (const order of result.orders.filter(
      (o) => o.reason.includes('spread long') || o.reason.includes('spread short'),
    )) {
      const [, adf, critical] = /ADF (-?[\d.]+) < (-?[\d.]+)/.exec(order.reason) ?? [];
      expect(Number(adf)).toBeLessThan(Number(critical));
    }
    expect([...new Set(result.trades.map((t) => t.entryTime.slice(0, 10)))]).toEqual([
      '2025-04-24',
      '2025-05-30',
      '2025-06-11',
      '2025-06-19',
    ]);
  });

  it('is intraday: MIS legs, flat by 15:15 every session', () => {
    expect(result.trades.every((t) => t.product === 'MIS' && hhmm(t.exitTime) <= '15:15')).toBe(
      true,
    );
    expect(result.openPositions).toEqual([]);
    expect(result.fills.some((f) => f.reason?.includes('square-off'))).toBe(false);
  });
});

describe('pairs-trading on HDFCBANK ~ KOTAKBANK 1-minute bars (2016-08-16 .. 2016-09-09)', () => {
  const hdfc = stockMinutes2016('HDFCBANK');
  const kotak = stockMinutes2016('KOTAKBANK');
  const result = runBacktest(pairsTrading, {
    feed: mergeByKnownAt(hdfc, kotak),
    instruments: [equity('HDFCBANK'), equity('KOTAKBANK')],
    capital: CAPITAL,
    params: { first: 'NSE:HDFCBANK', second: 'NSE:KOTAKBANK' },
  });
  const entries = result.orders.filter((o) => / spread (long|short);/.test(o.reason));

  it('trades the three sessions whose formation window cointegrates with β > 0', () => {
    // numpy hand check of each session's two-session window (lags 1, T = 749, 5% value -3.3443):
    // 08-19: β 1.0817, ADF -4.69; 08-22: β 0.6968, ADF -3.59; 09-07: β 1.8831, ADF -3.57;
    // 08-29 cointegrates too (ADF -3.95) but with β -0.2210: no hedge, not traded.
    expect(result.trades.length).toBe(14);
    expectHedgedPairs(result, 'NSE:HDFCBANK', 'NSE:KOTAKBANK');
    const tested = new Map(
      entries.map((o) => [o.createdAt.slice(0, 10), /\(β [^)]*\)/.exec(o.reason)?.[0]]),
    );
    expect(Object.fromEntries(tested)).toEqual({
      '2016-08-19': '(β 1.0817, ADF -4.69 < -3.34)',
      '2016-08-22': '(β 0.6968, ADF -3.59 < -3.34)',
      '2016-09-07': '(β 1.8831, ADF -3.57 < -3.34)',
    });
  });

  it('fits the hedge on the two previous sessions and sizes the legs by it', () => {
    const window = (bars: readonly Bar[]): number[] =>
      bars
        .filter(
          (b) =>
            b.time >= Date.parse('2016-08-17T09:15:00+05:30') &&
            b.time < Date.parse('2016-08-19T00:00:00+05:30'),
        )
        .map((b) => b.close);
    const fit = engleGranger(window(hdfc), window(kotak), { lags: 1 });
    expect(fit.hedgeRatio).toBeCloseTo(1.0817052856438425, 10);
    expect(fit.adfStatistic).toBeCloseTo(-4.6946862179972175, 9);
    // First entry, 2016-08-19 09:16: spread units = 0.5 × capital / (HDFCBANK + β·KOTAKBANK) at the 09:15 closes.
    const at = Date.parse('2016-08-19T09:15:00+05:30');
    const y = hdfc.find((b) => b.time === at)!.close;
    const x = kotak.find((b) => b.time === at)!.close;
    const units = Math.floor((0.5 * CAPITAL) / (y + fit.hedgeRatio * x));
    const [firstLeg, secondLeg] = [
      entries.find((o) => o.instrument === 'NSE:HDFCBANK')!,
      entries.find((o) => o.instrument === 'NSE:KOTAKBANK')!,
    ];
    expect(firstLeg.createdAt).toBe('2016-08-19T09:16:00+05:30');
    expect([firstLeg.side, firstLeg.quantity]).toEqual(['BUY', units]);
    expect([secondLeg.side, secondLeg.quantity]).toEqual([
      'SELL',
      Math.round(fit.hedgeRatio * units),
    ]);
    // Every later entry keeps the second leg at β × the first, with that session's β.
    const betas: Record<string, number> = {
      '2016-08-19': 1.0817052856438425,
      '2016-08-22': 0.6968268132483039,
      '2016-09-07': 1.88312999466112,
    };
    for (const order of entries.filter((o) => o.instrument === 'NSE:HDFCBANK')) {
      const hedge = entries.find(
        (o) => o.instrument === 'NSE:KOTAKBANK' && o.createdAt === order.createdAt,
      )!;
      expect(hedge.quantity).toBe(
        Math.round(betas[order.createdAt.slice(0, 10)]! * order.quantity),
      );
    }
  });

  it('is intraday: MIS legs, flat by 15:15, nothing left to the broker square-off', () => {
    expect(result.trades.every((t) => t.product === 'MIS' && hhmm(t.exitTime) <= '15:15')).toBe(
      true,
    );
    expect(result.orders.every((o) => o.status === 'FILLED')).toBe(true);
    expect(result.openPositions).toEqual([]);
  });
});

describe('pairs-trading parameters and data', () => {
  it('validates its parameters, naming the one at fault', () => {
    expect(
      invalidField(() => pairsTrading.parseParams({ first: 'NSE:INFY', second: 'NSE:INFY' })),
    ).toBe('second');
    expect(invalidField(() => pairsTrading.parseParams({ exitZ: 3 }))).toBe('exitZ');
    expect(invalidField(() => pairsTrading.parseParams({ lastEntry: '3pm' }))).toBe('lastEntry');
    expect(exampleStrategies['pairs-trading']).toBe(pairsTrading);
  });

  it('refuses to start when a leg is not in the run', () => {
    const error = thrown(() =>
      runBacktest(pairsTrading, {
        feed: stockMinutes2016('HDFCBANK'),
        instruments: [equity('HDFCBANK')],
        capital: CAPITAL,
        params: { first: 'NSE:HDFCBANK', second: 'NSE:KOTAKBANK' },
      }),
    );
    expect(error).toBeInstanceOf(StageError);
    const cause = (error as StageError).cause;
    expect(cause).toBeInstanceOf(StrategyDataError);
    expect((cause as StrategyDataError).field).toBe('second');
  });
});
