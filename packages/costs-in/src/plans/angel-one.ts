import { parseWith } from '@pravah/sdk';
import { definePlan } from './define-plan.js';
import { PlanSpecSchema } from './plan-spec.js';
import type { BrokerPlan } from './types.js';

const PRICING =
  'COSTS.md §2: https://angelone.in/exchange-transaction-charges ("pricing of Stock Investments is applicable from 1st November 2024")';
const THIRD_PARTY =
  'COSTS.md §2: https://investking.in/angel-one-brokerage-charges-pricing-list (third party)';
const UNDATED =
  'COSTS.md gives no start date; applied from 2021-04-01, where the researched window starts.';
const FROM = '2021-04-01';

const flat20 = (confidence: 'confirmed' | 'secondary', source: string) =>
  ({ rule: { flat: '20' }, from: FROM, confidence, source, note: UNDATED }) as const;

/**
 * Angel One: delivery ₹0 until 2024-10-31, then `min(₹20, 0.1%)` with a ₹2 minimum; intraday
 * `min(₹20, 0.03%)`; ₹20 per order for F&O, currency and commodity; ₹20 + GST DP charge from
 * 2024-10-01; ₹20 + GST auto square-off; MIS cut-offs 15:15 equity and 15:20 F&O (currency and
 * commodity unknown) (COSTS.md §2, §1.8, §4.2). GST on IPFT is assumed, as at Zerodha (Angel One
 * does not say; COSTS.md §6.4).
 *
 * @example
 * ```ts
 * angelOne().brokerageRule('equity-delivery', '2024-10-31'); // { kind: 'flat', amount: 0 }
 * ```
 */
export function angelOne(): BrokerPlan {
  return definePlan(
    parseWith(
      PlanSpecSchema,
      {
        name: 'angel-one',
        brokerage: {
          'equity-delivery': [
            { ...flat20('confirmed', PRICING), rule: { flat: '0' }, to: '2024-10-31' },
            {
              rule: { percent: '0.1', cap: '20', minimum: '2' },
              from: '2024-11-01',
              confidence: 'confirmed',
              source: PRICING,
            },
          ],
          'equity-intraday': [
            { ...flat20('confirmed', PRICING), rule: { percent: '0.03', cap: '20' } },
          ],
          'equity-futures': [
            { ...flat20('confirmed', PRICING), note: `${UNDATED} Older pages: min(₹20, 0.25%).` },
          ],
          'equity-options': [flat20('confirmed', PRICING)],
          'currency-futures': [flat20('secondary', THIRD_PARTY)],
          'currency-options': [flat20('secondary', THIRD_PARTY)],
          'commodity-futures': [flat20('secondary', THIRD_PARTY)],
          'commodity-options': [flat20('secondary', THIRD_PARTY)],
        },
        dpCharge: [
          {
            amount: '20',
            from: '2024-10-01',
            confidence: 'confirmed',
            source:
              'COSTS.md §1.8: ₹3.50 CDSL + ₹16.50 Angel One, https://www.angelone.in/blog/pricing-update-2024-for-i-trade',
            note: 'Earlier DP charges were not researched.',
          },
        ],
        autoSquareOffFee: [
          { amount: '20', from: FROM, confidence: 'secondary', source: THIRD_PARTY, note: UNDATED },
        ],
        gstOnIpft: true,
        misCutoffs: { equity: '15:15', derivatives: '15:20' },
      },
      'angel one plan',
    ),
  );
}
