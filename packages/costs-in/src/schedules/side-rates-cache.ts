import type { Classification } from '../orders/classify.js';
import { resolveSideRates, type SideRates } from './side-rates.js';
import type { IsoDate } from './types.js';

/**
 * Last rates resolved per classification and side. Rates change only at effective dates, so a
 * run over consecutive trade dates resolves each combination once per change, and a lookup is a
 * map read plus two string comparisons.
 */
const CACHE = new Map<Classification, [SideRates | undefined, SideRates | undefined]>();

/** The rates one side of a classified trade pays on a date (cached; throws when unscheduled). */
export function sideRatesOn(
  classification: Classification,
  side: 'BUY' | 'SELL',
  date: IsoDate,
): SideRates {
  let slots = CACHE.get(classification);
  if (slots === undefined) {
    slots = [undefined, undefined];
    CACHE.set(classification, slots);
  }
  const slot = side === 'BUY' ? 0 : 1;
  const cached = slots[slot];
  if (
    cached !== undefined &&
    cached.validFrom <= date &&
    (cached.validTo === undefined || date <= cached.validTo)
  ) {
    return cached;
  }
  const { venue, segment, variant } = classification;
  const resolved = resolveSideRates(venue, segment, variant, side, date);
  slots[slot] = resolved;
  return resolved;
}
