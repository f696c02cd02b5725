/** Largest multiple of `lotSize` that is <= `quantity` (0 when below one lot). */
export function floorToLot(quantity: number, lotSize: number): number {
  if (!(quantity > 0)) return 0;
  return Math.floor(quantity / lotSize) * lotSize;
}
