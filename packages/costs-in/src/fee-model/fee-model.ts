import type { FeeModel, Fill } from '@pravah/sdk';
import { defer, map } from 'rxjs';
import type { ChargeOptions } from '../charges/charges.js';
import { fillCharger } from './fill-charger.js';

/**
 * The strategy graph's fee stage (an sdk `FeeModel`): attaches an itemised Indian charges
 * breakdown to every fill, using the instrument registry of the run's context for the instrument
 * type. Each subscription charges its fills with its own {@link fillCharger}, so partial fills of
 * an order are one executed order and a day's fills add up to its contract note.
 *
 * @example
 * ```ts
 * const charged$ = fills$.pipe(feeModel({ plan: zerodha() })(ctx));
 * const contractNoteLike$ = fills$.pipe(feeModel({ plan: upstox(), rounding: perContractNoteRounding })(ctx));
 * ```
 */
export function feeModel(options: ChargeOptions): FeeModel {
  return (ctx) => (fills) =>
    defer(() => {
      const charge = fillCharger(options);
      return fills.pipe(
        map((fill): Fill => ({
          ...fill,
          charges: charge(fill, ctx.instruments.get(fill.instrument)),
        })),
      );
    });
}
