import { parseWith } from '@pravah/sdk';
import { definePlan } from './define-plan.js';
import { PlanSpecSchema, type PlanSpec } from './plan-spec.js';
import type { BrokerPlan } from './types.js';

/**
 * A broker plan for any broker, validated with zod (a bad entry throws a ValidationError naming
 * its path, e.g. `brokerage.equity-intraday.cap`). Amounts are rupees before GST, `percent` is a
 * percentage of the order's value; any entry may be a list of dated entries (`from`/`to`
 * inclusive, no overlaps). A segment without brokerage fails when an order needs it.
 *
 * @example
 * ```ts
 * const flat = customPlan({
 *   name: 'flat-20',
 *   brokerage: {
 *     'equity-delivery': { flat: 0 },
 *     'equity-intraday': { percent: 0.03, cap: 20 },
 *     'equity-options': [{ to: '2024-10-31', rule: { flat: 10 } }, { from: '2024-11-01', rule: { flat: 20 } }],
 *   },
 *   dpCharge: 15.5,
 *   autoSquareOffFee: 50,
 *   gstOnIpft: true,
 *   misCutoffs: { equity: '15:20', derivatives: '15:25', commodity: { beforeClose: 25 } },
 * });
 * ```
 */
export function customPlan(spec: PlanSpec): BrokerPlan {
  return definePlan(parseWith(PlanSpecSchema, spec, 'broker plan'));
}
