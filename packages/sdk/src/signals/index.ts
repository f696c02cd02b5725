/**
 * Stock signals: `(ctx) => OperatorFunction<MarketEvent, SignalEvent>` stages.
 *
 * Conventions shared by every signal here:
 * - **Per instrument.** State is kept per instrument id (see `perInstrument`) and per
 *   subscription; two instances, or two subscriptions of one instance, never share state.
 * - **Only changes of opinion are emitted.** An instrument starts flat (no event); an event is
 *   emitted when the direction differs from the last one emitted for that instrument.
 * - **`time` is `knownAt(event)`** of the event the opinion was formed on (a bar's close time, a
 *   tick's time), not the wall clock: the output depends on the input alone, and in a backtest it
 *   equals the clock time at which the event is handled. **`price`** is that event's last price.
 * - **`reason`** is human-readable and starts with the signal's `name`.
 * - **Synchronous**: each event is fully handled before the next, with no scheduler hops.
 * - Options are validated when the signal is created (a `ValidationError` naming the field);
 *   a non-finite price or indicator value fails the stream with a `SignalValueError`.
 */
export type { IndicatorFactory, PriceSource, Series, SignalOptions } from './types.js';
export { SignalValueError } from './signal-value-error.js';
export { perInstrument } from './per-instrument.js';
export { crossoverSignal, type CrossoverSignalOptions } from './crossover-signal.js';
export { thresholdSignal, type ThresholdSignalOptions } from './threshold-signal.js';
export type { BandMode } from './internal/bands.js';
export { mapIndicator } from './map-indicator.js';
export { zScoreReversion, type ZScoreReversionOptions } from './z-score-reversion.js';
export {
  openingRangeBreakout,
  type OpeningRangeBreakoutOptions,
} from './opening-range-breakout.js';
export { weightedVote, type VoteMember, type WeightedVoteOptions } from './weighted-vote.js';
export { classicVote, classicVoteMembers, type ClassicVoteOptions } from './classic-vote.js';
export { multiTimeframe, type MultiTimeframeOptions } from './multi-timeframe.js';
