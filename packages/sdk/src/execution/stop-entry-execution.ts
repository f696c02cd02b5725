import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { ExecutionModel } from '../graph/stages.js';
import type { Side } from '../model/exchange.js';
import type { Instrument } from '../model/instrument.js';
import type { OrderIntent } from '../model/order-intent.js';
import type { TargetPosition } from '../model/target-position.js';
import {
  executionOptionsShape,
  TicksSchema,
  TtlSchema,
  type ExecutionOptions,
} from './execution-options.js';
import { IntentIds } from './intent-ids.js';
import { perSubscription } from './per-subscription.js';
import { executeTarget, type ExecutionSpec, type OrderShape } from './target-execution.js';
import { roundToTick, tickPrice } from './tick-rounding.js';

/** Options of {@link stopEntryExecution}. */
export interface StopEntryExecutionOptions extends ExecutionOptions {
  /** `'SL-M'` (stop-market, default) or `'SL'` (stop-limit). */
  readonly type?: 'SL' | 'SL-M';
  /** Ticks beyond the reference price the trigger sits: above it for a buy, below for a sell. Default 1. */
  readonly triggerOffsetTicks?: number;
  /** For `SL`: ticks beyond the trigger the limit allows (above for a buy, below for a sell). Default 0. */
  readonly limitOffsetTicks?: number;
  /** Cancel an order not filled within this many milliseconds (the venue applies it). */
  readonly ttlMs?: number;
}

const StopEntryExecutionOptionsSchema = z.strictObject({
  ...executionOptionsShape('stp'),
  type: z.enum(['SL', 'SL-M']).default('SL-M'),
  triggerOffsetTicks: TicksSchema.min(0).default(1),
  limitOffsetTicks: TicksSchema.min(0).default(0),
  ttlMs: TtlSchema,
});

const MARKET = { orderType: 'MARKET' } as const;

/**
 * Enters on a breakout: the part of a move that opens or adds to a position becomes an SL-M (or
 * SL) order whose trigger sits `triggerOffsetTicks` beyond the target's reference price, above
 * for a buy and below for a sell, rounded to the tick so it never triggers earlier than asked.
 * An SL order's limit is `limitOffsetTicks` beyond the trigger. The part that reduces a current
 * position does not wait for a breakout: it goes at MARKET, reduce-only. Quantities follow the
 * plan of {@link marketExecution}. Ids are `stp-${instrument}-${n}`.
 *
 * @example
 * ```ts
 * const execution = stopEntryExecution({ type: 'SL', triggerOffsetTicks: 2, limitOffsetTicks: 4 });
 * // INFY long at 1512.33: BUY SL trigger 1512.45, limit 1512.65
 * ```
 */
export function stopEntryExecution(options: StopEntryExecutionOptions = {}): ExecutionModel {
  const parsed = parseWith(StopEntryExecutionOptionsSchema, options, 'stopEntryExecution options');
  const openShape = (target: TargetPosition, side: Side, instrument: Instrument): OrderShape => {
    const tick = instrument.tickSize;
    const ttl = parsed.ttlMs !== undefined ? { ttlMs: parsed.ttlMs } : {};
    const offset = parsed.triggerOffsetTicks * tick;
    const trigger =
      side === 'BUY'
        ? roundToTick(target.price + offset, tick, 'up')
        : roundToTick(target.price - offset, tick, 'down');
    if (parsed.type === 'SL-M') return { orderType: 'SL-M', triggerPrice: trigger, ...ttl };
    const triggerTicks = Math.round(trigger / tick);
    const limitTicks =
      side === 'BUY'
        ? triggerTicks + parsed.limitOffsetTicks
        : Math.max(1, triggerTicks - parsed.limitOffsetTicks);
    return { orderType: 'SL', triggerPrice: trigger, price: tickPrice(limitTicks, tick), ...ttl };
  };
  const spec: ExecutionSpec = {
    model: 'stopEntryExecution',
    splitReversals: parsed.splitReversals,
    validity: parsed.validity,
    closeShape: () => MARKET,
    openShape,
  };
  return (ctx) =>
    perSubscription<TargetPosition, OrderIntent>(() => {
      const ids = new IntentIds(parsed.idPrefix);
      return (target, emit) => void executeTarget(ctx, target, ids, spec, emit);
    });
}
