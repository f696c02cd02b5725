import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { ChargesSchema, type Charges } from './charges.js';
import { ProductSchema, SideSchema, type Product, type Side } from './exchange.js';
import { freezeMessage } from './freeze.js';
import { InstrumentIdSchema, type InstrumentId } from './instrument.js';

/** An execution of (part of) an order. Slippage adjusts `price`; the fee model attaches `charges`. */
export interface Fill {
  readonly kind: 'fill';
  readonly id: string;
  readonly orderId: string;
  readonly instrument: InstrumentId;
  readonly time: number;
  readonly side: Side;
  readonly quantity: number;
  readonly price: number;
  readonly product: Product;
  /** Price before slippage was applied (equals `price` when none). */
  readonly rawPrice: number;
  /** Itemised charges, attached by the FeeModel. */
  readonly charges?: Charges;
  /** Why the fill happened, e.g. `market at open`, `stop gapped through`, `auto square-off`. */
  readonly reason?: string;
}

/** Zod schema of a {@link Fill}; charges are read into Decimals. */
export const FillSchema = z.object({
  kind: z.literal('fill'),
  id: z.string().min(1),
  orderId: z.string().min(1),
  instrument: InstrumentIdSchema,
  time: z.number().int(),
  side: SideSchema,
  quantity: z.number().int().positive(),
  price: z.number().positive(),
  product: ProductSchema,
  rawPrice: z.number().positive(),
  charges: ChargesSchema.optional(),
  reason: z.string().optional(),
});

/**
 * Validates a fill and returns it deep-frozen (charges as Decimals); throws a ValidationError
 * otherwise.
 *
 * @example
 * ```ts
 * const fill = parseFill({ kind: 'fill', id: 'f-1', orderId: 'o-1', instrument: 'NSE:INFY',
 *   time: 0, side: 'BUY', quantity: 10, price: 1500.5, rawPrice: 1500, product: 'CNC' });
 * ```
 */
export function parseFill(input: unknown): Fill {
  return freezeMessage(parseWith(FillSchema, input, 'fill'));
}

/**
 * Signed quantity of a fill: + for BUY, − for SELL.
 *
 * @example
 * ```ts
 * signedQuantity({ side: 'SELL', quantity: 75 }); // -75
 * ```
 */
export function signedQuantity(fill: Pick<Fill, 'side' | 'quantity'>): number {
  return fill.side === 'BUY' ? fill.quantity : -fill.quantity;
}
