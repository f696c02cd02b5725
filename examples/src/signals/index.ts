export { barsAt } from './bars-at.js';
export { equityFilter } from './equity-filter.js';
export { withAtrLevels, type AtrLevelsOptions } from './atr-levels.js';
export { notAfterClock } from './not-after-clock.js';
export {
  pairSpreadSignal,
  isPairLeg,
  type PairLeg,
  type PairLegSignal,
  type PairSpreadOptions,
} from './pair-spread-signal.js';
export { VwapReversionState, type VwapReversionOptions } from './vwap-reversion-signal.js';
export { stateSignal, type BarState } from './state-signal.js';
export { opinion, type OpinionLevels } from './opinion.js';
export { ClockTimeSchema, minutesOfDay } from './clock-time.js';
export { StrategyDataError } from './strategy-data-error.js';
