import type { InstrumentId, Order } from '@pravah/sdk';

/** One order's complete exchange-side state: its snapshot plus the matching bookkeeping. */
export interface WorkingOrderState {
  readonly order: Order;
  /** Earliest market-data time at which the order may fill. */
  readonly activeAt: number;
  readonly triggered: boolean;
  readonly fillCount: number;
  /** Σ price × quantity over fills (kept exactly, so the average price survives a restore). */
  readonly filledValue: number;
}

/**
 * Everything a {@link SimulatedExchange} holds, as plain data (JSON-safe), so a PaperBroker can
 * persist it and continue after a restart exactly where it stopped.
 */
export interface ExchangeState {
  /** Every order in submission order. */
  readonly orders: readonly WorkingOrderState[];
  readonly lastPrices: readonly (readonly [InstrumentId, number])[];
  readonly previousCloses: readonly (readonly [InstrumentId, number])[];
  /** Counter of the exchange's own auto square-off orders. */
  readonly autoOrders: number;
}
