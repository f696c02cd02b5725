import type { StrategyContext } from '../graph/strategy-context.js';
import type { OrderType, Product, Side, Validity } from '../model/exchange.js';
import type { Instrument } from '../model/instrument.js';
import type { OrderIntent } from '../model/order-intent.js';
import type { TargetPosition } from '../model/target-position.js';
import { cancelIntent } from './cancel-intent.js';
import { ExecutionError } from './execution-error.js';
import type { IntentIds } from './intent-ids.js';
import { planToTarget, type TargetPlan } from './order-plan.js';

/** Type and prices of one new order. */
export interface OrderShape {
  readonly orderType: OrderType;
  readonly price?: number;
  readonly triggerPrice?: number;
  readonly ttlMs?: number;
}

/** How a target-driven model prices the two parts of a move. */
export interface ExecutionSpec {
  /** Name used in reasons, logs and errors, e.g. `marketExecution`. */
  readonly model: string;
  /** Send a reversal as a reduce-only close and a separate opening order. */
  readonly splitReversals: boolean;
  readonly validity: Validity;
  /** Order for the part that reduces the current position. */
  closeShape(target: TargetPosition, side: Side, instrument: Instrument): OrderShape;
  /** Order for the part that opens or adds to a position. */
  openShape(target: TargetPosition, side: Side, instrument: Instrument): OrderShape;
  /** Whether the model will add exits of its own for the opening quantity (see {@link planToTarget}). */
  protectsOpening?(target: TargetPosition): boolean;
}

/** What {@link executeTarget} emitted for one target. */
export interface TargetOrders {
  readonly plan: TargetPlan;
  readonly instrument: Instrument;
  /** The reduce-only order, when one was placed. */
  readonly closing: OrderIntent | undefined;
  /** The order that opens or adds, when one was placed. */
  readonly opening: OrderIntent | undefined;
}

/** Reward:risk of a target with a stop and a profit target, when both are on their right sides. */
export function rewardRiskOf(target: TargetPosition): number | undefined {
  if (target.stop === undefined || target.target === undefined) return undefined;
  const risk = Math.abs(target.price - target.stop);
  return risk > 0 ? Math.abs(target.target - target.price) / risk : undefined;
}

/** Fails fast on a target no venue could take: not whole lots, or no usable price. */
export function checkTarget(model: string, target: TargetPosition, instrument: Instrument): void {
  const q = target.quantity;
  if (!Number.isInteger(q) || q % instrument.lotSize !== 0) {
    throw new ExecutionError(
      model,
      'target.quantity',
      q,
      `targets must be whole lots of ${instrument.lotSize} for ${instrument.id}; use a stock sizer or round to the lot`,
    );
  }
  if (!(Number.isFinite(target.price) && target.price > 0)) {
    throw new ExecutionError(
      model,
      'target.price',
      target.price,
      'targets must carry a positive, finite reference price',
    );
  }
}

/** Builds an intent for a new order derived from `target`. */
export function orderIntent(
  target: TargetPosition,
  fields: {
    readonly id: string;
    readonly side: Side;
    readonly quantity: number;
    readonly shape: OrderShape;
    readonly product: Product;
    readonly validity: Validity;
    readonly reduceOnly: boolean;
    readonly ocoGroup?: string;
    readonly parentId?: string;
    readonly reason: string;
  },
): OrderIntent {
  const { shape } = fields;
  const rewardRisk = rewardRiskOf(target);
  return {
    kind: 'intent',
    id: fields.id,
    instrument: target.instrument,
    time: target.time,
    side: fields.side,
    quantity: fields.quantity,
    orderType: shape.orderType,
    ...(shape.price !== undefined ? { price: shape.price } : {}),
    ...(shape.triggerPrice !== undefined ? { triggerPrice: shape.triggerPrice } : {}),
    product: fields.product,
    validity: fields.validity,
    ...(shape.ttlMs !== undefined ? { ttlMs: shape.ttlMs } : {}),
    reduceOnly: fields.reduceOnly,
    ...(fields.ocoGroup !== undefined ? { ocoGroup: fields.ocoGroup } : {}),
    ...(fields.parentId !== undefined ? { parentId: fields.parentId } : {}),
    confidence: target.confidence,
    ...(rewardRisk !== undefined ? { rewardRisk } : {}),
    reason: fields.reason,
  };
}

/**
 * The part all target-driven models share: plans the move (see {@link planToTarget}), emits
 * cancels for the orders in the way, then the reduce-only close and the opening order.
 * The close uses the product of the position it closes; the opening order the target's.
 */
export function executeTarget(
  ctx: StrategyContext,
  target: TargetPosition,
  ids: IntentIds,
  spec: ExecutionSpec,
  emit: (intent: OrderIntent) => void,
): TargetOrders {
  const instrument = ctx.instruments.get(target.instrument);
  checkTarget(spec.model, target, instrument);
  const plan = planToTarget(ctx.portfolio, target.instrument, target.quantity, {
    protectOpening: spec.protectsOpening?.(target) ?? false,
  });
  const why = `${spec.model} to target ${target.quantity}`;
  for (const order of plan.cancels) {
    emit(cancelIntent(order, { id: ids.next(target.instrument), time: target.time, reason: why }));
  }
  const side = plan.side;
  if (side === undefined) return { plan, instrument, closing: undefined, opening: undefined };

  const closeProduct = ctx.portfolio.position(target.instrument)?.product ?? target.product;
  const place = (quantity: number, opens: boolean): OrderIntent => {
    const intent = orderIntent(target, {
      id: ids.next(target.instrument),
      side,
      quantity,
      shape: opens
        ? spec.openShape(target, side, instrument)
        : spec.closeShape(target, side, instrument),
      product: opens ? target.product : closeProduct,
      validity: spec.validity,
      reduceOnly: !opens,
      reason: `${target.reason} | ${why}: ${opens ? 'open' : 'close'} ${side} ${quantity}`,
    });
    emit(intent);
    return intent;
  };

  if (!spec.splitReversals || plan.closeQuantity === 0 || plan.openQuantity === 0) {
    const opens = plan.openQuantity > 0;
    const intent = place(plan.closeQuantity + plan.openQuantity, opens);
    return {
      plan,
      instrument,
      closing: opens ? undefined : intent,
      opening: opens ? intent : undefined,
    };
  }
  const closing = place(plan.closeQuantity, false);
  const opening = place(plan.openQuantity, true);
  return { plan, instrument, closing, opening };
}
