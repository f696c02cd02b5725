import type { OrderIntent } from '@pravah/sdk';

/**
 * The backtester's funds rule: an order that only reduces a position needs nothing; otherwise
 * the increase in exposure at `price` must fit in the buying power (equity × leverage − gross
 * exposure − other open entry orders). Returns the reason when it does not.
 *
 * @example
 * ```ts
 * fundsShortfall(buy10, 1500, 0, 1, () => 10_000); // 'needs ₹15000.00 ... only ₹10000.00 is available (leverage 1x)'
 * ```
 */
export function fundsShortfall(
  intent: OrderIntent,
  price: number,
  held: number,
  leverage: number,
  available: () => number,
): string | undefined {
  const signed = intent.side === 'BUY' ? intent.quantity : -intent.quantity;
  const reduces =
    held !== 0 && Math.sign(held) !== Math.sign(signed) && Math.abs(signed) <= Math.abs(held);
  if (reduces) return undefined;
  const increase =
    Math.abs(held + signed) > Math.abs(held) ? Math.abs(held + signed) - Math.abs(held) : 0;
  const needed = increase * price;
  const left = available();
  if (needed <= left + 1e-6) return undefined;
  return `needs ₹${needed.toFixed(2)} of buying power but only ₹${Math.max(0, left).toFixed(2)} is available (leverage ${leverage}x)`;
}
