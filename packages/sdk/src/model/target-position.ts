import { z } from 'zod';
import { ProductSchema, type Product } from './exchange.js';
import { InstrumentIdSchema, type InstrumentId } from './instrument.js';
import { SignalEventSchema, type SignalEvent } from './signal-event.js';

/** Output of a RiskSizer: the signed position (units, lot-aligned) the strategy wants to hold. */
export interface TargetPosition {
  readonly kind: 'target';
  readonly instrument: InstrumentId;
  readonly time: number;
  /** Signed units: positive long, negative short, 0 flat. Always a multiple of the lot size. */
  readonly quantity: number;
  readonly product: Product;
  /** Reference price used for sizing. */
  readonly price: number;
  readonly stop?: number;
  readonly target?: number;
  readonly confidence: number;
  readonly reason: string;
  /** The signal this target came from. */
  readonly signal?: SignalEvent;
}

export const TargetPositionSchema = z.object({
  kind: z.literal('target'),
  instrument: InstrumentIdSchema,
  time: z.number().int(),
  quantity: z.number().int(),
  product: ProductSchema,
  price: z.number().finite().positive(),
  stop: z.number().finite().positive().optional(),
  target: z.number().finite().positive().optional(),
  confidence: z.number().min(0).max(1),
  reason: z.string(),
  signal: SignalEventSchema.optional(),
});
