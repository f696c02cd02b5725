/**
 * @pravah/costs-in: Indian trading charges (brokerage, STT/CTT, exchange transaction charges,
 * IPFT, SEBI fee, stamp duty, GST, DP) from rate schedules versioned by effective date, broker
 * plans, rounding policies and contract notes, to the paisa.
 *
 * @packageDocumentation
 */
export * from './errors/index.js';
export * from './orders/index.js';
export * from './schedules/index.js';
export * from './plans/index.js';
export * from './rounding/index.js';
export * from './charges/index.js';
export * from './contract-note/index.js';
export * from './fee-model/index.js';
