export { smaCrossover } from './strategies/sma-crossover.js';
export { pairsTrading } from './strategies/pairs-trading.js';
export { vwapMeanReversion } from './strategies/vwap-mean-reversion.js';
export { momentumBreakout } from './strategies/momentum-breakout.js';
export { multiIndicatorVote } from './strategies/multi-indicator-vote.js';
export { rsiMeanReversion } from './strategies/rsi-mean-reversion.js';
import { rsiMeanReversion } from './strategies/rsi-mean-reversion.js';
import { multiIndicatorVote } from './strategies/multi-indicator-vote.js';
import { momentumBreakout } from './strategies/momentum-breakout.js';
import { smaCrossover } from './strategies/sma-crossover.js';
import { pairsTrading } from './strategies/pairs-trading.js';
import { vwapMeanReversion } from './strategies/vwap-mean-reversion.js';
import type { Strategy } from '@pravah/sdk';
export const exampleStrategies: Readonly<Record<string, Strategy>> = {
  'sma-crossover': smaCrossover,
  'pairs-trading': pairsTrading,
  'vwap-mean-reversion': vwapMeanReversion,
  'momentum-breakout': momentumBreakout,
  'multi-indicator-vote': multiIndicatorVote,
  'rsi-mean-reversion': rsiMeanReversion,
};
export * from './statistics/index.js';
export { StrategyDataError } from './signals/strategy-data-error.js';
