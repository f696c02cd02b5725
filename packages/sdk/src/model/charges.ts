import Decimal from 'decimal.js';
import { z } from 'zod';

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

export const CHARGE_COMPONENTS = ['brokerage', 'stt', 'exchangeTxn', 'ipft', 'sebi', 'stampDuty', 'gst'] as const;
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

/** A decimal amount at a boundary: a Decimal, or a finite number / numeric string. */
export const DecimalSchema = z
  .union([z.instanceof(Decimal), z.number().finite(), z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number')])
  .transform((v) => new Decimal(v));

export const ChargesSchema = z.object({
  brokerage: DecimalSchema,
  stt: DecimalSchema,
  exchangeTxn: DecimalSchema,
  ipft: DecimalSchema,
  sebi: DecimalSchema,
  stampDuty: DecimalSchema,
  gst: DecimalSchema,
  total: DecimalSchema,
});
