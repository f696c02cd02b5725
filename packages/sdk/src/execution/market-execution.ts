import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { ExecutionModel } from '../graph/stages.js';
import type { OrderIntent } from '../model/order-intent.js';
import type { TargetPosition } from '../model/target-position.js';
import { executionOptionsShape, type ExecutionOptions } from './execution-options.js';
import { IntentIds } from './intent-ids.js';
import { perSubscription } from './per-subscription.js';
import { executeTarget, type ExecutionSpec } from './target-execution.js';

/** Options of {@link marketExecution}. */
export type MarketExecutionOptions = ExecutionOptions;

const MarketExecutionOptionsSchema = z.strictObject(executionOptionsShape('mkt'));

const MARKET = { orderType: 'MARKET' } as const;

/**
 * Moves each instrument to its target with MARKET orders: `target − position − pending` where
 * pending is what open working orders toward the target will still fill. Nothing is sent when
 * they already add up to the target. No order ever takes the position past the target, whatever
 * subset of the open and new orders fills:
 *
 * - open working orders against the move, or together overshooting it, are cancelled (and not
 *   counted);
 * - protective orders (stops, bracket legs) that could take the target position through zero
 *   are cancelled, e.g. a long's stop when the target becomes flat;
 * - a reversal is sent as a reduce-only close and an opening order (see `splitReversals`).
 *
 * Intent ids are `mkt-${instrument}-${n}` (see `idPrefix`). Cancels are intents built by
 * {@link cancelIntent} and come first.
 *
 * @example
 * ```ts
 * const strategy = defineStrategy({ ..., sizer: fixedQuantity({ quantity: 50 }), execution: marketExecution() });
 * // long 0 → target +50: BUY 50 MARKET; target −50 next: SELL 50 (reduce-only close) + SELL 50 (open)
 * ```
 */
export function marketExecution(options: MarketExecutionOptions = {}): ExecutionModel {
  const parsed = parseWith(MarketExecutionOptionsSchema, options, 'marketExecution options');
  const spec: ExecutionSpec = {
    model: 'marketExecution',
    splitReversals: parsed.splitReversals,
    validity: parsed.validity,
    closeShape: () => MARKET,
    openShape: () => MARKET,
  };
  return (ctx) =>
    perSubscription<TargetPosition, OrderIntent>(() => {
      const ids = new IntentIds(parsed.idPrefix);
      return (target, emit) => void executeTarget(ctx, target, ids, spec, emit);
    });
}
