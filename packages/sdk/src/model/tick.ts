import { z } from 'zod';
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
  readonly bid?: number;
  readonly ask?: number;
  readonly oi?: number;
  readonly depth?: Depth;
}

const DepthLevelSchema = z.object({
  price: z.number().finite().nonnegative(),
  quantity: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
});

export const TickSchema = z.object({
  kind: z.literal('tick'),
  instrument: InstrumentIdSchema,
  time: z.number().int(),
  price: z.number().finite().positive(),
  quantity: z.number().finite().nonnegative().optional(),
  volume: z.number().finite().nonnegative().optional(),
  bid: z.number().finite().nonnegative().optional(),
  ask: z.number().finite().nonnegative().optional(),
  oi: z.number().finite().nonnegative().optional(),
  depth: z.object({ buy: z.array(DepthLevelSchema), sell: z.array(DepthLevelSchema) }).optional(),
});
