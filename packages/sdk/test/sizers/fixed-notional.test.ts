import { describe, expect, it } from 'vitest';
import { fixedNotional, ValidationError } from '../../src/index.js';
import { context, marbles, niftyFut, reliance, runOperator, signal } from './fixtures.js';

describe('fixedNotional', () => {
  it('sizes notional / price, rounded down (marbles)', () => {
    const ctx = context();
    marbles().run(({ cold, expectObservable }) => {
      const source = cold('a-b-c|', {
        a: signal(reliance.id, 'long', 2480),
        b: signal(reliance.id, 'short', 3000),
        c: signal(reliance.id, 'flat', 3000),
      });
      expectObservable(source.pipe(fixedNotional({ notional: 100_000 })(ctx))).toBe('a-b-c|', {
        a: expect.objectContaining({ quantity: 40 }),
        b: expect.objectContaining({ quantity: -33 }),
        c: expect.objectContaining({ quantity: 0 }),
      });
    });
  });

  it('rounds down to whole lots and never exceeds the notional', async () => {
    const ctx = context({ portfolio: { cash: 10_000_000 } });
    const [target] = await runOperator(fixedNotional({ notional: 5_000_000 })(ctx), [
      signal(niftyFut.id, 'long', 24000),
    ]);
    // 5,000,000 / 24,000 = 208.3 units → 2 lots of 75
    expect(target?.quantity).toBe(150);
    expect(target!.quantity * 24000).toBeLessThanOrEqual(5_000_000);
  });

  it('counts a notional that is an exact multiple of the price despite float noise', async () => {
    // 0.3 / 0.1 is 2.9999999999999996 in binary floating point
    const [target] = await runOperator(fixedNotional({ notional: 0.3 })(context()), [
      signal(reliance.id, 'long', 0.1),
    ]);
    expect(target?.quantity).toBe(3);
  });

  it('rejects a non-positive notional', () => {
    expect(() => fixedNotional({ notional: 0 })).toThrow(ValidationError);
    expect(() => fixedNotional({ notional: Number.POSITIVE_INFINITY })).toThrow(/notional/);
  });
});
