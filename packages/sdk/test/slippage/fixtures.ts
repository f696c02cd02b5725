import type { Fill, Tick } from '../../src/index.js';
import { MONDAY_0915_IST, reliance } from '../guards/fixtures.js';

export {
  bar,
  context,
  infy,
  marbles,
  MONDAY_0915_IST,
  niftyFut,
  reliance,
} from '../guards/fixtures.js';

/** A raw venue fill (price equals rawPrice): a MIS buy of 10 RELIANCE at 2,400. */
export function fill(overrides: Partial<Fill> = {}): Fill {
  const price = overrides.price ?? 2400;
  return {
    kind: 'fill',
    id: 'f1',
    orderId: 'o1',
    instrument: reliance.id,
    time: MONDAY_0915_IST,
    side: 'BUY',
    quantity: 10,
    price,
    rawPrice: price,
    product: 'MIS',
    ...overrides,
  };
}

/** A RELIANCE tick with the given quotes. */
export function tick(price: number, quotes: Partial<Tick> = {}): Tick {
  return { kind: 'tick', instrument: reliance.id, time: MONDAY_0915_IST, price, ...quotes };
}
