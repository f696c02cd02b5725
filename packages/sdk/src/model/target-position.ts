import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { ProductSchema, type Product } from './exchange.js';
import { freezeMessage } from './freeze.js';
import { InstrumentIdSchema, type InstrumentId } from './instrument.js';
import { SignalEventSchema, type SignalEvent } from './signal-event.js';
import { checkStopAndTarget } from './stop-and-target.js';

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

/** Zod schema of a {@link TargetPosition}: integral quantity (never -0), stop and target on the right sides. */
export const TargetPositionSchema = z
  .object({
    kind: z.literal('target'),
    instrument: InstrumentIdSchema,
    time: z.number().int(),
    quantity: z.number().int(),
    product: ProductSchema,
    price: z.number().positive(),
    stop: z.number().positive().optional(),
    target: z.number().positive().optional(),
    confidence: z.number().min(0).max(1),
    reason: z.string(),
    signal: SignalEventSchema.optional(),
  })
  .superRefine((t, ctx) => {
    if (Object.is(t.quantity, -0)) {
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'must be 0, not -0' });
    }
    checkStopAndTarget(Math.sign(t.quantity), t, ctx);
    if (t.signal !== undefined && t.signal.instrument !== t.instrument) {
      ctx.addIssue({
        code: 'custom',
        path: ['signal', 'instrument'],
        message: `must equal the target's instrument ${t.instrument}`,
      });
    }
  });

/**
 * Validates a target position and returns it deep-frozen; throws a ValidationError otherwise.
 *
 * @example
 * ```ts
 * const target = parseTargetPosition({ kind: 'target', instrument: 'NFO:NIFTY25DECFUT', time: 0,
 *   quantity: 75, product: 'NRML', price: 26_000, confidence: 1, reason: 'fixed quantity' });
 * ```
 */
export function parseTargetPosition(input: unknown): TargetPosition {
  return freezeMessage(parseWith(TargetPositionSchema, input, 'target position'));
}
