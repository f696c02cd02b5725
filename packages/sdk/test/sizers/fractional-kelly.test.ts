import { describe, expect, it } from 'vitest';
import { fractionalKelly, ValidationError, type SignalEvent } from '../../src/index.js';
import {
  context,
  marbles,
  recordingLogger,
  reliance,
  runOperator,
  signal,
  T0,
} from './fixtures.js';

/** Round trips long at 100, closed by a flat signal at `exit`, one minute apart. */
function roundTrips(exits: readonly number[]): SignalEvent[] {
  return exits.flatMap((exit, i) => [
    signal(reliance.id, 'long', 100, { time: T0 + 2 * i * 60_000 }),
    signal(reliance.id, 'flat', exit, { time: T0 + (2 * i + 1) * 60_000 }),
  ]);
}

describe('fractionalKelly', () => {
  it('stands aside (0) until minOutcomes outcomes, then bets fraction × Kelly of equity', async () => {
    // Outcomes +10%, −5%, +10%, −5%: W 0.5, R 2 → Kelly 0.25, half Kelly 0.125
    const signals = [...roundTrips([110, 95, 110, 95]), signal(reliance.id, 'long', 100)];
    const out = await runOperator(
      fractionalKelly({ fraction: 0.5, lookback: 4, minOutcomes: 4 })(context()),
      signals,
    );
    expect(out.map((t) => t.quantity)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1250]);
    expect(out[0]?.reason).toContain('warm-up 0/4 outcomes');
    expect(out[8]?.reason).toContain('kelly 0.2500 × 0.5 (W 0.500, R 2.000, n 4)');
  });

  it('learns outcomes from signals (marbles): a reversal closes the virtual trade at its price', () => {
    const ctx = context();
    marbles().run(({ cold, expectObservable }) => {
      const source = cold('abcd|', {
        a: signal(reliance.id, 'long', 100), // opens long at 100
        b: signal(reliance.id, 'short', 120), // +20% closes the long, opens short at 120
        c: signal(reliance.id, 'long', 108), // short wins +10%: two wins, no losses → Kelly = W = 1
        d: signal(reliance.id, 'long', 100), // same direction: keeps the entry at 108
      });
      const sizer = fractionalKelly({ fraction: 0.5, lookback: 10, minOutcomes: 2 })(ctx);
      expectObservable(source.pipe(sizer)).toBe('abcd|', {
        a: expect.objectContaining({ quantity: 0 }),
        b: expect.objectContaining({ quantity: 0 }),
        c: expect.objectContaining({ quantity: 4629 }), // ₹5,00,000 / 108
        d: expect.objectContaining({ quantity: 5000 }),
      });
    });
  });

  it('bets nothing without an edge', async () => {
    const out = await runOperator(fractionalKelly({ lookback: 4, minOutcomes: 4 })(context()), [
      ...roundTrips([101, 90, 101, 90]), // W 0.5, R 0.1 → Kelly negative
      signal(reliance.id, 'long', 100),
    ]);
    expect(out.at(-1)?.quantity).toBe(0);
  });

  it('forgets outcomes older than lookback', async () => {
    const sizer = fractionalKelly({ fraction: 1, lookback: 2, minOutcomes: 2 })(context());
    // losses first, then two wins fill the window: W 1 → full equity, capped by maxFraction 1
    const out = await runOperator(sizer, [
      ...roundTrips([90, 90, 110, 110]),
      signal(reliance.id, 'long', 100),
    ]);
    expect(out.at(-1)?.quantity).toBe(10_000);
  });

  it('caps the bet at maxFraction of equity', async () => {
    const sizer = fractionalKelly({ fraction: 1, lookback: 2, minOutcomes: 2, maxFraction: 0.2 })(
      context(),
    );
    const out = await runOperator(sizer, [
      ...roundTrips([110, 110]),
      signal(reliance.id, 'long', 100),
    ]);
    expect(out.at(-1)?.quantity).toBe(2000);
  });

  it('pools outcomes across instruments and logs warm-up at debug level', async () => {
    const logger = recordingLogger();
    const other = 'NFO:NIFTY26JANFUT' as const;
    const out = await runOperator(
      fractionalKelly({ lookback: 2, minOutcomes: 2, leverage: 1000 })(context({ logger })),
      [
        signal(reliance.id, 'long', 100),
        signal(reliance.id, 'flat', 110),
        signal(other, 'short', 200),
        signal(other, 'flat', 190),
        signal(other, 'long', 200),
      ],
    );
    // two wins (one per instrument): Kelly 1, half → ₹5,00,000 / 200 = 2500 → 33 lots of 75 = 2475
    expect(out.at(-1)?.quantity).toBe(2475);
    expect(logger.lines.every((l) => l.level === 'debug')).toBe(true);
  });

  it('rejects bad options', () => {
    expect(() => fractionalKelly({ fraction: 0 })).toThrow(ValidationError);
    expect(() => fractionalKelly({ fraction: 1.5 })).toThrow(/fraction/);
    expect(() => fractionalKelly({ lookback: 5, minOutcomes: 6 })).toThrow(
      /minOutcomes must not exceed lookback/,
    );
  });
});
