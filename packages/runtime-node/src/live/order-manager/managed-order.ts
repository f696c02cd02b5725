import type { OrderRequest } from '@pravah/brokers';
import type { ManagedOrderState } from './order-state.js';

/** One entry of a managed order's history. */
export interface ManagedOrderChange {
  readonly state: ManagedOrderState;
  readonly time: number;
  readonly event: string;
  readonly filledQuantity: number;
  readonly reason?: string;
}

/**
 * One order the runtime placed (or will place), identified by its client tag. Immutable: every
 * transition returns a new value.
 */
export interface ManagedOrder {
  /** Client tag sent to the broker, unique per run and day. */
  readonly tag: string;
  /** Id of the strategy intent the order came from. */
  readonly intentId: string;
  /** 1-based slice number when the intent was split above the freeze quantity. */
  readonly slice: number;
  readonly request: OrderRequest;
  /** True when the order only reduces a position (exits pass a halt). */
  readonly reduceOnly: boolean;
  readonly state: ManagedOrderState;
  readonly brokerOrderId?: string;
  readonly filledQuantity: number;
  /** Volume-weighted fill price, 0 when nothing filled. */
  readonly averagePrice: number;
  /** Placement requests sent so far. */
  readonly attempts: number;
  readonly createdAt: number;
  readonly history: readonly ManagedOrderChange[];
}

/** What a new order is made from. */
export interface NewManagedOrder {
  readonly tag: string;
  readonly intentId: string;
  readonly slice: number;
  readonly request: OrderRequest;
  readonly reduceOnly: boolean;
  readonly time: number;
}

/**
 * A new order in state `created`.
 *
 * @example
 * ```ts
 * const order = createManagedOrder({ tag: 'P1a2b3c1x1', intentId: 'sma-1', slice: 1,
 *   request, reduceOnly: false, time: Date.now() });
 * order.state; // 'created'
 * ```
 */
export function createManagedOrder(spec: NewManagedOrder): ManagedOrder {
  return Object.freeze({
    tag: spec.tag,
    intentId: spec.intentId,
    slice: spec.slice,
    request: spec.request,
    reduceOnly: spec.reduceOnly,
    state: 'created',
    filledQuantity: 0,
    averagePrice: 0,
    attempts: 0,
    createdAt: spec.time,
    history: Object.freeze([
      Object.freeze({ state: 'created', time: spec.time, event: 'created', filledQuantity: 0 }),
    ]),
  } satisfies ManagedOrder);
}
