import type { Charges, Fill, Instrument } from '@pravah/sdk';
import { finalize } from '../charges/amounts.js';
import { applyContractNoteLevies, assessOrder } from '../charges/assess.js';
import { termsOf, valueOf, type ChargeOptions } from '../charges/charges.js';
import { perOrderRounding } from '../rounding/index.js';
import { fillToChargeOrder } from './fill-order.js';

/**
 * Charges of one fill taken as a whole executed order (and, under a per-contract-note policy, a
 * whole note), synchronously and without RxJS: the backtester's per-fill hook. Stateless, so
 * partial fills of one order each pay brokerage up to the cap; {@link fillCharger} charges them
 * as one order and keeps the day's lines exact.
 *
 * @example
 * ```ts
 * const fees = (fill: Fill, instrument: Instrument) => chargesForFill(fill, instrument, { plan: zerodha() });
 * ```
 */
export function chargesForFill(
  fill: Fill,
  instrument: Instrument,
  options: ChargeOptions,
): Charges {
  const order = fillToChargeOrder(fill, instrument);
  const policy = options.rounding ?? perOrderRounding;
  const amounts = assessOrder(termsOf(order), valueOf(order), options.plan, policy);
  applyContractNoteLevies(amounts, policy);
  return finalize(amounts, policy);
}
