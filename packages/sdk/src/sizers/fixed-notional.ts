import { map } from 'rxjs';
import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { RiskSizer } from '../graph/stages.js';
import { sizeSignal } from './size-signal.js';
import { sizerOptionsShape, sizingLimits, type SizerOptions } from './sizer-options.js';

/** Options of {@link fixedNotional}. */
export interface FixedNotionalOptions extends SizerOptions {
  /** Rupee value of each position at the signal price. */
  readonly notional: number;
}

const FixedNotionalOptionsSchema = z.strictObject({
  ...sizerOptionsShape,
  notional: z.number().finite().positive(),
});

/**
 * Sizes each position to a fixed rupee value: `notional / price` units, rounded down to the lot
 * size and capped by buying power and freeze-quantity slices.
 *
 * @example
 * ```ts
 * const sizer = fixedNotional({ notional: 100_000 });
 * // RELIANCE long at ₹2,480 → target +40 (₹99,200)
 * ```
 */
export function fixedNotional(options: FixedNotionalOptions): RiskSizer {
  const parsed = parseWith(FixedNotionalOptionsSchema, options, 'fixedNotional options');
  const limits = sizingLimits(parsed);
  const note = `notional ${parsed.notional}`;
  return (ctx) =>
    map((signal) =>
      sizeSignal(ctx, signal, parsed.notional / signal.price, limits, 'fixedNotional', note),
    );
}
