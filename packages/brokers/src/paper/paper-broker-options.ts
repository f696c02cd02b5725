import type { FeeFunction, FillOptions, MisCutoffs } from '@pravah/backtest';
import type { BrokerPlan } from '@pravah/costs-in';
import {
  parseWith,
  type Bar,
  type Instrument,
  type InstrumentId,
  type Product,
  type SlippageModel,
  type Tick,
  type Timeframe,
} from '@pravah/sdk';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import type { PaperStore } from './paper-store.js';

/**
 * Where `historicalCandles` gets candles from (e.g. a real broker's method).
 *
 * @example
 * ```ts
 * const candles: CandleSource = (id, tf, from, to) => kite.historicalCandles(id, tf, from, to);
 * ```
 */
export type CandleSource = (
  instrument: InstrumentId,
  timeframe: Timeframe,
  from: number,
  to: number,
) => Promise<readonly Bar[]>;

/**
 * Options of a {@link PaperBroker}.
 *
 * @example
 * ```ts
 * const options: PaperBrokerOptions = { ticks, instruments, capital: 500_000, latencyMs: 250 };
 * ```
 */
export interface PaperBrokerOptions {
  /** Any live tick stream: a real adapter's `subscribe(...)`, a file replay, a fake's ticker. */
  readonly ticks: Observable<Tick>;
  /** The tradable instruments (lot, tick, freeze quantity), also what `instruments()` returns. */
  readonly instruments: readonly Instrument[];
  /** Starting cash in rupees. */
  readonly capital: number;
  /** Brokerage plan for charges and MIS cut-offs; default `zerodha()`. */
  readonly plan?: BrokerPlan;
  /** Replaces the plan's charges (deterministic; it is replayed over stored fills on restart). */
  readonly fees?: FeeFunction;
  readonly slippage?: SlippageModel;
  /** Milliseconds from placement to arrival at the simulated exchange; default 0. */
  readonly latencyMs?: number;
  readonly fill?: FillOptions;
  /** Buying power multiple of equity per product; 1 unless configured. */
  readonly leverage?: Partial<Record<Product, number>>;
  /** Overrides the plan's MIS cut-offs, or false to disable auto square-off. */
  readonly misCutoffs?: MisCutoffs | false;
  /** Keeps orders, fills and the session across restarts. */
  readonly store?: PaperStore;
  /** Time of new orders; default the latest tick's time (Date.now() before the first tick). */
  readonly clock?: () => number;
  /** Candles for `historicalCandles`; without it that method throws PaperHistoryUnavailableError. */
  readonly candles?: CandleSource;
}

const NumbersSchema = z.object({
  capital: z.number().positive().finite(),
  latencyMs: z.number().int().nonnegative().optional(),
  instruments: z.array(z.unknown()).min(1, 'at least one instrument is needed'),
});

/**
 * Fails fast on options that would otherwise become NaN later: capital, latency, no instruments.
 *
 * @example
 * ```ts
 * checkPaperOptions({ ticks, instruments, capital: -1 }); // throws ValidationError on `capital`
 * ```
 */
export function checkPaperOptions(options: PaperBrokerOptions): void {
  parseWith(
    NumbersSchema,
    { capital: options.capital, latencyMs: options.latencyMs, instruments: options.instruments },
    'PaperBroker options',
  );
}
