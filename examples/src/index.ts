export { smaCrossover } from './strategies/sma-crossover.js';
import { smaCrossover } from './strategies/sma-crossover.js';
import type { Strategy } from '@pravah/sdk';
export const exampleStrategies: Readonly<Record<string, Strategy>> = {
  'sma-crossover': smaCrossover,
};
