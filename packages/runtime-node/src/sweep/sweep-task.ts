import type { BacktestResult } from '@pravah/backtest';
import type { Instrument } from '@pravah/sdk';
import type { SlippageChoice } from '../cli/parse-choices.js';
import type { BarColumns } from '../data/bar-columns.js';
import type { PlanChoice } from './run-costs.js';

/**
 * Where a worker gets its bars: the embedded synthetic market, a file or folder it loads itself
 * (once per worker), or columns the main thread loaded and shares (SharedArrayBuffer, no copy).
 */
export type SweepData =
  | { readonly kind: 'default' }
  | { readonly kind: 'file'; readonly path: string; readonly symbol?: string | undefined }
  | {
      readonly kind: 'shared';
      /** Identifies the shared columns, so a worker rebuilds the bars once. */
      readonly key: string;
      readonly columns: BarColumns;
      readonly instruments: readonly Instrument[];
    };

/** Everything shared by the runs of one sweep: the same for every grid point. */
export interface SweepSetup {
  /** Example name or path of the strategy file. */
  readonly strategy: string;
  /** Directory a strategy path is relative to. */
  readonly cwd: string;
  readonly data: SweepData;
  readonly capital: number;
  readonly plan: PlanChoice;
  readonly slippage: SlippageChoice;
  readonly seed: number;
}

/** One backtest for a worker: the setup, the raw parameters and the window (epoch ms, inclusive). */
export interface SweepTask {
  readonly setup: SweepSetup;
  readonly params: Readonly<Record<string, unknown>>;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

/** What a worker returns for one run: small enough to send back for thousands of points. */
export interface SweepRun {
  /** Parameters after the strategy's schema (defaults applied). */
  readonly params: unknown;
  readonly metrics: BacktestResult['metrics'];
  readonly badge: BacktestResult['grade']['badge'];
  /** Daily returns (fractions) and their IST dates, for the overfitting statistics. */
  readonly dailyReturns: readonly number[];
  readonly dailyDates: readonly string[];
  readonly events: number;
}
