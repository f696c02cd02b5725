import { describe, expect, it } from 'vitest';
import { percentRisk, SizingError, ValidationError } from '../../src/index.js';
import {
  context,
  marbles,
  niftyFut,
  recordingLogger,
  reliance,
  runOperator,
  signal,
} from './fixtures.js';

describe('percentRisk', () => {
  it('risks 1% of equity to the stop by default (marbles)', () => {
    const ctx = context({ portfolio: { cash: 1_000_000 } });
    marbles().run(({ cold, expectObservable }) => {
      const source = cold('a-b-c|', {
        a: signal(reliance.id, 'long', 500, { stop: 490 }),
        b: signal(reliance.id, 'short', 500, { stop: 520 }),
        c: signal(reliance.id, 'flat', 500),
      });
      expectObservable(source.pipe(percentRisk()(ctx))).toBe('a-b-c|', {
        a: expect.objectContaining({ quantity: 1000, stop: 490 }), // ₹10,000 / ₹10
        b: expect.objectContaining({ quantity: -500, stop: 520 }), // ₹10,000 / ₹20
        c: expect.objectContaining({ quantity: 0 }),
      });
    });
  });

  it('rounds down to the lot so the risk stays within budget', async () => {
    const ctx = context({ portfolio: { cash: 100_000_000, equity: 1_000_000 } });
    const [target] = await runOperator(percentRisk({ riskPercent: 1, leverage: 100 })(ctx), [
      signal(niftyFut.id, 'long', 24000, { stop: 23950 }),
    ]);
    // ₹10,000 / ₹50 = 200 units → 2 lots = 150; loss at the stop 150 × 50 = 7,500 ≤ 10,000
    expect(target?.quantity).toBe(150);
  });

  it('uses equity, not cash, for the risk budget', async () => {
    const ctx = context({ portfolio: { cash: 100_000, equity: 2_000_000 } });
    const [target] = await runOperator(percentRisk({ riskPercent: 0.5 })(ctx), [
      signal(reliance.id, 'long', 100, { stop: 99 }),
    ]);
    // ₹10,000 / ₹1 = 10,000 units, capped by buying power 2,000,000 / 100 = 20,000: 10,000
    expect(target?.quantity).toBe(10_000);
  });

  it('emits nothing and warns for a signal without a stop or with the stop on the wrong side', async () => {
    const logger = recordingLogger();
    const sizer = percentRisk()(context({ logger }));
    const out = await runOperator(sizer, [
      signal(reliance.id, 'long', 500),
      signal(reliance.id, 'long', 500, { stop: 500 }),
      signal(reliance.id, 'short', 500, { stop: 480 }),
      signal(reliance.id, 'long', 500, { stop: 495 }),
    ]);
    expect(out.map((t) => t.quantity)).toEqual([2000]);
    expect(logger.lines.map((l) => l.message)).toEqual([
      'percentRisk: signal has no stop, no target emitted',
      'percentRisk: stop is on the wrong side of the price, no target emitted',
      'percentRisk: stop is on the wrong side of the price, no target emitted',
    ]);
  });

  it('errors on a non-finite stop; rejects bad options', async () => {
    await expect(
      runOperator(percentRisk()(context()), [
        signal(reliance.id, 'long', 500, { stop: Number.NaN }),
      ]),
    ).rejects.toThrow(SizingError);
    expect(() => percentRisk({ riskPercent: 0 })).toThrow(ValidationError);
    expect(() => percentRisk({ riskPercent: 101 })).toThrow(/riskPercent/);
  });
});
