export { dailyLossLimit } from './daily-loss-limit.js';
export { weeklyLossLimit } from './weekly-loss-limit.js';
export { maxDrawdownHalt } from './max-drawdown-halt.js';
export type { LossLimitOptions } from './loss-limit-options.js';
export {
  killSwitch,
  createKillSwitch,
  type KillSwitchOptions,
  type KillSwitchControl,
} from './kill-switch.js';
export { maxOpenPositions, type MaxOpenPositionsOptions } from './max-open-positions.js';
export { maxOrderValue } from './max-order-value.js';
export { maxPositionValue } from './max-position-value.js';
export type { ValueCapOptions } from './value-cap-options.js';
export { minRewardRisk, type MinRewardRiskOptions } from './min-reward-risk.js';
export { minConfidence, type MinConfidenceOptions } from './min-confidence.js';
