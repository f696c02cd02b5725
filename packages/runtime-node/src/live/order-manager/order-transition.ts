import type { ManagedOrder, ManagedOrderChange } from './managed-order.js';
import type { OrderEvent, OrderEventType } from './order-event.js';
import type { ManagedOrderState } from './order-state.js';

/**
 * Target of a transition: a fixed state, `same` (the event is applied but the state stays, e.g.
 * a repeated acknowledgement), or `by-fill` (the new filled quantity decides).
 */
type Target = ManagedOrderState | 'same' | 'by-fill';

/**
 * The whole state machine: for each state, the events it accepts and where they lead. Events
 * not listed are ignored (and reported as such); terminal states accept nothing.
 */
export const ORDER_TRANSITIONS: Readonly<
  Record<ManagedOrderState, Readonly<Partial<Record<OrderEventType, Target>>>>
> = Object.freeze({
  created: { submit: 'submitting', 'cancel-requested': 'cancelled', rejected: 'rejected' },
  submitting: {
    accepted: 'open',
    'outcome-unknown': 'unknown',
    throttled: 'created',
    rejected: 'rejected',
    filled: 'by-fill',
    'cancel-requested': 'cancel-pending',
    cancelled: 'cancelled',
  },
  unknown: {
    accepted: 'open',
    'outcome-unknown': 'same',
    'not-found': 'created',
    rejected: 'rejected',
    filled: 'by-fill',
    'cancel-requested': 'cancel-pending',
    cancelled: 'cancelled',
  },
  open: {
    accepted: 'same',
    filled: 'by-fill',
    'cancel-requested': 'cancel-pending',
    cancelled: 'cancelled',
    rejected: 'rejected',
  },
  'partially-filled': {
    accepted: 'same',
    filled: 'by-fill',
    'cancel-requested': 'cancel-pending',
    cancelled: 'cancelled',
  },
  'cancel-pending': {
    accepted: 'same',
    'outcome-unknown': 'same',
    filled: 'by-fill',
    // A cancel requested while the placement was unresolved, of an order the broker never got.
    'not-found': 'cancelled',
    'cancel-refused': 'by-fill',
    cancelled: 'cancelled',
    rejected: 'rejected',
  },
  filled: {},
  cancelled: {},
  rejected: {},
});

/** Result of {@link transition}: the new order, or the old one and why the event was ignored. */
export type TransitionResult =
  | { readonly applied: true; readonly order: ManagedOrder }
  | { readonly applied: false; readonly order: ManagedOrder; readonly ignored: string };

/**
 * Applies one event to an order, purely. Events the current state does not accept, fills not
 * larger than what is already filled (duplicates, late reports), and fills beyond the ordered
 * quantity are ignored with a reason; nothing leaves a terminal state; the filled quantity
 * never decreases. A fill that arrives while a cancel is pending is applied (and completes the
 * order when it fills the rest).
 *
 * @example
 * ```ts
 * let { order } = transition(created, { type: 'submit', time: 1 });
 * ({ order } = transition(order, { type: 'accepted', time: 2, brokerOrderId: '2511' }));
 * ({ order } = transition(order, { type: 'filled', time: 3, filledQuantity: 5, averagePrice: 101 }));
 * order.state; // 'partially-filled' (of 10)
 * ```
 */
export function transition(order: ManagedOrder, event: OrderEvent): TransitionResult {
  const target = ORDER_TRANSITIONS[order.state][event.type];
  if (target === undefined) {
    return { applied: false, order, ignored: `${event.type} is not accepted in ${order.state}` };
  }
  let filledQuantity = order.filledQuantity;
  let averagePrice = order.averagePrice;
  let brokerOrderId = order.brokerOrderId;
  let attempts = order.attempts;
  let state: ManagedOrderState;
  switch (event.type) {
    case 'filled': {
      if (event.filledQuantity <= order.filledQuantity) {
        return { applied: false, order, ignored: `fill of ${event.filledQuantity} is not news` };
      }
      if (event.filledQuantity > order.request.quantity || !(event.averagePrice > 0)) {
        return {
          applied: false,
          order,
          ignored: `fill of ${event.filledQuantity} at ${event.averagePrice} is impossible for ${order.request.quantity}`,
        };
      }
      filledQuantity = event.filledQuantity;
      averagePrice = event.averagePrice;
      break;
    }
    case 'accepted':
      if (brokerOrderId !== undefined && brokerOrderId !== event.brokerOrderId) {
        return {
          applied: false,
          order,
          ignored: `acknowledged as ${event.brokerOrderId} but known as ${brokerOrderId}`,
        };
      }
      brokerOrderId = event.brokerOrderId;
      break;
    case 'submit':
      attempts += 1;
      break;
    default:
      break;
  }
  if (target === 'same') state = order.state;
  else if (target === 'by-fill')
    state = stateByFill(order, filledQuantity, event.type === 'cancel-refused');
  else state = target;

  const change: ManagedOrderChange = Object.freeze({
    state,
    time: event.time,
    event: event.type,
    filledQuantity,
    ...('reason' in event ? { reason: event.reason } : {}),
  });
  const next: ManagedOrder = Object.freeze({
    ...order,
    state,
    filledQuantity,
    averagePrice,
    attempts,
    ...(brokerOrderId === undefined ? {} : { brokerOrderId }),
    history: Object.freeze([...order.history, change]),
  });
  return { applied: true, order: next };
}

function stateByFill(
  order: ManagedOrder,
  filledQuantity: number,
  cancelRefused: boolean,
): ManagedOrderState {
  if (filledQuantity === order.request.quantity) return 'filled';
  // A fill during a pending cancel keeps the cancel pending; a refused cancel means the order
  // is still in the book.
  if (order.state === 'cancel-pending' && !cancelRefused) return 'cancel-pending';
  return filledQuantity > 0 ? 'partially-filled' : 'open';
}
