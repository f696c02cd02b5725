/**
 * Where one order stands, as the runtime sees it. `unknown` means a placement request may or
 * may not have reached the broker: it is resolved by looking the order up by its client tag,
 * never by sending it again.
 */
export const MANAGED_ORDER_STATES = [
  'created',
  'submitting',
  'open',
  'partially-filled',
  'filled',
  'cancel-pending',
  'cancelled',
  'rejected',
  'unknown',
] as const;
export type ManagedOrderState = (typeof MANAGED_ORDER_STATES)[number];

/** States nothing can leave. */
export const TERMINAL_STATES: ReadonlySet<ManagedOrderState> = new Set([
  'filled',
  'cancelled',
  'rejected',
]);

/** States in which the order may still rest or fill at the broker. */
export const LIVE_STATES: ReadonlySet<ManagedOrderState> = new Set([
  'submitting',
  'open',
  'partially-filled',
  'cancel-pending',
  'unknown',
]);

/**
 * True when nothing more can happen to an order in this state.
 *
 * @example
 * ```ts
 * isTerminal('filled'); // true
 * isTerminal('unknown'); // false
 * ```
 */
export function isTerminal(state: ManagedOrderState): boolean {
  return TERMINAL_STATES.has(state);
}
