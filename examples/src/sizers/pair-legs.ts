import { map } from 'rxjs';
import { z } from 'zod';
import {
  ProductSchema,
  SizingError,
  parseWith,
  type Product,
  type RiskSizer,
  type TargetPosition,
} from '@pravah/sdk';
import { isPairLeg } from '../signals/pair-spread-signal.js';
import { budgetTarget, wholeLots } from './budget-target.js';

/** Options of {@link pairLegs}. */
export interface PairLegsOptions {
  /** Share of equity both legs together may cost (gross), in (0, 1]. */
  readonly capitalFraction: number;
  /** Product of both legs. Default `'MIS'`: the short leg must be intraday for cash equities. */
  readonly product?: Product | undefined;
}

const OptionsSchema = z.strictObject({
  capitalFraction: z.number().gt(0, 'must be above 0').max(1, 'must be at most 1'),
  product: ProductSchema.default('MIS'),
});

/**
 * Sizes the two legs of a pair from the hedge ratio their signals carry (see
 * {@link pairSpreadSignal}): `n = capitalFraction × equity / (p₁ + β·p₂)` units of the spread, so
 * the first leg holds `n` units (rounded down to lots) and the second `β·n` (rounded to the
 * nearest lot), on opposite sides. Both legs are computed from the same prices and equity, so the
 * two signals of one decision give one consistent hedge. `flat` gives 0. A signal that is not a
 * pair leg cannot be sized and fails the run with a {@link SizingError}.
 *
 * @example
 * ```ts
 * const sizer = pairLegs({ capitalFraction: 0.9 });
 * // equity ₹10,00,000, β 1.08, HDFCBANK 1,240, KOTAKBANK 790: n = 900,000 / 2,093.2 = 429
 * // → long 429 HDFCBANK, short 464 KOTAKBANK
 * ```
 */
export function pairLegs(options: PairLegsOptions): RiskSizer {
  const parsed = parseWith(OptionsSchema, options, 'pairLegs options');
  return (ctx) =>
    map((signal): TargetPosition => {
      if (!isPairLeg(signal)) {
        throw new SizingError(
          'pairLegs',
          'signal.pair',
          undefined,
          'pairLegs sizes the legs of pairSpreadSignal; use another sizer for other signals',
        );
      }
      const { hedgeRatio, firstPrice, secondPrice, role, first, second } = signal.pair;
      const spreadPrice = firstPrice + hedgeRatio * secondPrice;
      if (signal.direction !== 'flat' && !(spreadPrice > 0 && hedgeRatio > 0)) {
        throw new SizingError(
          'pairLegs',
          'signal.pair.hedgeRatio',
          hedgeRatio,
          'a hedge needs a positive ratio',
        );
      }
      const spreadUnits = Math.floor(
        (parsed.capitalFraction * ctx.portfolio.equity()) / spreadPrice,
      );
      const firstUnits = wholeLots(spreadUnits, ctx.instruments.get(first).lotSize);
      const secondLot = ctx.instruments.get(second).lotSize;
      const units =
        role === 'first'
          ? firstUnits
          : Math.round((hedgeRatio * firstUnits) / secondLot) * secondLot;
      const note = `${role} leg of ${spreadUnits} spread units at β ${hedgeRatio.toFixed(4)}`;
      // The leg's rupee budget is exactly its size, so budgetTarget keeps it and applies the sign.
      return budgetTarget(
        ctx,
        signal,
        units * signal.price,
        parsed.product,
        'pairLegs',
        note,
        units,
      );
    });
}
