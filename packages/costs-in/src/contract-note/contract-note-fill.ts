import { z } from 'zod';
import { chargeOrderShape, checkCombination, type ChargeOrder } from '../orders/charge-order.js';

/**
 * One fill on a contract note: an order's fields plus the security (for DP charges, once per
 * security per day on delivery sells) and, when an order filled in parts, its order id (fills
 * sharing an id are one executed order: brokerage caps and per-order rounding apply once).
 */
export interface ContractNoteFill extends ChargeOrder {
  readonly symbol: string;
  /** ISIN; DP is charged once per ISIN (or symbol when absent) per day. */
  readonly isin?: string | undefined;
  readonly orderId?: string | undefined;
}

/** Zod schema of a {@link ContractNoteFill}. */
export const ContractNoteFillSchema = z
  .object({
    ...chargeOrderShape,
    symbol: z.string().min(1),
    isin: z.string().min(1).optional(),
    orderId: z.string().min(1).optional(),
  })
  .superRefine(checkCombination);
