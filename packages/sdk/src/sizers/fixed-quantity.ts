import { map } from 'rxjs';
import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { RiskSizer } from '../graph/stages.js';
import { sizeSignal } from './size-signal.js';
import { sizerOptionsShape, sizingLimits, type SizerOptions } from './sizer-options.js';

/** Options of {@link fixedQuantity}: a size in units or in lots (exactly one). */
export type FixedQuantityOptions = SizerOptions &
  (
    | { readonly quantity: number; readonly lots?: never }
    | { readonly lots: number; readonly quantity?: never }
  );

const FixedQuantityOptionsSchema = z
  .strictObject({
    ...sizerOptionsShape,
    quantity: z.number().int().positive().optional(),
    lots: z.number().int().positive().optional(),
  })
  .refine((o) => (o.quantity === undefined) !== (o.lots === undefined), {
    message: 'give exactly one of quantity (units) or lots',
    path: ['quantity'],
  });

/**
 * Sizes every `long` / `short` signal to the same quantity: `quantity` units (rounded down to the
 * lot size) or `lots` whole lots. `flat` gives 0. The quantity is still capped by buying power and
 * the freeze-quantity slices (see {@link SizerOptions}).
 *
 * @example
 * ```ts
 * const strategy = defineStrategy({ ..., sizer: fixedQuantity({ lots: 2, product: 'NRML' }) });
 * // NIFTY futures, lot 75: a long signal becomes a target of +150, a short one -150.
 * ```
 */
export function fixedQuantity(options: FixedQuantityOptions): RiskSizer {
  const parsed = parseWith(FixedQuantityOptionsSchema, options, 'fixedQuantity options');
  const limits = sizingLimits(parsed);
  return (ctx) =>
    map((signal) => {
      const units =
        parsed.lots !== undefined
          ? parsed.lots * ctx.instruments.get(signal.instrument).lotSize
          : (parsed.quantity ?? 0);
      const note = parsed.lots !== undefined ? `${parsed.lots} lot(s)` : `${parsed.quantity} units`;
      return sizeSignal(ctx, signal, units, limits, 'fixedQuantity', note);
    });
}
