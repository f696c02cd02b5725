import type { PortfolioView } from '../graph/strategy-context.js';
import type { Side } from '../model/exchange.js';
import type { InstrumentId } from '../model/instrument.js';
import type { Order } from '../model/order.js';

/** Signed quantity an open order has still to fill: + buys, − sells. */
export function remainingSigned(order: Order): number {
  const remaining = order.intent.quantity - order.filledQuantity;
  return order.intent.side === 'BUY' ? remaining : -remaining;
}

/**
 * Whether an open order is protective: a reduce-only order that waits for a condition (a stop,
 * or a leg of a bracket with a parent or an OCO group). Protective orders guard a position and
 * are not expected to fill; every other open order is working toward the target.
 */
export function isProtective(order: Order): boolean {
  const intent = order.intent;
  return (
    intent.reduceOnly &&
    (intent.orderType === 'SL' ||
      intent.orderType === 'SL-M' ||
      intent.ocoGroup !== undefined ||
      intent.parentId !== undefined)
  );
}

/**
 * The most protective orders could buy and sell if they all fired: remaining quantities summed,
 * except that of an OCO group only its largest member counts (one filling cancels the others).
 */
export function protectiveExposure(orders: readonly Order[]): { buys: number; sells: number } {
  let buys = 0;
  let sells = 0;
  let groups: Map<string, number> | undefined;
  for (const order of orders) {
    const remaining = remainingSigned(order);
    const group = order.intent.ocoGroup;
    if (group === undefined) {
      if (remaining > 0) buys += remaining;
      else sells -= remaining;
      continue;
    }
    groups ??= new Map();
    const key = `${order.intent.side}:${group}`;
    groups.set(key, Math.max(groups.get(key) ?? 0, Math.abs(remaining)));
  }
  if (groups !== undefined) {
    for (const [key, largest] of groups) {
      if (key.startsWith('BUY:')) buys += largest;
      else sells += largest;
    }
  }
  return { buys, sells };
}

/** Options of {@link planToTarget}. */
export interface PlanOptions {
  /**
   * The caller will protect the opening quantity with exits of its own (bracket legs), so they
   * count in step 3 together with the protective orders already open.
   */
  readonly protectOpening?: boolean;
}

/** How to go from the current position (and open orders) to a target. */
export interface TargetPlan {
  /** Current signed position. */
  readonly position: number;
  /** Open orders to cancel: working orders against the move or overshooting it, and protective orders that would flip the target. */
  readonly cancels: readonly Order[];
  /** Whether protective buys (exits of a short) are among `cancels`; then all of them are. */
  readonly cancelsProtectiveBuys: boolean;
  /** Whether protective sells (exits of a long) are among `cancels`; then all of them are. */
  readonly cancelsProtectiveSells: boolean;
  /** Signed remaining quantity of the working orders kept, all in the direction of the move. */
  readonly pending: number;
  /** Side of the new orders (undefined when there are none). */
  readonly side: Side | undefined;
  /** Units of the new orders that reduce the current position. */
  readonly closeQuantity: number;
  /** Units of the new orders that open or add to a position. */
  readonly openQuantity: number;
}

/**
 * Plans the orders that take an instrument from its position to `target` (signed units):
 *
 * 1. Working orders (all open orders except protective ones) that move away from the target are
 *    cancelled; those moving toward it are kept and counted as pending, unless together they would
 *    overshoot it, in which case they are all cancelled.
 * 2. The new quantity is `target − position − pending`, never beyond the target: with every kept
 *    order and every new one filled, the position is exactly the target, and no subset of them
 *    takes it past the target.
 * 3. Protective orders that could take the target position through zero (sells totalling more
 *    than a long target, buys more than a short one, any for a flat target; of an OCO group
 *    only the largest member counts; with `protectOpening`, the exits the caller will add for the
 *    opening quantity count too) are cancelled.
 *    Children of a cancelled order are left to the venue, which cancels them with their parent.
 * 4. The new quantity is split at zero: the part that reduces the position and the part that
 *    opens the other side (or adds). Kept pending orders are counted as reducing first.
 */
export function planToTarget(
  portfolio: PortfolioView,
  instrument: InstrumentId,
  target: number,
  options: PlanOptions = {},
): TargetPlan {
  const position = portfolio.positionQuantity(instrument);
  const move = target - position;
  const direction = Math.sign(move);
  const open = portfolio.openOrders(instrument);
  const cancels: Order[] = [];
  const toward: Order[] = [];
  let pending = 0;
  for (const order of open) {
    if (isProtective(order)) continue;
    const remaining = remainingSigned(order);
    if (remaining === 0) continue;
    if (direction !== 0 && Math.sign(remaining) === direction) {
      toward.push(order);
      pending += remaining;
    } else {
      cancels.push(order);
    }
  }
  if (Math.abs(pending) > Math.abs(move)) {
    for (const order of toward) cancels.push(order);
    pending = 0;
  }

  const quantity = Math.abs(move - pending);
  const reducible =
    position !== 0 && direction === -Math.sign(position)
      ? Math.min(Math.abs(move), Math.abs(position))
      : 0;
  const closeQuantity = Math.min(quantity, Math.max(0, reducible - Math.abs(pending)));
  const openQuantity = quantity - closeQuantity;

  const cancelled = cancels.length === 0 ? undefined : new Set(cancels.map((o) => o.id));
  const protective: Order[] = [];
  for (const order of open) {
    if (!isProtective(order)) continue;
    const parent = order.intent.parentId;
    if (parent === undefined || cancelled?.has(parent) !== true) protective.push(order);
  }
  const { buys, sells } = protectiveExposure(protective);
  const added = options.protectOpening === true ? openQuantity : 0;
  const flipsLong = sells + (target > 0 ? added : 0) > Math.max(target, 0);
  const flipsShort = buys + (target < 0 ? added : 0) > Math.max(-target, 0);
  for (const order of protective) {
    if (
      (flipsLong && order.intent.side === 'SELL') ||
      (flipsShort && order.intent.side === 'BUY')
    ) {
      cancels.push(order);
    }
  }

  return {
    position,
    cancels,
    cancelsProtectiveBuys: flipsShort && buys > 0,
    cancelsProtectiveSells: flipsLong && sells > 0,
    pending,
    side: quantity === 0 ? undefined : direction > 0 ? 'BUY' : 'SELL',
    closeQuantity,
    openQuantity,
  };
}
