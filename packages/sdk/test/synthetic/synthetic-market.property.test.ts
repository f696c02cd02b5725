import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nseCalendar } from '../../src/calendar/index.js';
import { syntheticMarket } from '../../src/synthetic/index.js';
import { addIstDays, istDate } from '../../src/time/index.js';

const options = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  start: fc.integer({ min: 0, max: 1050 }),
  days: fc.integer({ min: 0, max: 4 }),
  timeframe: fc.constantFrom<'1m' | '1d'>('1m', '1d'),
  universe: fc.uniqueArray(
    fc.record({
      symbol: fc.constantFrom('AAA', 'BBB', 'CCC', 'DDD'),
      initialPrice: fc.double({ min: 1, max: 50_000, noNaN: true }),
      beta: fc.double({ min: -2, max: 2, noNaN: true }),
      idiosyncraticVolatility: fc.double({ min: 0, max: 1.5, noNaN: true }),
      averageDailyVolume: fc.integer({ min: 1, max: 50_000_000 }),
    }),
    { minLength: 1, maxLength: 3, selector: (e) => e.symbol },
  ),
  withFuture: fc.boolean(),
});

describe('synthetic market invariants', () => {
  it('always yields valid, whole-tick, time-ordered bars inside sessions, and repeats itself', () => {
    fc.assert(
      fc.property(options, (o) => {
        const from = addIstDays('2024-01-15', o.start);
        const to = addIstDays(from, o.days);
        if (nseCalendar.tradingDaysBetween(from, to) === 0) return;
        const make = () =>
          syntheticMarket({
            seed: o.seed,
            from,
            to,
            timeframe: o.timeframe,
            universe: o.universe,
            ...(o.withFuture ? {} : { future: null }),
          });
        const market = make();
        const ticks = new Map(market.instruments.map((i) => [i.id, i.tickSize]));
        const bars = Array.from(market.bars());
        let bad = 0;
        let previous = { time: Number.NEGATIVE_INFINITY, instrument: '' };
        for (const b of bars) {
          const tick = ticks.get(b.instrument)!;
          for (const p of [b.open, b.high, b.low, b.close]) {
            if (!(p > 0) || Math.abs(p / tick - Math.round(p / tick)) > 1e-6) bad++;
          }
          if (b.high < Math.max(b.open, b.close) || b.low > Math.min(b.open, b.close)) bad++;
          if (!Number.isInteger(b.volume) || b.volume < 1) bad++;
          if (!(
            previous.time < b.time ||
            (previous.time === b.time && previous.instrument < b.instrument)
          ))
            bad++;
          if (!nseCalendar.isTradingDay(istDate(b.time))) bad++;
          if (b.timeframe === '1m') {
            const s = nseCalendar.session(
              b.time,
              b.instrument.startsWith('NFO:') ? 'fno' : 'cash',
            )!;
            if (!s.continuous.some((c) => b.time >= c.start && b.time + 60_000 <= c.end)) bad++;
          }
          previous = b;
        }
        expect(bad).toBe(0);
        expect(bars.length).toBeGreaterThan(0);
        expect(JSON.stringify(Array.from(make().bars()))).toBe(JSON.stringify(bars));
      }),
      { numRuns: 25 },
    );
  });
});
