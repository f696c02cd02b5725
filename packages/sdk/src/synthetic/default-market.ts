import type { SyntheticMarket } from './synthetic-market.js';
import { syntheticMarket } from './synthetic-market.js';

/** The options {@link defaultMarket} uses. */
export const DEFAULT_MARKET_OPTIONS = Object.freeze({
  seed: 42,
  from: '2025-01-01',
  to: '2025-03-31',
  timeframe: '1m',
} as const);

/**
 * The market examples and the README's main command use when no data is given: seed 42,
 * 1-minute bars from 2025-01-01 to 2025-03-31 (62 sessions, including the Saturday Budget
 * session of 2025-02-01) for three synthetic NSE stocks and the NIFTY front-month future
 * (lot 75), about 93,000 bars.
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
