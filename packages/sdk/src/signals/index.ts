export type { IndicatorFactory, PriceSource, Series, SignalOptions } from './types.js';
export { SignalValueError } from './signal-value-error.js';
export { perInstrument } from './per-instrument.js';
export { crossoverSignal, type CrossoverSignalOptions } from './crossover-signal.js';
export { thresholdSignal, type ThresholdSignalOptions } from './threshold-signal.js';
export { mapIndicator } from './map-indicator.js';
export { zScoreReversion, type ZScoreReversionOptions } from './z-score-reversion.js';
export {
  openingRangeBreakout,
  type OpeningRangeBreakoutOptions,
} from './opening-range-breakout.js';
export { weightedVote, type VoteMember, type WeightedVoteOptions } from './weighted-vote.js';
export { classicVote, classicVoteMembers, type ClassicVoteOptions } from './classic-vote.js';
export { multiTimeframe, type MultiTimeframeOptions } from './multi-timeframe.js';
