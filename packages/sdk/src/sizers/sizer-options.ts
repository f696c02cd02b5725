import { z } from 'zod';
import { ProductSchema, type Product } from '../model/exchange.js';

/**
 * Options every stock sizer accepts. They bound the target a sizer may produce; the sizer's own
 * rule (fixed quantity, percent risk, ...) says how large it would like it to be.
 */
export interface SizerOptions {
  /** Product of the targets. Default `'MIS'` (intraday), the product the stock time exit squares off. */
  readonly product?: Product;
  /**
   * Whether a `short` signal may produce a negative target. Default: `true`, except for `CNC`
   * (delivery cannot be sold short), where a `short` signal means "be flat".
   */
  readonly allowShort?: boolean;
  /**
   * Buying power as a multiple of equity. Default 1 (a cash account: quantity × price ≤ cash).
   * Use e.g. 5 for MIS margin. Positions and open entry orders in other instruments use it up.
   */
  readonly leverage?: number;
  /**
   * Largest target, as a number of orders at the instrument's freeze quantity. Default 10 (the
   * most legs an iceberg order may have on Kite). Ignored for instruments without a freeze quantity.
   */
  readonly maxSlices?: number;
}

/** Zod shape of {@link SizerOptions}, spread into each sizer's own options schema. */
export const sizerOptionsShape = {
  product: ProductSchema.default('MIS'),
  allowShort: z.boolean().optional(),
  leverage: z.number().finite().positive().default(1),
  maxSlices: z.number().int().positive().default(10),
};

/** {@link SizerOptions} with defaults applied. */
export interface SizingLimits {
  readonly product: Product;
  readonly allowShort: boolean;
  readonly leverage: number;
  readonly maxSlices: number;
}

/** Resolves parsed {@link SizerOptions} (schema defaults applied) into limits. */
export function sizingLimits(parsed: {
  readonly product: Product;
  readonly allowShort?: boolean | undefined;
  readonly leverage: number;
  readonly maxSlices: number;
}): SizingLimits {
  return {
    product: parsed.product,
    allowShort: parsed.allowShort ?? parsed.product !== 'CNC',
    leverage: parsed.leverage,
    maxSlices: parsed.maxSlices,
  };
}
