import type { ContractNoteFill } from '../../src/index.js';

/** A round trip (buy then sell, same day) as contract-note fills. */
export function roundTrip(
  base: Omit<ContractNoteFill, 'side' | 'price'>,
  buyPrice: number,
  sellPrice: number,
): ContractNoteFill[] {
  return [
    { ...base, side: 'BUY', price: buyPrice },
    { ...base, side: 'SELL', price: sellPrice },
  ];
}
