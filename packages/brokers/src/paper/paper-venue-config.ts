import type { FeeFunction, FillOptions, MisCutoffs } from '@pravah/backtest';
import type { BrokerPlan } from '@pravah/costs-in';
import type { Instrument, Product, SlippageModel } from '@pravah/sdk';

/** What the paper venue simulates: the same knobs as a backtest run. */
export interface PaperVenueConfig {
  readonly instruments: readonly Instrument[];
  /** Starting cash in rupees. */
  readonly capital: number;
  /** Brokerage plan for charges (via `fillCharger`) and MIS cut-offs. */
  readonly plan: BrokerPlan;
  /** Replaces the plan's charges, e.g. to clamp old replayed dates; must be deterministic. */
  readonly fees?: FeeFunction;
  readonly slippage?: SlippageModel;
  /** Milliseconds from placement to arrival at the simulated exchange. */
  readonly latencyMs: number;
  readonly fill?: FillOptions;
  /** Buying power multiple of equity per product; 1 unless configured. */
  readonly leverage?: Partial<Record<Product, number>>;
  /** Overrides the plan's MIS cut-offs, or false to disable auto square-off. */
  readonly misCutoffs?: MisCutoffs | false;
}
