import type { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { InstrumentId } from '../model/instrument.js';
import type { Timeframe } from '../model/timeframe.js';
import type { ExecutionModel, RiskGuard, RiskSizer, Signal } from './stages.js';

/** What a strategy author writes. `P` flows from the `params` schema into every stage. */
export interface StrategyDefinition<S extends z.ZodType> {
  /** Stable name; runtimes and reports refer to the strategy by it. */
  readonly name: string;
  readonly description?: string;
  /** Zod schema of the parameters, with defaults. */
  readonly params: S;
  /** Instruments the strategy trades. Empty means: whatever the feed carries. */
  readonly universe: readonly InstrumentId[];
  /** Bar timeframes the strategy consumes, the first being the base (finest) one. */
  readonly timeframes: readonly [Timeframe, ...Timeframe[]];
  readonly signal: Signal<z.output<S>>;
  readonly sizer: RiskSizer<z.output<S>>;
  readonly execution: ExecutionModel<z.output<S>>;
  readonly guards?: readonly RiskGuard<z.output<S>>[];
}

/** A defined strategy: the definition plus parameter helpers. A plain, frozen value. */
export interface Strategy<S extends z.ZodType = z.ZodType> extends StrategyDefinition<S> {
  readonly kind: 'strategy';
  readonly guards: readonly RiskGuard<z.output<S>>[];
  /** Validates raw parameters (e.g. from `--params`), applying defaults; errors name the parameter. */
  parseParams(input?: unknown): z.output<S>;
  /** Serialises by name: functions are not data. */
  toJSON(): { kind: 'strategy'; name: string; universe: readonly InstrumentId[]; timeframes: readonly Timeframe[] };
}

/** Parameter type of a strategy. */
export type StrategyParams<T> = T extends Strategy<infer S> ? z.output<S> : never;

/**
 * Defines a strategy from its stages. Parameter types are inferred from the zod schema and
 * checked against every stage, so a stage expecting other parameters is a compile error.
 *
 * @example
 * ```ts
 * const strategy = defineStrategy({
 *   name: 'sma-crossover',
 *   params: z.object({ fast: z.number().int().default(10), slow: z.number().int().default(30) }),
 *   universe: ['NSE:NIFTY 50'],
 *   timeframes: ['1m'],
 *   signal: (ctx) => crossoverSignal({ fast: sma(ctx.params.fast), slow: sma(ctx.params.slow) })(ctx),
 *   sizer: fixedQuantity({ quantity: 50 }),
 *   execution: marketExecution(),
 * });
 * ```
 */
export function defineStrategy<S extends z.ZodType>(definition: StrategyDefinition<S>): Strategy<S> {
  const { name, params, universe, timeframes } = definition;
  if (name.trim() === '') throw new TypeError('defineStrategy: name must not be empty');
  const strategy: Strategy<S> = {
    ...definition,
    kind: 'strategy',
    universe: Object.freeze([...universe]),
    timeframes: Object.freeze([...timeframes]) as unknown as readonly [Timeframe, ...Timeframe[]],
    guards: Object.freeze([...(definition.guards ?? [])]),
    parseParams: (input?: unknown) => parseWith(params, input ?? {}, `parameters of strategy "${name}"`),
    toJSON: () => ({ kind: 'strategy', name, universe, timeframes }),
  };
  return Object.freeze(strategy);
}
