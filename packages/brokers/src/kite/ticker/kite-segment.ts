/** Kite exchange segment ids: the low byte of an instrument token. */
export const KITE_SEGMENT = {
  NSE: 1,
  NFO: 2,
  CDS: 3,
  BSE: 4,
  BFO: 5,
  BCD: 6,
  MCX: 7,
  MCXSX: 8,
  INDICES: 9,
} as const;

/**
 * The number Kite's integer prices are divided by for an instrument token: 10,000,000 for NSE
 * currency (CDS), 10,000 for BSE currency (BCD), 100 for every other segment.
 *
 * @example
 * ```ts
 * kitePriceDivisor(884737); // 100 (segment 1, NSE)
 * kitePriceDivisor((412 << 8) | 3); // 10_000_000 (CDS)
 * ```
 */
export function kitePriceDivisor(instrumentToken: number): number {
  const segment = instrumentToken & 0xff;
  if (segment === KITE_SEGMENT.CDS) return 10_000_000;
  if (segment === KITE_SEGMENT.BCD) return 10_000;
  return 100;
}
