import { parseWith, PravahError, type Charges } from '@pravah/sdk';
import type Decimal from 'decimal.js';
import { z } from 'zod';
import { exact, roundTo } from '../money/index.js';
import { chargeOrderShape, checkCombination, type ChargeOrder } from '../orders/charge-order.js';
import type { BrokerPlan } from '../plans/index.js';
import { perOrderRounding, type RoundingPolicy } from '../rounding/index.js';
import { finalize, sumOf } from './amounts.js';
import { aggregate, type OrderEntry } from './aggregate.js';
import { termsOf } from './charges.js';

/** The entry order, and optionally the exit price (as a brokerage calculator asks for). */
export interface BreakEvenOrder extends ChargeOrder {
  /** Exit price; when absent, the exit that exactly covers the round trip's charges is solved. */
  readonly exitPrice?: number | undefined;
}

/** Options of {@link breakEven}. */
export interface BreakEvenOptions {
  readonly plan: BrokerPlan;
  /** Default {@link perOrderRounding}, as Zerodha's calculator. */
  readonly rounding?: RoundingPolicy;
}

/** What it takes to break even on a round trip. */
export interface BreakEven {
  /** Points (rupees per unit) to break even, half-up to the paisa as calculators show them. */
  readonly points: Decimal;
  /** The same, unrounded: round-trip total ÷ quantity. */
  readonly exactPoints: Decimal;
  /** Exit price used: the given one, or entry ± exactPoints when solved. */
  readonly exitPrice: Decimal;
  /** Charges of the round trip (entry and exit on the same day, as one contract note). */
  readonly charges: Charges;
}

const BreakEvenSchema = z
  .object({ ...chargeOrderShape, exitPrice: z.number().finite().positive().optional() })
  .superRefine(checkCombination);

const MAX_ITERATIONS = 60;

/**
 * Points to break even on a round trip: the round trip's charges divided by the quantity. With
 * `exitPrice`, the charges are those of entering at `price` and exiting at `exitPrice` (Zerodha's
 * calculator: P1 gives 0.51). Without it, the exit is solved so that the move exactly pays for
 * the charges it causes (exit = entry + points for a long, entry − points for a short), by
 * fixed-point iteration (charges change by far less than the move, so it converges in a few
 * steps).
 *
 * @example
 * ```ts
 * breakEven({ exchange: 'NSE', instrumentType: 'EQ', product: 'MIS', side: 'BUY', quantity: 400,
 *   price: 1000, exitPrice: 1100, tradeDate: '2023-01-16' }, { plan: zerodha() }).points.toFixed(2); // '0.51'
 * ```
 */
export function breakEven(order: BreakEvenOrder, options: BreakEvenOptions): BreakEven {
  const entry = parseWith(BreakEvenSchema, order, 'order');
  const policy = options.rounding ?? perOrderRounding;
  const entryTerms = termsOf(entry);
  const exitTerms = termsOf(entry, entry.side === 'BUY' ? 'SELL' : 'BUY', false);
  const entryPrice = exact(entry.price);
  const entryValue = entryPrice.times(entry.quantity);
  const sign = entry.side === 'BUY' ? 1 : -1;

  const roundTrip = (exitPrice: Decimal) => {
    if (!exitPrice.isPositive() || exitPrice.isZero()) {
      throw new PravahError(
        'NO_BREAK_EVEN',
        `A short at ${entry.price} cannot cover its charges: the exit price would be ${exitPrice.toFixed()}`,
      );
    }
    const orders: OrderEntry[] = [
      { terms: entryTerms, value: entryValue, exchange: entry.exchange },
      { terms: exitTerms, value: exitPrice.times(entry.quantity), exchange: entry.exchange },
    ];
    const { totals } = aggregate(orders, options.plan, policy);
    return { totals, charges: finalize(totals, policy) };
  };

  if (entry.exitPrice !== undefined) {
    const exitPrice = exact(entry.exitPrice);
    const { charges } = roundTrip(exitPrice);
    const exactPoints = charges.total.dividedBy(entry.quantity);
    return Object.freeze({
      points: roundTo(exactPoints, 'paisa'),
      exactPoints,
      exitPrice,
      charges,
    });
  }

  let points = sumOf(roundTrip(entryPrice).totals).dividedBy(entry.quantity);
  let previous: Decimal | undefined;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const { totals } = roundTrip(entryPrice.plus(points.times(sign)));
    const next = sumOf(totals).dividedBy(entry.quantity);
    if (next.equals(points)) break;
    // A short's map decreases with the move; if it flips between two values, keep the larger.
    if (previous !== undefined && next.equals(previous)) {
      points = next.greaterThan(points) ? next : points;
      break;
    }
    previous = points;
    points = next;
  }
  const exitPrice = entryPrice.plus(points.times(sign));
  return Object.freeze({
    points: roundTo(points, 'paisa'),
    exactPoints: points,
    exitPrice,
    charges: roundTrip(exitPrice).charges,
  });
}
