import { PravahError } from '@pravah/sdk';

/**
 * Splits an order quantity into slices of at most the freeze quantity rounded down to whole
 * lots: full slices first, the rest last. Without a freeze quantity the order is one slice.
 *
 * @example
 * ```ts
 * freezeSlices(4050, 75, 1800); // [1800, 1800, 450]
 * freezeSlices(100, 1, undefined); // [100]
 * ```
 */
export function freezeSlices(
  quantity: number,
  lotSize: number,
  freezeQuantity: number | undefined,
): number[] {
  if (!Number.isInteger(quantity) || quantity <= 0) {
    throw new PravahError(
      'LIVE_QUANTITY',
      `order quantity ${quantity} must be a positive integer number of units`,
    );
  }
  if (freezeQuantity === undefined) return [quantity];
  const largest = Math.floor(freezeQuantity / lotSize) * lotSize;
  if (largest <= 0) {
    throw new PravahError(
      'LIVE_FREEZE_QUANTITY',
      `freeze quantity ${freezeQuantity} is below one lot (${lotSize}): fix the instrument data`,
    );
  }
  const slices: number[] = [];
  let rest = quantity;
  while (rest > largest) {
    slices.push(largest);
    rest -= largest;
  }
  slices.push(rest);
  return slices;
}
