import type { Charges, Fill, Instrument, MarketEvent, Product, SlippageModel } from '@pravah/sdk';
import type { FillOptions } from '../exchange/exchange-config.js';

/** Charges for one fill; the engine's fee hook (see `plan` in {@link BacktestOptions}). */
export type FeeFunction = (fill: Fill, instrument: Instrument) => Charges;

/** The engine's slippage hook: any sdk SlippageModel (`fixedBps(5)`, `volumeShare(...)`, ...). */
export type FillPriceModel = SlippageModel;

/** IST `HH:MM` cut-offs after which a broker squares off MIS positions, per segment. */
export interface MisCutoffs {
  /** NSE / BSE cash. */
  readonly equity: string;
  /** NFO / BFO. */
  readonly derivatives: string;
  /** CDS / BCD. */
  readonly currency: string;
  /** MCX. */
  readonly commodity: string;
}

/** Zerodha's auto square-off times (COSTS.md §4.2), the default when the plan gives none. */
export const ZERODHA_MIS_CUTOFFS: MisCutoffs = Object.freeze({
  equity: '15:20',
  derivatives: '15:25',
  currency: '16:45',
  commodity: '23:05',
});

/** Everything a backtest run needs besides the strategy. */
export interface BacktestOptions {
  /** Market events ordered by the time they become known (`knownAt`), e.g. from `mergeIterablesByTime`. */
  readonly feed: Iterable<MarketEvent>;
  /** Metadata of every instrument in the feed (lot, tick, freeze quantity, type). */
  readonly instruments: readonly Instrument[];
  /** Starting cash in rupees. */
  readonly capital: number;
  /** Charges per fill (e.g. from `@pravah/costs-in`); omit for a run without costs. */
  readonly fees?: FeeFunction;
  /** Name of the brokerage plan, for the report. */
  readonly planName?: string;
  /** Fill-price slippage; omit for none. */
  readonly slippage?: FillPriceModel;
  /** Milliseconds from order creation to arrival at the exchange. */
  readonly latencyMs?: number;
  /** Extra uniformly random latency in [0, jitter) ms, drawn from the seeded generator. */
  readonly latencyJitterMs?: number;
  readonly fill?: FillOptions;
  /** Ignore events known before this time (epoch ms). */
  readonly from?: number;
  /** Ignore events known after this time (epoch ms). */
  readonly to?: number;
  /** Seed for everything random in the run (latency jitter). */
  readonly seed?: number;
  /** Raw strategy parameters, validated by the strategy's schema (defaults applied). */
  readonly params?: unknown;
  /** Buying power multiple of equity per product; 1 (no leverage) unless configured. */
  readonly leverage?: Partial<Record<Product, number>>;
  /** MIS auto square-off cut-offs, or false to disable auto square-off. */
  readonly misCutoffs?: MisCutoffs | false;
  /** Called every `progressEvery` events with the number of events processed. */
  readonly onProgress?: (events: number) => void;
  readonly progressEvery?: number;
}
