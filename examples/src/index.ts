/**
 * @pravah/examples: the reference strategies (SMA crossover, VWAP mean reversion, opening-range
 * breakout, pairs trading, indicator vote, RSI mean reversion), each runnable by name with
 * `npx pravah backtest <name>`, and the building blocks they are made of.
 *
 * @packageDocumentation
 */
export * from './strategies/index.js';
export { exampleStrategies } from './example-strategies.js';
export * from './sizers/index.js';
export * from './signals/index.js';
export * from './statistics/index.js';
