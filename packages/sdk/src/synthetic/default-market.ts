import type { SyntheticMarket } from './synthetic-market.js';
import { syntheticMarket } from './synthetic-market.js';

/** The options {@link defaultMarket} uses. */
export const DEFAULT_MARKET_OPTIONS = Object.freeze({
  seed: 42,
  from: '2025-04-01',
  to: '2025-06-30',
  timeframe: '1m',
} as const);

/**
 * The market examples and the README's main command use when no data is given: seed 42,
 * 1-minute bars from 2025-04-01 to 2025-06-30 (61 sessions; the Apr 10, 14, 18 and May 1
 * holidays skipped) for three synthetic NSE stocks (ticks 0.05, 0.05, 0.01) and the NIFTY
 * front-month future (lot 75, rolling at the Apr 24, May 29 and Jun 26 expiries): 91,500
 * bars, generated in well under a second.
 *
 * @example
 * ```ts
 * const market = defaultMarket();
 * const bars = Array.from(market.bars());
 * ```
 */
export function defaultMarket(): SyntheticMarket {
  return syntheticMarket(DEFAULT_MARKET_OPTIONS);
}
