import { connect, merge } from 'rxjs';
import type { ExecutionModel } from '../graph/stages.js';

/**
 * Runs several execution behaviours on the same targets and merges their intents: for each
 * target, the first model's intents come first; market-driven models (trailingStop, timeExit)
 * add theirs as market events arrive. Give each model a distinct `idPrefix` (the stock models'
 * defaults already differ). The combination needs the parameters any of its models needs; to
 * build a model from parameters, wrap the whole: `execution: (ctx) => combineExecution(...)(ctx)`.
 *
 * @example
 * ```ts
 * const execution = combineExecution(
 *   marketExecution(),
 *   trailingStop({ trail: { percent: 1 } }),
 *   timeExit({ at: '15:10' }),
 * );
 * ```
 */
export function combineExecution<P>(
  first: ExecutionModel<P>,
  ...rest: readonly ExecutionModel<P>[]
): ExecutionModel<P> {
  const models = [first, ...rest];
  return (ctx) => (source) =>
    source.pipe(connect((shared) => merge(...models.map((model) => model(ctx)(shared)))));
}
