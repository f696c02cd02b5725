export {
  roundingPolicy,
  RoundingPolicySchema,
  perOrderRounding,
  perContractNoteRounding,
  paisaRounding,
  exactRounding,
  type RoundingPolicy,
  type LevyRounding,
} from './rounding-policy.js';
export type { RoundingUnit } from '../money/index.js';
