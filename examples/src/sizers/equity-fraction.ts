import { map } from 'rxjs';
import { z } from 'zod';
import {
  ProductSchema,
  parseWith,
  type InstrumentId,
  type Product,
  type RiskSizer,
} from '@pravah/sdk';
import { budgetTarget, pendingEntrySpend } from './budget-target.js';
import { positionalProduct } from './positional-product.js';

/** Options of {@link equityFraction}. */
export interface EquityFractionOptions {
  /** Share of equity each position may cost, in (0, 1]. */
  readonly fraction: number;
  /** Product of the targets. Default: CNC for NSE/BSE instruments, NRML for derivatives. */
  readonly product?: Product | undefined;
}

const OptionsSchema = z.strictObject({
  fraction: z.number().gt(0, 'must be above 0').max(1, 'must be at most 1'),
  product: ProductSchema.optional(),
});

/**
 * Sizes each position to a share of equity: `fraction × equity / price` units, rounded down to
 * whole lots, and never more than the equity left after the other instruments' positions
 * (valued at their last prices) and their open entry orders. With `fraction` 0.1 up to ten positions are held side by side.
 * `flat` gives 0; `short` the negative size, or 0 for CNC.
 *
 * @example
 * ```ts
 * const sizer = equityFraction({ fraction: 0.1 }); // equity ₹10,00,000, long TCS at 3,900 → +25
 * const intraday = equityFraction({ fraction: 0.25, product: 'MIS' });
 * ```
 */
export function equityFraction(options: EquityFractionOptions): RiskSizer {
  const parsed = parseWith(OptionsSchema, options, 'equityFraction options');
  const note = `${parsed.fraction * 100}% of equity`;
  return (ctx) => {
    const signalPrices = new Map<InstrumentId, number>();
    return map((signal) => {
      signalPrices.set(signal.instrument, signal.price);
      const equity = ctx.portfolio.equity();
      let elsewhere = pendingEntrySpend(ctx, signal.instrument, signalPrices, 'both');
      for (const position of ctx.portfolio.positions()) {
        if (position.instrument !== signal.instrument) {
          elsewhere += Math.abs(position.quantity) * position.lastPrice;
        }
      }
      const budget = Math.min(parsed.fraction * equity, equity - elsewhere);
      const product = parsed.product ?? positionalProduct(ctx.instruments.get(signal.instrument));
      return budgetTarget(ctx, signal, budget, product, 'equityFraction', note);
    });
  };
}
