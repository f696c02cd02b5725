import type { Broker, RateLimiter } from '@pravah/brokers';
import type { Calendar, InstrumentId, MisBroker, Strategy } from '@pravah/sdk';
import type { Logger as PinoLogger } from 'pino';
import type { z } from 'zod';
import type { RuntimeLimitsSchema } from '../guards/runtime-limits.js';
import type { LiveMetrics } from '../observability/live-metrics.js';
import type { EndOfDayReport } from './end-of-day-report.js';

/** `live` sends orders to a real broker, `paper` to a paper broker, `dry-run` sends nothing. */
export type LiveMode = 'live' | 'paper' | 'dry-run';

/** Options of {@link createRuntime}. */
export interface RuntimeOptions<S extends z.ZodType = z.ZodType> {
  readonly strategy: Strategy<S>;
  /** Instruments to trade when the strategy's universe is empty ("whatever the feed carries"). */
  readonly universe?: readonly InstrumentId[];
  /** Raw parameters, validated by the strategy's schema. */
  readonly params?: unknown;
  readonly broker: Broker;
  readonly mode: LiveMode;
  /** Path of the journal file (created when missing, replayed when present). */
  readonly journal: string;
  readonly calendar: Calendar;
  readonly limits?: z.input<typeof RuntimeLimitsSchema>;
  /** Names the run; client tags derive from it. Keep it for restarts of the same day. */
  readonly runId: string;
  readonly logger?: PinoLogger;
  readonly metrics?: LiveMetrics;
  /** How far back warm-up candles are fetched. Default 3 days. */
  readonly warmupMs?: number;
  /** Whose MIS cut-off applies. Default zerodha. */
  readonly misBroker?: MisBroker;
  /** How long before the broker's MIS cut-off the runtime squares off itself. Default 60 s. */
  readonly squareOffLeadMs?: number;
  /**
   * Feed the graph completed bars of the strategy's base timeframe (default), or every tick
   * (strategies written for ticks).
   */
  readonly marketEvents?: 'bars' | 'ticks';
  /** Follow the calendar (default). `false` treats every moment as in session (tests, demos). */
  readonly sessionAware?: boolean;
  readonly now?: () => number;
  /** Period of the session, guard and P&L checks. Default 1000 ms. */
  readonly housekeepingMs?: number;
  /** Period of the order book reconciliation while orders are live. Default 5000 ms. */
  readonly reconcileMs?: number;
  readonly orderLimiter?: RateLimiter;
  readonly queryLimiter?: RateLimiter;
  /** Pauses between lookups of an order whose placement outcome is unknown. */
  readonly lookupDelaysMs?: readonly number[];
  /** Receives the end-of-day report at the session close (and at stop). */
  readonly onReport?: (report: EndOfDayReport) => void;
}
