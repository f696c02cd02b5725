import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { ExecutionModel } from '../graph/stages.js';
import type { StrategyContext } from '../graph/strategy-context.js';
import type { Product, Side } from '../model/exchange.js';
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
import { limitPrice } from './limit-execution.js';
import { perSubscription } from './per-subscription.js';
import {
  executeTarget,
  orderIntent,
  type ExecutionSpec,
  type OrderShape,
} from './target-execution.js';
import { roundToTick, tickPrice } from './tick-rounding.js';

/** Options of {@link bracketExecution}. */
export interface BracketExecutionOptions extends ExecutionOptions {
  /** Entry order type. Default `'MARKET'`. */
  readonly entryType?: 'MARKET' | 'LIMIT';
  /** LIMIT entry: ticks from the reference price in the entry's favour (see limitExecution). Default 0. */
  readonly offsetTicks?: number;
  /** LIMIT entry: time-to-live in milliseconds. */
  readonly ttlMs?: number;
  /** Stop leg type: `'SL-M'` (default) or `'SL'`. */
  readonly stopType?: 'SL' | 'SL-M';
  /** SL stop leg: ticks beyond the trigger its limit allows. Default 0. */
  readonly stopLimitOffsetTicks?: number;
}

const BracketExecutionOptionsSchema = z.strictObject({
  ...executionOptionsShape('brk'),
  entryType: z.enum(['MARKET', 'LIMIT']).default('MARKET'),
  offsetTicks: TicksSchema.default(0),
  ttlMs: TtlSchema,
  stopType: z.enum(['SL', 'SL-M']).default('SL-M'),
  stopLimitOffsetTicks: TicksSchema.min(0).default(0),
});

type BracketConfig = z.output<typeof BracketExecutionOptionsSchema>;

/**
 * A leg price put on the tick grid toward the reference price (so a stop never risks more and a
 * profit target never asks more than the signal said), unless that would cross the reference
 * price, in which case it rounds away from it.
 */
function legPrice(level: number, reference: number, instrument: Instrument): number {
  const tick = instrument.tickSize;
  const toward = roundToTick(level, tick, level < reference ? 'up' : 'down');
  if (level < reference ? toward < reference : toward > reference) return toward;
  return roundToTick(level, tick, level < reference ? 'down' : 'up');
}

function stopShape(
  trigger: number,
  exitSide: Side,
  config: BracketConfig,
  instrument: Instrument,
): OrderShape {
  if (config.stopType === 'SL-M') return { orderType: 'SL-M', triggerPrice: trigger };
  const tick = instrument.tickSize;
  const ticks = Math.round(trigger / tick);
  const limit =
    exitSide === 'SELL'
      ? Math.max(1, ticks - config.stopLimitOffsetTicks)
      : ticks + config.stopLimitOffsetTicks;
  return { orderType: 'SL', triggerPrice: trigger, price: tickPrice(limit, tick) };
}

/**
 * Emits the protective legs of `quantity` units of a position on `positionSide`: a stop at
 * `target.stop` and a profit-taking LIMIT at `target.target`, reduce-only, in one OCO group, held
 * until `parentId` fills when given. A level on the wrong side of the price is skipped with a warning.
 */
function emitLegs(
  ctx: StrategyContext,
  target: TargetPosition,
  instrument: Instrument,
  positionSide: Side,
  quantity: number,
  product: Product,
  parentId: string | undefined,
  config: BracketConfig,
  ids: IntentIds,
  emit: (intent: OrderIntent) => void,
): void {
  const exitSide: Side = positionSide === 'BUY' ? 'SELL' : 'BUY';
  const long = positionSide === 'BUY';
  const price = target.price;
  const stopValid = target.stop !== undefined && (long ? target.stop < price : target.stop > price);
  const targetValid =
    target.target !== undefined && (long ? target.target > price : target.target < price);
  if (target.stop !== undefined && !stopValid) {
    ctx.logger.warn('bracketExecution: stop on the wrong side of the price, stop leg skipped', {
      instrument: target.instrument,
      price,
      stop: target.stop,
    });
  }
  if (target.target !== undefined && !targetValid) {
    ctx.logger.warn('bracketExecution: target on the wrong side of the price, target leg skipped', {
      instrument: target.instrument,
      price,
      target: target.target,
    });
  }
  if (!stopValid && !targetValid) {
    ctx.logger.warn('bracketExecution: no valid stop or target, position left without legs', {
      instrument: target.instrument,
      quantity,
    });
    return;
  }
  const stopId = stopValid ? ids.next(target.instrument) : undefined;
  const targetId = targetValid ? ids.next(target.instrument) : undefined;
  const ocoGroup = `${parentId ?? stopId ?? targetId}/oco`;
  const common = {
    side: exitSide,
    quantity,
    product,
    validity: config.validity,
    reduceOnly: true,
    ocoGroup,
    ...(parentId !== undefined ? { parentId } : {}),
  };
  if (stopId !== undefined && target.stop !== undefined) {
    const trigger = legPrice(target.stop, price, instrument);
    emit(
      orderIntent(target, {
        ...common,
        id: stopId,
        shape: stopShape(trigger, exitSide, config, instrument),
        reason: `${target.reason} | bracketExecution: stop ${exitSide} ${quantity} at ${trigger}`,
      }),
    );
  }
  if (targetId !== undefined && target.target !== undefined) {
    const limit = legPrice(target.target, price, instrument);
    emit(
      orderIntent(target, {
        ...common,
        id: targetId,
        shape: { orderType: 'LIMIT', price: limit },
        reason: `${target.reason} | bracketExecution: target ${exitSide} ${quantity} at ${limit}`,
      }),
    );
  }
}

/**
 * Entry plus protective legs: the move to the target is placed as by {@link marketExecution}
 * (or with a LIMIT entry), and the part that opens or adds gets a stop leg at the target's
 * `stop` and a profit-taking LIMIT leg at its `target`, reduce-only, sharing an `ocoGroup` (one
 * filling cancels the other) and held until the entry fills (`parentId`).
 *
 * Existing legs are kept while they still fit the position. When the target shrinks so that
 * they would take it through zero they are cancelled (as by marketExecution) and, if a position
 * on the same side remains, new legs for the remaining `min(|position|, |target|)` units are
 * placed at once from the new target's levels. Leg prices are rounded to the tick toward the
 * reference price. Legs are DAY orders: positional (CNC/NRML) holdings need fresh targets, or a
 * {@link trailingStop}, on later days. A target without a usable stop or target gets no legs
 * and a warning. Ids are `brk-${instrument}-${n}`; OCO groups are named `${entryId}/oco`.
 *
 * @example
 * ```ts
 * const execution = bracketExecution({ stopType: 'SL-M' });
 * // target +100 INFY at 1500, stop 1485, target 1530:
 * // BUY 100 MARKET (brk-NSE:INFY-1), SELL 100 SL-M trigger 1485 and SELL 100 LIMIT 1530,
 * // both with parentId brk-NSE:INFY-1 and ocoGroup 'brk-NSE:INFY-1/oco'
 * ```
 */
export function bracketExecution(options: BracketExecutionOptions = {}): ExecutionModel {
  const config = parseWith(BracketExecutionOptionsSchema, options, 'bracketExecution options');
  const entryShape = (target: TargetPosition, side: Side, instrument: Instrument): OrderShape =>
    config.entryType === 'MARKET'
      ? { orderType: 'MARKET' }
      : {
          orderType: 'LIMIT',
          price: limitPrice(target.price, side, config.offsetTicks, instrument),
          ...(config.ttlMs !== undefined ? { ttlMs: config.ttlMs } : {}),
        };
  const spec: ExecutionSpec = {
    model: 'bracketExecution',
    splitReversals: config.splitReversals,
    validity: config.validity,
    closeShape: () => ({ orderType: 'MARKET' }),
    openShape: entryShape,
    protectsOpening: (target) => target.stop !== undefined || target.target !== undefined,
  };
  return (ctx) =>
    perSubscription<TargetPosition, OrderIntent>(() => {
      const ids = new IntentIds(config.idPrefix);
      return (target, emit) => {
        const { plan, instrument, opening } = executeTarget(ctx, target, ids, spec, emit);
        const held = plan.position;
        const rearm =
          held > 0
            ? target.quantity > 0 && plan.cancelsProtectiveSells
            : held < 0 && target.quantity < 0 && plan.cancelsProtectiveBuys;
        if (rearm) {
          const remaining = Math.min(Math.abs(held), Math.abs(target.quantity));
          emitLegs(
            ctx,
            target,
            instrument,
            held > 0 ? 'BUY' : 'SELL',
            remaining,
            ctx.portfolio.position(target.instrument)?.product ?? target.product,
            undefined,
            config,
            ids,
            emit,
          );
        }
        if (opening !== undefined) {
          emitLegs(
            ctx,
            target,
            instrument,
            opening.side,
            plan.openQuantity,
            target.product,
            opening.id,
            config,
            ids,
            emit,
          );
        }
      };
    });
}
