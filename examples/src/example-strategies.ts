import type { Strategy } from '@pravah/sdk';
import {
  momentumBreakout,
  multiIndicatorVote,
  pairsTrading,
  rsiMeanReversion,
  smaCrossover,
  vwapMeanReversion,
} from './strategies/index.js';

/**
 * Every reference strategy by the name the `pravah` CLI knows it by
 * (`npx pravah backtest <name>`); each value is a `defineStrategy` strategy whose `name` is its key.
 *
 * @example
 * ```ts
 * const strategy = exampleStrategies['sma-crossover'];
 * const params = strategy.parseParams({ fast: 5 }); // { fast: 5, slow: 30 }
 * Object.keys(exampleStrategies); // ['sma-crossover', 'vwap-mean-reversion', ...]
 * ```
 */
export const exampleStrategies: Readonly<Record<string, Strategy>> = Object.freeze({
  [smaCrossover.name]: smaCrossover,
  [vwapMeanReversion.name]: vwapMeanReversion,
  [momentumBreakout.name]: momentumBreakout,
  [pairsTrading.name]: pairsTrading,
  [multiIndicatorVote.name]: multiIndicatorVote,
  [rsiMeanReversion.name]: rsiMeanReversion,
});
