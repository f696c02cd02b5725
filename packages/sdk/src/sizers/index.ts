export { fixedQuantity, type FixedQuantityOptions } from './fixed-quantity.js';
export { fixedNotional, type FixedNotionalOptions } from './fixed-notional.js';
export { percentRisk, type PercentRiskOptions } from './percent-risk.js';
export { volatilityTarget, type VolatilityTargetOptions } from './volatility-target.js';
export { fractionalKelly, type FractionalKellyOptions } from './fractional-kelly.js';
export type { SizerOptions } from './sizer-options.js';
export { SizingError } from './sizing-error.js';
