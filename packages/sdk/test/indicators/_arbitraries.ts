import fc from 'fast-check';
import type { OhlcvInput } from '../../src/indicators/index.js';

/**
 * Price paths on a 0.05 tick (as on NSE), as a random walk with frequent zero steps, so ties,
 * flat windows and exact SMA crossings all occur. Prices stay in [0.05, ~3000].
 */
export const pricePath = fc
  .record({
    start: fc.integer({ min: 1, max: 40_000 }),
    steps: fc.array(
      fc.integer({ min: -6, max: 6 }).map((s) => (Math.abs(s) <= 2 ? 0 : s)),
      {
        maxLength: 250,
      },
    ),
  })
  .map(({ start, steps }) => {
    let ticks = start;
    const out = [Math.round(ticks * 5) / 100];
    for (const s of steps) {
      ticks = Math.max(1, ticks + s);
      out.push(Math.round(ticks * 5) / 100);
    }
    return out;
  });

/** OHLC bars around a price path: high/low extend the open-close body by random ticks. */
export const barPath = fc
  .tuple(pricePath, fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { minLength: 251, maxLength: 251 }))
  .map(([closes, wicks]) => {
    const bars: OhlcvInput[] = [];
    for (let i = 0; i < closes.length; i++) {
      const close = closes[i]!;
      const open = i > 0 ? closes[i - 1]! : close;
      const [up, down] = wicks[i]!;
      bars.push({
        open,
        close,
        high: Math.round((Math.max(open, close) + up * 0.05) * 100) / 100,
        low: Math.max(0.05, Math.round((Math.min(open, close) - down * 0.05) * 100) / 100),
      });
    }
    return bars;
  });

export const period = fc.integer({ min: 1, max: 30 });
