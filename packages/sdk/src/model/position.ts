import type Decimal from 'decimal.js';
import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { DecimalSchema } from './charges.js';
import { ProductSchema, type Product } from './exchange.js';
import { freezeMessage } from './freeze.js';
import { InstrumentIdSchema, type InstrumentId } from './instrument.js';

/** A net position in one instrument and product. */
export interface Position {
  readonly instrument: InstrumentId;
  readonly product: Product;
  /** Signed units. */
  readonly quantity: number;
  /** Average entry price of the open quantity (0 when flat). */
  readonly averagePrice: number;
  /** Realised P&L booked on this position so far, before charges. */
  readonly realisedPnl: Decimal;
  /** Last price used to mark the position. */
  readonly lastPrice: number;
}

/** Zod schema of a {@link Position}: integral quantity, entry price 0 exactly when flat. */
export const PositionSchema = z
  .object({
    instrument: InstrumentIdSchema,
    product: ProductSchema,
    quantity: z.number().int(),
    averagePrice: z.number().nonnegative(),
    realisedPnl: DecimalSchema,
    lastPrice: z.number().nonnegative(),
  })
  .superRefine((p, ctx) => {
    if (p.quantity === 0 && p.averagePrice !== 0) {
      ctx.addIssue({ code: 'custom', path: ['averagePrice'], message: 'must be 0 when flat' });
    }
    if (p.quantity !== 0 && p.averagePrice === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['averagePrice'],
        message: 'an open position needs its entry price',
      });
    }
  });

/**
 * Validates a position and returns it frozen (realised P&L as a Decimal); throws a
 * ValidationError otherwise.
 *
 * @example
 * ```ts
 * const position = parsePosition({ instrument: 'NSE:INFY', product: 'CNC', quantity: -10,
 *   averagePrice: 1500, realisedPnl: '0', lastPrice: 1490 });
 * ```
 */
export function parsePosition(input: unknown): Position {
  return freezeMessage(parseWith(PositionSchema, input, 'position'));
}
