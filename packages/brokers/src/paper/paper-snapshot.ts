import {
  FillSchema,
  InstrumentIdSchema,
  OrderSchema,
  TickSchema,
  parseWith,
  type Fill,
  type InstrumentId,
  type Order,
  type Tick,
} from '@pravah/sdk';
import { z } from 'zod';

/** The current IST day, week and period anchors of a paper account. */
export interface PaperSessionState {
  /** IST midnight (epoch ms) of the day being traded, or null before the first tick. */
  readonly day: number | null;
  /** IST Monday midnight of the current week, or null before the first tick. */
  readonly week: number | null;
  /** IST midnight of the previous day that had ticks (for T+1 holdings), or null. */
  readonly previousDay: number | null;
  /** Time of the latest tick processed, or null. */
  readonly lastTime: number | null;
  readonly startOfDayEquity: number;
  readonly startOfWeekEquity: number;
  readonly startOfDayRealised: number;
  readonly startOfWeekRealised: number;
  readonly peakEquity: number;
  /** Instruments already squared off at today's MIS cut-off. */
  readonly squaredOffToday: readonly InstrumentId[];
  /** Latest tick per instrument (quotes, marks, session-end square-off times). */
  readonly lastTicks: readonly Tick[];
}

/** A broker order: the placement facts plus the exchange orders ("legs") modifications created. */
export interface PaperOrderRecord {
  readonly orderId: string;
  readonly tag?: string;
  readonly variety: 'regular' | 'amo';
  readonly validity: 'DAY' | 'IOC' | 'TTL';
  readonly validityTtlMinutes?: number;
  readonly placedAt: number;
  /** Exchange order ids, oldest first; the last one is live, earlier ones were replaced. */
  readonly legs: readonly string[];
}

/** One exchange order's state as the SimulatedExchange exports it. */
export interface PaperWorkingOrder {
  readonly order: Order;
  readonly activeAt: number;
  readonly triggered: boolean;
  readonly fillCount: number;
  readonly filledValue: number;
}

/**
 * Everything a PaperBroker needs to continue after a restart. Cash and positions are not
 * stored: they are rebuilt by booking `fills` again from `capital` (the ledger is a pure
 * function of its fills), which also rebuilds the fee model's day state.
 */
export interface PaperSnapshot {
  readonly version: 1;
  readonly capital: number;
  readonly nextOrderNumber: number;
  readonly orders: readonly PaperOrderRecord[];
  readonly fills: readonly Fill[];
  readonly exchange: {
    readonly orders: readonly PaperWorkingOrder[];
    readonly lastPrices: readonly (readonly [InstrumentId, number])[];
    readonly previousCloses: readonly (readonly [InstrumentId, number])[];
    readonly autoOrders: number;
  };
  readonly session: PaperSessionState;
}

const epoch = z.number().int();
const pricePair = z.tuple([InstrumentIdSchema, z.number().positive()]);

/** Zod schema of a {@link PaperSnapshot} (charges are read back into Decimals). */
export const PaperSnapshotSchema = z.object({
  version: z.literal(1),
  capital: z.number().positive(),
  nextOrderNumber: z.number().int().positive(),
  orders: z.array(
    z.object({
      orderId: z.string().min(1),
      tag: z.string().min(1).optional(),
      variety: z.enum(['regular', 'amo']),
      validity: z.enum(['DAY', 'IOC', 'TTL']),
      validityTtlMinutes: z.number().int().positive().optional(),
      placedAt: epoch,
      legs: z.array(z.string().min(1)).min(1),
    }),
  ),
  fills: z.array(FillSchema),
  exchange: z.object({
    orders: z.array(
      z.object({
        order: OrderSchema,
        activeAt: epoch,
        triggered: z.boolean(),
        fillCount: z.number().int().nonnegative(),
        filledValue: z.number().nonnegative(),
      }),
    ),
    lastPrices: z.array(pricePair),
    previousCloses: z.array(pricePair),
    autoOrders: z.number().int().nonnegative(),
  }),
  session: z.object({
    day: epoch.nullable(),
    week: epoch.nullable(),
    previousDay: epoch.nullable(),
    lastTime: epoch.nullable(),
    startOfDayEquity: z.number(),
    startOfWeekEquity: z.number(),
    startOfDayRealised: z.number(),
    startOfWeekRealised: z.number(),
    peakEquity: z.number(),
    squaredOffToday: z.array(InstrumentIdSchema),
    lastTicks: z.array(TickSchema),
  }),
});

/**
 * Validates a snapshot read from a store (e.g. parsed JSON); throws a ValidationError naming
 * the offending field otherwise.
 *
 * @example
 * ```ts
 * const snapshot = parsePaperSnapshot(JSON.parse(await readFile('paper.json', 'utf8')));
 * ```
 */
export function parsePaperSnapshot(input: unknown): PaperSnapshot {
  return parseWith(PaperSnapshotSchema, input, 'paper snapshot') as PaperSnapshot;
}
