export { smaCrossover } from './strategies/sma-crossover.js';
export { pairsTrading } from './strategies/pairs-trading.js';
import { smaCrossover } from './strategies/sma-crossover.js';
import { pairsTrading } from './strategies/pairs-trading.js';
import type { Strategy } from '@pravah/sdk';
export const exampleStrategies: Readonly<Record<string, Strategy>> = {
  'sma-crossover': smaCrossover,
  'pairs-trading': pairsTrading,
};
export * from './statistics/index.js';
export { StrategyDataError } from './signals/strategy-data-error.js';
