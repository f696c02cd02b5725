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
import { roundToTick } from './tick-rounding.js';

/** Options of {@link limitExecution}. */
export interface LimitExecutionOptions extends ExecutionOptions {
  /**
   * Ticks from the target's reference price in the order's favour: a buy below it, a sell above
   * it. Negative values cross toward the other side to fill more surely. Default 0.
   */
  readonly offsetTicks?: number;
  /** Cancel an order not filled within this many milliseconds (the venue applies it). */
  readonly ttlMs?: number;
}

const LimitExecutionOptionsSchema = z.strictObject({
  ...executionOptionsShape('lmt'),
  offsetTicks: TicksSchema.default(0),
  ttlMs: TtlSchema,
});

/**
 * The limit price of a side: the reference price moved `offsetTicks` in the order's favour, then
 * put on the tick grid the conservative way (a buy rounds down, a sell rounds up), so an order
 * never pays more or receives less than asked.
 */
export function limitPrice(
  price: number,
  side: Side,
  offsetTicks: number,
  instrument: Instrument,
): number {
  const tick = instrument.tickSize;
  return side === 'BUY'
    ? roundToTick(price - offsetTicks * tick, tick, 'down')
    : roundToTick(price + offsetTicks * tick, tick, 'up');
}

/**
 * Moves each instrument to its target with LIMIT orders at the target's reference price (the
 * signal's price) offset by `offsetTicks` and rounded to the tick the conservative way, with an
 * optional time-to-live. Quantities follow the same plan as {@link marketExecution}: pending
 * working orders toward the target are counted, orders in the way are cancelled, nothing ever
 * takes the position past the target, reversals are split. Ids are `lmt-${instrument}-${n}`.
 *
 * @example
 * ```ts
 * const execution = limitExecution({ offsetTicks: 2, ttlMs: 60_000 });
 * // INFY (tick 0.05) long at 1512.33: BUY LIMIT 1512.2 (2 ticks below, rounded down), live 1 minute
 * ```
 */
export function limitExecution(options: LimitExecutionOptions = {}): ExecutionModel {
  const parsed = parseWith(LimitExecutionOptionsSchema, options, 'limitExecution options');
  const shape = (target: TargetPosition, side: Side, instrument: Instrument): OrderShape => ({
    orderType: 'LIMIT',
    price: limitPrice(target.price, side, parsed.offsetTicks, instrument),
    ...(parsed.ttlMs !== undefined ? { ttlMs: parsed.ttlMs } : {}),
  });
  const spec: ExecutionSpec = {
    model: 'limitExecution',
    splitReversals: parsed.splitReversals,
    validity: parsed.validity,
    closeShape: shape,
    openShape: shape,
  };
  return (ctx) =>
    perSubscription<TargetPosition, OrderIntent>(() => {
      const ids = new IntentIds(parsed.idPrefix);
      return (target, emit) => void executeTarget(ctx, target, ids, spec, emit);
    });
}
