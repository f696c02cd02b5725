export { zerodha, type ZerodhaOptions } from './zerodha.js';
export { upstox } from './upstox.js';
export { angelOne } from './angel-one.js';
export { customPlan } from './custom-plan.js';
export { renderPlanTable, formatRule } from './plan-table.js';
export { PlanSpecSchema, BrokerageRuleSpecSchema, type PlanSpec } from './plan-spec.js';
export {
  MIS_SEGMENTS,
  type BrokerPlan,
  type BrokerageRule,
  type BrokerageRow,
  type AmountRow,
  type Provenance,
  type MisSegment,
  type MisCutoffRule,
  type MisCutoffTimes,
} from './types.js';
