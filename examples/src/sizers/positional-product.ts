import type { Instrument, Product } from '@pravah/sdk';

/**
 * The product that holds a position overnight: CNC (delivery) for cash-market instruments on
 * NSE and BSE, NRML (carry-forward) for derivatives on NFO, BFO, MCX, CDS and BCD.
 *
 * @example
 * ```ts
 * positionalProduct(ctx.instruments.get('NSE:INFY')); // 'CNC'
 * positionalProduct(ctx.instruments.get('NFO:NIFTY25JUNFUT')); // 'NRML'
 * ```
 */
export function positionalProduct(instrument: Instrument): Product {
  return instrument.exchange === 'NSE' || instrument.exchange === 'BSE' ? 'CNC' : 'NRML';
}
