import { PravahError, formatValue } from '@pravah/sdk';

/**
 * A strategy received market data it cannot run on (bars coarser than it trades, a pair
 * instrument missing from the run). Names the strategy, the offending field and value.
 *
 * @example
 * ```ts
 * try { runBacktest(vwapMeanReversion, { feed: dailyBars, ... }); }
 * catch (e) { if (e instanceof StrategyDataError) console.log(e.field, e.value); }
 * ```
 */
export class StrategyDataError extends PravahError {
  constructor(
    readonly strategy: string,
    readonly field: string,
    readonly value: unknown,
    hint: string,
  ) {
    super('STRATEGY_DATA', `${strategy}: ${field} is ${formatValue(value)}; ${hint}`);
  }
}
