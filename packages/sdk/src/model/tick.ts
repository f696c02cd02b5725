import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { freezeMessage } from './freeze.js';
import { InstrumentIdSchema, type InstrumentId } from './instrument.js';

/** One level of market depth. */
export interface DepthLevel {
  readonly price: number;
  readonly quantity: number;
  readonly orders: number;
}

/** Best bids (highest first) and asks (lowest first). */
export interface Depth {
  readonly buy: readonly DepthLevel[];
  readonly sell: readonly DepthLevel[];
}

/** A trade print or quote update. `time` is epoch ms (UTC) of the exchange timestamp. */
export interface Tick {
  readonly kind: 'tick';
  readonly instrument: InstrumentId;
  readonly time: number;
  /** Last traded price. */
  readonly price: number;
  /** Quantity of the last trade, when known. */
  readonly quantity?: number;
  /** Cumulative day volume, when known. */
  readonly volume?: number;
  /** Best bid; 0 when the book side is empty. */
  readonly bid?: number;
  /** Best ask; 0 when the book side is empty. */
  readonly ask?: number;
  readonly oi?: number;
  readonly depth?: Depth;
}

// Depth and quotes allow 0: brokers send 0 for an empty level. Level ordering is not enforced
// here because real feeds get it wrong (see MANIFEST.md); parsers detect and report that.
/** Zod schema of a {@link DepthLevel}. */
export const DepthLevelSchema = z.object({
  price: z.number().nonnegative(),
  quantity: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
});

/** Zod schema of a {@link Depth}. */
export const DepthSchema = z.object({
  buy: z.array(DepthLevelSchema),
  sell: z.array(DepthLevelSchema),
});

/** Zod schema of a {@link Tick}. */
export const TickSchema = z.object({
  kind: z.literal('tick'),
  instrument: InstrumentIdSchema,
  time: z.number().int(),
  price: z.number().positive(),
  quantity: z.number().nonnegative().optional(),
  volume: z.number().nonnegative().optional(),
  bid: z.number().nonnegative().optional(),
  ask: z.number().nonnegative().optional(),
  oi: z.number().nonnegative().optional(),
  depth: DepthSchema.optional(),
});

/**
 * Validates a tick and returns it deep-frozen; throws a ValidationError naming the field
 * (e.g. `depth.buy.0.price`) and value otherwise.
 *
 * @example
 * ```ts
 * const tick = parseTick({ kind: 'tick', instrument: 'NFO:NIFTY25NOVFUT', time: 1763361420000, price: 25_990.5 });
 * ```
 */
export function parseTick(input: unknown): Tick {
  return freezeMessage(parseWith(TickSchema, input, 'tick'));
}
