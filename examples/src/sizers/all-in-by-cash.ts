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

/** Options of {@link allInByCash}. */
export interface AllInByCashOptions {
  /** Fixed size in units (rounded down to the lot size, still capped by cash). Default: no cap. */
  readonly quantity?: number | undefined;
  /** Product of the targets. Default: CNC for NSE/BSE instruments, NRML for derivatives. */
  readonly product?: Product | undefined;
}

const OptionsSchema = z.strictObject({
  quantity: z.number().int('must be a whole number of units').positive().optional(),
  product: ProductSchema.optional(),
});

/**
 * Sizes each entry with all the cash: `floor(cash / price)` units at the signal's price, rounded
 * down to whole lots. Cash counts what the instrument's own position would free, less what open
 * entry orders in other instruments will spend (valued at their limit or trigger price, else at
 * the price of the signal that sized them), so two entries in one bar never both get it. With
 * `quantity` the size is that many units instead (rounded down to lots), still never more than
 * the cash buys. `flat` gives 0; `short` gives the negative size, or 0 for CNC (no short selling
 * of delivery). One position at a time takes everything: a second instrument's entry finds no cash.
 *
 * The size is fixed at the signal's price; an order filled at a higher next open can leave cash
 * a little below zero, which the ledger records as it is.
 *
 * @example
 * ```ts
 * const sizer = allInByCash(); // cash ₹10,00,000, long INFY at 1,500 → target +666
 * const fixed = allInByCash({ quantity: 50 }); // +50, or less when the cash buys less
 * ```
 */
export function allInByCash(options: AllInByCashOptions = {}): RiskSizer {
  const parsed = parseWith(OptionsSchema, options, 'allInByCash options');
  const note =
    parsed.quantity === undefined ? 'all the cash' : `${parsed.quantity} units, capped by cash`;
  return (ctx) => {
    const signalPrices = new Map<InstrumentId, number>();
    return map((signal) => {
      signalPrices.set(signal.instrument, signal.price);
      const held = ctx.portfolio.positionQuantity(signal.instrument);
      const cash =
        ctx.portfolio.cash() +
        Math.abs(held) * signal.price -
        pendingEntrySpend(ctx, signal.instrument, signalPrices, 'BUY');
      const product = parsed.product ?? positionalProduct(ctx.instruments.get(signal.instrument));
      return budgetTarget(ctx, signal, cash, product, 'allInByCash', note, parsed.quantity);
    });
  };
}
