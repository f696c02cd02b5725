import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { MANAGED_ORDER_STATES, type ManagedOrderState } from '../order-manager/order-state.js';

/**
 * The runtime's Prometheus metrics, in a registry of their own (no global state): orders by
 * state, fills, rejections, tick-to-intent latency, reconnects, P&L and whether it is halted.
 *
 * @example
 * ```ts
 * const metrics = new LiveMetrics();
 * metrics.tickToIntent.observe(0.000012);
 * const text = await metrics.registry.metrics();
 * ```
 */
export class LiveMetrics {
  readonly registry = new Registry();
  readonly ordersByState = new Gauge({
    name: 'pravah_orders',
    help: 'Orders of this run by state',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });
  readonly fills = new Counter({
    name: 'pravah_fills_total',
    help: 'Fill reports applied (an increase of an order filled quantity)',
    registers: [this.registry],
  });
  readonly filledQuantity = new Counter({
    name: 'pravah_filled_quantity_total',
    help: 'Units filled',
    registers: [this.registry],
  });
  readonly rejections = new Counter({
    name: 'pravah_rejections_total',
    help: 'Orders rejected by the broker or given up',
    registers: [this.registry],
  });
  readonly tickToIntent = new Histogram({
    name: 'pravah_tick_to_intent_seconds',
    help: 'Time from a market event entering the graph to an order intent leaving it',
    buckets: [5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 1e-3, 1e-2, 0.1],
    registers: [this.registry],
  });
  readonly ticks = new Counter({
    name: 'pravah_ticks_total',
    help: 'Ticks received',
    registers: [this.registry],
  });
  readonly reconnects = new Counter({
    name: 'pravah_reconnects_total',
    help: 'Market data reconnections',
    registers: [this.registry],
  });
  readonly pnl = new Gauge({
    name: 'pravah_pnl_rupees',
    help: 'P&L of this run in rupees, gross of charges',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly halted = new Gauge({
    name: 'pravah_halted',
    help: '1 when the runtime is halted (only exits allowed)',
    registers: [this.registry],
  });

  constructor() {
    for (const state of MANAGED_ORDER_STATES) this.ordersByState.set({ state }, 0);
    this.pnl.set({ kind: 'realised' }, 0);
    this.pnl.set({ kind: 'unrealised' }, 0);
    this.halted.set(0);
  }

  /** Moves one order from `from` (undefined when new) to `to`. */
  orderMoved(from: ManagedOrderState | undefined, to: ManagedOrderState): void {
    if (from === to) return;
    if (from !== undefined) this.ordersByState.dec({ state: from });
    this.ordersByState.inc({ state: to });
  }
}
