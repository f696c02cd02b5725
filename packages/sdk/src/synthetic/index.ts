export { SeededRandom, deriveSeed } from './seeded-random.js';
export { simulateRegimePath } from './regime-path.js';
export {
  SyntheticMarketOptionsSchema,
  SyntheticEquitySchema,
  SyntheticFutureSchema,
  MarketRegimeSchema,
  DEFAULT_REGIMES,
  DEFAULT_TRANSITIONS,
  DEFAULT_UNIVERSE,
  DEFAULT_FUTURE,
  type SyntheticMarketOptions,
  type SyntheticEquity,
  type SyntheticFuture,
  type SyntheticEquitySpec,
  type SyntheticFutureSpec,
  type MarketRegime,
} from './synthetic-options.js';
export { syntheticMarket, type SyntheticMarket } from './synthetic-market.js';
export { defaultMarket, DEFAULT_MARKET_OPTIONS } from './default-market.js';
