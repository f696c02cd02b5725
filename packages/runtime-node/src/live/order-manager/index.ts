export { OrderManager, type OrderManagerOptions } from './order-manager.js';
export { transition, ORDER_TRANSITIONS, type TransitionResult } from './order-transition.js';
export {
  createManagedOrder,
  type ManagedOrder,
  type ManagedOrderChange,
  type NewManagedOrder,
} from './managed-order.js';
export type { OrderEvent, OrderEventType } from './order-event.js';
export {
  MANAGED_ORDER_STATES,
  TERMINAL_STATES,
  LIVE_STATES,
  isTerminal,
  type ManagedOrderState,
} from './order-state.js';
export { clientTag, runKey, tagSequence } from './client-tag.js';
export { freezeSlices } from './freeze-slices.js';
export { classifyPlacementError, type PlacementFailure } from './placement-outcome.js';
export { orderRequestFromIntent } from './order-request-from-intent.js';
export { BROKER_RATE_LIMITS, brokerRateLimiters } from './broker-rate-limits.js';
