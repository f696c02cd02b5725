import type { InstrumentId, Product } from '@pravah/sdk';
import type { ManagedOrder } from '../order-manager/managed-order.js';
import type { ManagedOrderState } from '../order-manager/order-state.js';
import type { PositionBook } from './position-book.js';

/** What the runtime reports at the session close and when it stops. */
export interface EndOfDayReport {
  readonly kind: 'end-of-day';
  readonly runId: string;
  readonly mode: string;
  readonly time: number;
  readonly ordersByState: Readonly<Partial<Record<ManagedOrderState, number>>>;
  readonly filledQuantity: number;
  readonly positions: readonly {
    instrument: InstrumentId;
    product: Product;
    quantity: number;
    averagePrice: number;
    lastPrice: number;
  }[];
  readonly realisedPnl: number;
  readonly unrealisedPnl: number;
  readonly halted: string | undefined;
}

/**
 * Summarises the run's orders and positions.
 *
 * @example
 * ```ts
 * const report = endOfDayReport('sma-2026-11-20', 'paper', Date.now(), manager.all(), book, undefined);
 * report.ordersByState.filled; // 4
 * ```
 */
export function endOfDayReport(
  runId: string,
  mode: string,
  time: number,
  orders: readonly ManagedOrder[],
  book: PositionBook,
  halted: string | undefined,
): EndOfDayReport {
  const ordersByState: Partial<Record<ManagedOrderState, number>> = {};
  let filledQuantity = 0;
  for (const order of orders) {
    ordersByState[order.state] = (ordersByState[order.state] ?? 0) + 1;
    filledQuantity += order.filledQuantity;
  }
  return {
    kind: 'end-of-day',
    runId,
    mode,
    time,
    ordersByState,
    filledQuantity,
    positions: book
      .all()
      .filter((p) => p.quantity !== 0)
      .map((p) => ({
        instrument: p.instrument,
        product: p.product,
        quantity: p.quantity,
        averagePrice: p.averagePrice,
        lastPrice: p.lastPrice,
      })),
    realisedPnl: book.realised(),
    unrealisedPnl: book.unrealised(),
    halted,
  };
}
