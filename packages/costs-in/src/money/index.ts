export { Money, ZERO, exact, percentToFraction } from './money.js';
export { roundTo, decimalsOf, type RoundingUnit } from './round.js';
