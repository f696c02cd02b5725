export { RuntimeGuards } from './runtime-guards.js';
export { RuntimeLimitsSchema, type RuntimeLimits } from './runtime-limits.js';
