export type { Indicator, OhlcvInput } from './indicator.js';
export { IndicatorInputError, IndicatorParameterError } from './errors.js';
export { Sma, sma } from './sma.js';
export { Ema, ema } from './ema.js';
export { Wma, wma } from './wma.js';
export { Rsi, rsi } from './rsi.js';
export { Macd, macd, type MacdValue } from './macd.js';
export { BollingerBands, bollingerBands, type BollingerBandsValue } from './bollinger-bands.js';
export { Atr, atr } from './atr.js';
export { Adx, adx, type AdxValue } from './adx.js';
export { Stochastic, stochastic, type StochasticValue } from './stochastic.js';
export { SessionVwap, sessionVwap, type VwapInput } from './session-vwap.js';
export { RollingStdDev, rollingStdDev, type RollingStdDevOptions } from './rolling-std-dev.js';
export { ZScore, zScore } from './z-score.js';
export { Highest, highest } from './highest.js';
export { Lowest, lowest } from './lowest.js';
export {
  Crossover,
  crossover,
  type CrossoverInput,
  type CrossoverOptions,
  type CrossoverSignal,
} from './crossover.js';
