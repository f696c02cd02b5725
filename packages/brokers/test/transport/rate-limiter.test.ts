import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/transport/index.js';

/** A virtual clock whose sleep advances time instantly, so limits are checked exactly. */
function virtualClock(): { now: () => number; sleep: (ms: number) => Promise<void> } {
  let t = 0;
  return {
    now: () => t,
    sleep: (ms) => {
      t += ms;
      return Promise.resolve();
    },
  };
}

describe('RateLimiter', () => {
  it('lets 10 through at once and makes the 11th wait for the window', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(10, 1000, clock.now, clock.sleep);
    const times: number[] = [];
    for (let i = 0; i < 11; i++) {
      await limiter.acquire();
      times.push(clock.now());
    }
    expect(times.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(times[10]).toBe(1000);
  });

  it('backOff pushes every slot out by the retry-after', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(3, 1000, clock.now, clock.sleep);
    limiter.backOff(5000);
    await limiter.acquire();
    expect(clock.now()).toBe(5000);
  });

  it('rejects a nonsensical configuration', () => {
    expect(() => new RateLimiter(0, 1000)).toThrow(/positive integer/);
    expect(() => new RateLimiter(1, 0)).toThrow(/windowMs/);
  });

  it('property: no window of windowMs ever holds more than limit acquisitions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 10, max: 1000 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 40 }),
        async (limit, windowMs, gaps) => {
          const clock = virtualClock();
          const limiter = new RateLimiter(limit, windowMs, clock.now, clock.sleep);
          const times: number[] = [];
          for (const gap of gaps) {
            await clock.sleep(gap);
            await limiter.acquire();
            times.push(clock.now());
          }
          for (let i = limit; i < times.length; i++) {
            expect((times[i] ?? 0) - (times[i - limit] ?? 0)).toBeGreaterThanOrEqual(windowMs);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
