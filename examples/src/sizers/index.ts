export { allInByCash, type AllInByCashOptions } from './all-in-by-cash.js';
export { equityFraction, type EquityFractionOptions } from './equity-fraction.js';
export { pairLegs, type PairLegsOptions } from './pair-legs.js';
export { withPositionCap, type PositionCapOptions } from './position-cap.js';
export { positionalProduct } from './positional-product.js';
