import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseIstNaive,
  volatilityTarget,
  ValidationError,
  type Bar,
  type SignalEvent,
  type TargetPosition,
} from '../../src/index.js';
import {
  bar,
  context,
  drive,
  marbles,
  MINUTE,
  recordingLogger,
  reliance,
  signal,
  T0,
  type Step,
} from './fixtures.js';

/** Bars with a constant range of 10 around the close and no gaps: every true range is 10. */
function steadyBars(count: number, close = 100, timeframe: Bar['timeframe'] = '1m'): Bar[] {
  return Array.from({ length: count }, (_, i) =>
    bar(reliance.id, T0 + i * MINUTE, close, { high: close + 5, low: close - 5, timeframe }),
  );
}

describe('volatilityTarget', () => {
  it('sizes equity × risk / (multiple × ATR) from the bars on ctx.market$ (marbles)', () => {
    marbles().run(({ hot, expectObservable }) => {
      const bars = steadyBars(3);
      const market$ = hot('a-b-c---', { a: bars[0]!, b: bars[1]!, c: bars[2]! });
      const signals = hot('-x---y-z|', {
        x: signal(reliance.id, 'long', 100),
        y: signal(reliance.id, 'long', 100),
        z: signal(reliance.id, 'short', 100),
      });
      const ctx = context({ market$, portfolio: { cash: 1_000_000 } });
      // x arrives after one bar: ATR(3) not ready, no target. y, z: ATR 10 → ₹10,000 / 10 = 1000
      expectObservable(signals.pipe(volatilityTarget({ period: 3 })(ctx))).toBe('-----y-z|', {
        y: expect.objectContaining({ quantity: 1000 }),
        z: expect.objectContaining({ quantity: -1000 }),
      });
    });
  });

  it('applies riskPercent and multiple', () => {
    const steps: Step<SignalEvent>[] = [
      ...steadyBars(14).map((market) => ({ market })),
      { input: signal(reliance.id, 'long', 100) },
    ];
    const [target] = drive(volatilityTarget({ riskPercent: 0.5, multiple: 2 }), steps);
    expect(target?.quantity).toBe(250); // ₹5,000 / (2 × 10)
    expect(target?.reason).toContain('risk 0.5% of equity per 2×ATR(14) = 20');
  });

  it('measures stdev of close-to-close changes', () => {
    // changes alternate +2, −2: population stdev 2
    const closes = [100, 102, 100, 102, 100];
    const steps: Step<SignalEvent>[] = [
      ...closes.map((c, i) => ({ market: bar(reliance.id, T0 + i * MINUTE, c) })),
      { input: signal(reliance.id, 'long', 100) },
    ];
    const [target] = drive(volatilityTarget({ measure: 'stdev', period: 4 }), steps);
    expect(target?.quantity).toBe(5000); // ₹10,000 / 2
  });

  it('warns and emits nothing while warming up; flat needs no volatility', () => {
    const logger = recordingLogger();
    const out = drive(
      volatilityTarget({ period: 5 }),
      [
        ...steadyBars(4).map((market) => ({ market })),
        { input: signal(reliance.id, 'long', 100) },
        { input: signal(reliance.id, 'flat', 100) },
      ],
      { logger },
    );
    expect(out.map((t) => t.quantity)).toEqual([0]);
    expect(logger.lines).toEqual([
      {
        level: 'warn',
        message: 'volatilityTarget: volatility not available yet, no target emitted',
      },
    ]);
  });

  it('uses only the configured timeframe, or the first one seen', () => {
    const minute = steadyBars(3); // ATR 10
    const daily = [0, 1, 2].map((i) =>
      bar(reliance.id, T0 + i * 86_400_000, 100, { high: 150, low: 50, timeframe: '1d' }),
    ); // ATR 100
    const steps: Step<SignalEvent>[] = [
      ...[...minute, ...daily].map((market) => ({ market })),
      { input: signal(reliance.id, 'long', 100) },
    ];
    expect(drive(volatilityTarget({ period: 3 }), steps)[0]?.quantity).toBe(1000);
    expect(drive(volatilityTarget({ period: 3, timeframe: '1d' }), steps)[0]?.quantity).toBe(100);
  });

  it('keeps state per subscription: two runs of one stage do not share estimates', () => {
    const stage = volatilityTarget({ period: 3 });
    const steps: Step<SignalEvent>[] = [
      ...steadyBars(3).map((market) => ({ market })),
      { input: signal(reliance.id, 'long', 100) },
    ];
    expect(drive(stage, steps)).toEqual(drive(stage, steps));
    // A second run that sees too few bars must not inherit the first run's estimate.
    expect(
      drive(stage, [{ market: steadyBars(1)[0]! }, { input: signal(reliance.id, 'long', 100) }]),
    ).toEqual([]);
  });

  it('rejects bad options', () => {
    expect(() => volatilityTarget({ period: 1 })).toThrow(ValidationError);
    expect(() => volatilityTarget({ measure: 'range' as 'atr' })).toThrow(/measure/);
    expect(() => volatilityTarget({ multiple: 0 })).toThrow(/multiple/);
  });

  describe('on real RELIANCE 1-minute bars (2016-08-16 .. 2016-09-09)', () => {
    const file = new URL(
      '../../../../../shared/data/nse/stocks_1min_2016/RELIANCE_minute29.csv',
      import.meta.url,
    );
    const bars: Bar[] = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').map((f) => f.trim()))
      .map(([, date, open, high, low, close, volume]) => ({
        kind: 'bar' as const,
        instrument: reliance.id,
        timeframe: '1m' as const,
        time: parseIstNaive(date!),
        open: Number(open),
        high: Number(high),
        low: Number(low),
        close: Number(close),
        volume: Number(volume),
      }))
      .sort((a, b) => a.time - b.time);

    /** Wilder ATR written out over the whole array, as an independent reference. */
    function referenceAtr(period: number): number {
      const tr = bars.map((b, i) => {
        const pc = i === 0 ? undefined : bars[i - 1]!.close;
        return pc === undefined
          ? b.high - b.low
          : Math.max(b.high - b.low, Math.abs(b.high - pc), Math.abs(b.low - pc));
      });
      let atr = tr.slice(0, period).reduce((s, v) => s + v, 0) / period;
      for (let i = period; i < tr.length; i += 1) atr = (atr * (period - 1) + tr[i]!) / period;
      return atr;
    }

    function referenceStdev(period: number): number {
      const changes = bars
        .slice(-period - 1)
        .map((b, i, all) => (i === 0 ? 0 : b.close - all[i - 1]!.close))
        .slice(1);
      const mean = changes.reduce((s, v) => s + v, 0) / period;
      return Math.sqrt(changes.reduce((s, v) => s + (v - mean) ** 2, 0) / period);
    }

    const last = bars.at(-1)!;
    const run = (measure: 'atr' | 'stdev'): TargetPosition | undefined =>
      drive(
        volatilityTarget({ measure, period: 14, riskPercent: 1, leverage: 1000 }),
        [...bars.map((market) => ({ market })), { input: signal(reliance.id, 'long', last.close) }],
        { portfolio: { cash: 10_000_000 } },
      )[0];

    it('has the full file', () => {
      expect(bars).toHaveLength(6750);
    });

    it('sizes from the same ATR as a plain reference implementation', () => {
      const atr = referenceAtr(14);
      expect(atr).toBeGreaterThan(0.2);
      expect(run('atr')?.quantity).toBe(Math.floor(100_000 / atr));
    });

    it('sizes from the same stdev of price changes as a plain reference implementation', () => {
      const stdev = referenceStdev(14);
      const target = run('stdev');
      // Floors of quotients that agree to ~1e-9 relative: equal unless right at a lot boundary.
      expect(Math.abs(target!.quantity - Math.floor(100_000 / stdev))).toBeLessThanOrEqual(1);
      expect(target!.quantity).toBeGreaterThan(0);
    });
  });
});
