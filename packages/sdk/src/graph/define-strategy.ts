import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { InstrumentIdSchema, type InstrumentId } from '../model/instrument.js';
import { TimeframeSchema, type Timeframe } from '../model/timeframe.js';
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

/** How a strategy serialises: by name, since functions are not data. */
export interface StrategyJson {
  kind: 'strategy';
  name: string;
  universe: readonly InstrumentId[];
  timeframes: readonly Timeframe[];
}

/** A defined strategy: the definition plus parameter helpers. A plain, frozen value. */
export interface Strategy<S extends z.ZodType = z.ZodType> extends StrategyDefinition<S> {
  readonly kind: 'strategy';
  readonly guards: readonly RiskGuard<z.output<S>>[];
  /** Validates raw parameters (e.g. from `--params`), applying defaults; errors name the parameter. */
  parseParams(input?: unknown): z.output<S>;
  /** Serialises by name: functions are not data. */
  toJSON(): StrategyJson;
}

/** Parameter type of a strategy. */
export type StrategyParams<T> = T extends Strategy<infer S> ? z.output<S> : never;

const stage = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', {
  message: 'must be a stage factory: (ctx) => operator',
});

// Checks the data half of a definition, so that a typo in a universe or timeframe list, or a
// JavaScript caller without types, fails when the strategy is defined rather than mid-run.
const DefinitionSchema = z.object({
  name: z.string().refine((name) => name.trim() !== '', {
    message: 'must not be blank: runtimes and reports refer to the strategy by it',
  }),
  description: z.string().optional(),
  params: z.custom<z.ZodType>(
    (v) => typeof v === 'object' && v !== null && typeof (v as z.ZodType).safeParse === 'function',
    { message: 'must be a zod schema, e.g. z.object({ fast: z.number().default(10) })' },
  ),
  universe: z.array(InstrumentIdSchema).refine((ids) => new Set(ids).size === ids.length, {
    message: 'must not list an instrument twice',
  }),
  timeframes: z
    .array(TimeframeSchema)
    .min(1, 'must list at least the base timeframe')
    .refine((tfs) => new Set(tfs).size === tfs.length, {
      message: 'must not list a timeframe twice',
    }),
  signal: stage,
  sizer: stage,
  execution: stage,
  guards: z.array(stage).optional(),
});

/**
 * Defines a strategy from its stages. Parameter types are inferred from the zod schema and
 * checked against every stage, so a stage expecting other parameters, or a stage in the wrong
 * slot (a sizer as the signal), is a compile error. The result is frozen and serialises by
 * name. Throws a ValidationError naming the field when the definition's data is wrong
 * (empty name, unknown instrument id or timeframe, a stage that is not a function).
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
 * const params = strategy.parseParams({ fast: 5 }); // { fast: 5, slow: 30 }
 * ```
 */
export function defineStrategy<S extends z.ZodType>(
  definition: StrategyDefinition<S>,
): Strategy<S> {
  parseWith(DefinitionSchema, definition, 'strategy definition');
  const { params } = definition;
  const { name } = definition;
  const universe = Object.freeze([...definition.universe]);
  const timeframes = Object.freeze([...definition.timeframes]) as unknown as readonly [
    Timeframe,
    ...Timeframe[],
  ];
  const json: StrategyJson = Object.freeze({ kind: 'strategy', name, universe, timeframes });
  const strategy: Strategy<S> = {
    ...definition,
    kind: 'strategy',
    name,
    universe,
    timeframes,
    guards: Object.freeze([...(definition.guards ?? [])]),
    parseParams: (input?: unknown) =>
      parseWith(params, input ?? {}, `parameters of strategy "${name}"`),
    toJSON: () => json,
  };
  return Object.freeze(strategy);
}
