export { charges, type ChargeOptions } from './charges.js';
export {
  breakEven,
  type BreakEven,
  type BreakEvenOrder,
  type BreakEvenOptions,
} from './break-even.js';
export { exerciseCharges, ExerciseSchema, type Exercise } from './exercise.js';
