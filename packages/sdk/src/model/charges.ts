import Decimal from 'decimal.js';
import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { freezeMessage } from './freeze.js';

/**
 * Itemised Indian charges on one fill or order, in rupees, as decimal.js values (money that is
 * booked never passes through a float). Field names follow Kite's `POST /charges/orders`.
 */
export interface Charges {
  readonly brokerage: Decimal;
  /** Securities (or commodities) transaction tax. */
  readonly stt: Decimal;
  readonly exchangeTxn: Decimal;
  /** Investor Protection Fund Trust charge, shown on its own. */
  readonly ipft: Decimal;
  readonly sebi: Decimal;
  readonly stampDuty: Decimal;
  readonly gst: Decimal;
  readonly total: Decimal;
}

export const CHARGE_COMPONENTS = [
  'brokerage',
  'stt',
  'exchangeTxn',
  'ipft',
  'sebi',
  'stampDuty',
  'gst',
] as const;
export type ChargeComponent = (typeof CHARGE_COMPONENTS)[number];

/** Charges of zero, e.g. for a run without costs. */
export const ZERO_CHARGES: Charges = Object.freeze({
  brokerage: new Decimal(0),
  stt: new Decimal(0),
  exchangeTxn: new Decimal(0),
  ipft: new Decimal(0),
  sebi: new Decimal(0),
  stampDuty: new Decimal(0),
  gst: new Decimal(0),
  total: new Decimal(0),
});

/**
 * A decimal amount at a boundary: a Decimal, a finite number, or a numeric string (as
 * `Decimal#toJSON` writes it, exponent included), always read into a finite Decimal.
 */
export const DecimalSchema = z
  .union([
    z.instanceof(Decimal),
    z.number(),
    z.string().regex(/^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$/i, 'must be a decimal number, e.g. "12.34"'),
  ])
  .transform((v) => new Decimal(v))
  .refine((d) => d.isFinite(), 'must be a finite decimal number');

const nonNegativeAmount = DecimalSchema.refine((d) => !d.isNegative(), 'must not be negative');

/** Zod schema of {@link Charges}: every amount a finite, non-negative Decimal. */
export const ChargesSchema = z.object({
  brokerage: nonNegativeAmount,
  stt: nonNegativeAmount,
  exchangeTxn: nonNegativeAmount,
  ipft: nonNegativeAmount,
  sebi: nonNegativeAmount,
  stampDuty: nonNegativeAmount,
  gst: nonNegativeAmount,
  total: nonNegativeAmount,
});

/**
 * Validates a charges breakdown (amounts as Decimals, numbers or numeric strings) and returns
 * it frozen with Decimal amounts; throws a ValidationError otherwise.
 *
 * @example
 * ```ts
 * const charges = parseCharges({ brokerage: '20', stt: '0', exchangeTxn: '1.5', ipft: '0.05',
 *   sebi: '0.01', stampDuty: '0.15', gst: '3.88', total: '25.59' });
 * ```
 */
export function parseCharges(input: unknown): Charges {
  return freezeMessage(parseWith(ChargesSchema, input, 'charges'));
}
