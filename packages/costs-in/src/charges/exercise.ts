import { parseWith, type Charges } from '@pravah/sdk';
import type Decimal from 'decimal.js';
import { z } from 'zod';
import { exact, ZERO } from '../money/index.js';
import { classify } from '../orders/classify.js';
import { perOrderRounding, type RoundingPolicy } from '../rounding/index.js';
import { rateInForce } from '../schedules/rate-in-force.js';
import { finalize, zeroAmounts } from './amounts.js';
import { applyContractNoteLevies } from './assess.js';

/** A long equity option exercised at expiry (NSE or BSE F&O). */
export interface Exercise {
  readonly exchange: 'NFO' | 'BFO';
  readonly instrumentType: 'CE' | 'PE';
  /** Units exercised. */
  readonly quantity: number;
  readonly strike: number;
  /** Final settlement price of the underlying. */
  readonly settlementPrice: number;
  /** Expiry day (IST) `YYYY-MM-DD`. */
  readonly tradeDate: string;
  readonly symbol?: string | undefined;
}

/** Zod schema of an {@link Exercise}. */
export const ExerciseSchema = z.object({
  exchange: z.enum(['NFO', 'BFO']),
  instrumentType: z.enum(['CE', 'PE']),
  quantity: z.number().int('must be a whole number of units').positive(),
  strike: z.number().finite().positive(),
  settlementPrice: z.number().finite().positive(),
  tradeDate: z.iso.date('must be a calendar date YYYY-MM-DD'),
  symbol: z.string().min(1).optional(),
});

/** STT owed on an exercise, unrounded: intrinsic value × quantity × the exercise rate. */
export function exerciseStt(exercise: Exercise): Decimal {
  const e = parseWith(ExerciseSchema, exercise, 'exercise');
  const strike = exact(e.strike);
  const settle = exact(e.settlementPrice);
  const intrinsic = e.instrumentType === 'CE' ? settle.minus(strike) : strike.minus(settle);
  if (!intrinsic.isPositive() || intrinsic.isZero()) return ZERO;
  const { venue, segment, variant } = classify(e.exchange, e.instrumentType, 'NRML', e.symbol);
  const { fraction } = rateInForce('sttOnExercise', venue, segment, variant, e.tradeDate);
  return intrinsic.times(e.quantity).times(fraction);
}

/**
 * Charges of exercising an in-the-money long option at expiry: STT at the exercise rate on the
 * intrinsic value (0.125%, 0.15% from 2026-04-01), paid by the holder; nothing for an option
 * that expires worthless. Brokerage and exchange charges on exercise are not modelled (COSTS.md
 * §6.14). Under a per-contract-note policy the exercise is its own note (STT to the rupee); pass
 * it to `contractNote` as `exercises` to round it together with the day's other STT.
 *
 * @example
 * ```ts
 * exerciseCharges({ exchange: 'NFO', instrumentType: 'CE', quantity: 65, strike: 25000,
 *   settlementPrice: 25200, tradeDate: '2026-06-30' }, { rounding: perContractNoteRounding })
 *   .stt.toFixed(); // '20' (0.15% of ₹13,000 = 19.50, rounded to the rupee)
 * ```
 */
export function exerciseCharges(
  exercise: Exercise,
  options: { readonly rounding?: RoundingPolicy } = {},
): Charges {
  const policy = options.rounding ?? perOrderRounding;
  const amounts = zeroAmounts();
  amounts.stt = exerciseStt(exercise);
  amounts.total = amounts.stt;
  applyContractNoteLevies(amounts, policy);
  return finalize(amounts, policy);
}
