export { smaCrossover } from './sma-crossover.js';
export { vwapMeanReversion } from './vwap-mean-reversion.js';
export { momentumBreakout } from './momentum-breakout.js';
export { pairsTrading } from './pairs-trading.js';
export { multiIndicatorVote } from './multi-indicator-vote.js';
export { rsiMeanReversion } from './rsi-mean-reversion.js';
