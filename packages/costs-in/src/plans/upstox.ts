import { parseWith } from '@pravah/sdk';
import { definePlan } from './define-plan.js';
import { PlanSpecSchema } from './plan-spec.js';
import type { BrokerPlan } from './types.js';

const HELP =
  'COSTS.md §2: https://help.upstox.com/support/solutions/articles/257195-how-are-the-charges-calculated-, https://upstox.com/calculator/brokerage-calculator';
const MIRROR = 'COSTS.md §2: pricing-page mirror https://upstx.gustya.com/brokerage-charges';
const UNDATED =
  'COSTS.md gives no start date; applied from 2021-04-01, where the researched window starts.';
const FROM = '2021-04-01';

const half = (confidence: 'confirmed' | 'secondary', source: string) =>
  ({
    rule: { percent: '0.05', cap: '20' },
    from: FROM,
    confidence,
    source,
    note: UNDATED,
  }) as const;
const flat20 = (confidence: 'confirmed' | 'secondary', source: string) =>
  ({ rule: { flat: '20' }, from: FROM, confidence, source, note: UNDATED }) as const;

/**
 * Upstox: `min(₹20, 2.5%)` delivery; `min(₹20, 0.05%)` intraday and futures; ₹20 flat options;
 * ₹18.50 + GST DP charge; ₹50 + GST auto square-off; no GST on IPFT; MIS cut-offs 15:15 equity,
 * 15:20 F&O, 16:30 currency, 40 minutes before a 23:30 MCX close or 30 before 23:55
 * (COSTS.md §2, §1.8, §4.2).
 *
 * @example
 * ```ts
 * upstox().misCutoff('MCX', '23:55'); // '23:25'
 * ```
 */
export function upstox(): BrokerPlan {
  return definePlan(
    parseWith(
      PlanSpecSchema,
      {
        name: 'upstox',
        brokerage: {
          'equity-delivery': [
            { ...flat20('confirmed', HELP), rule: { percent: '2.5', cap: '20' } },
          ],
          'equity-intraday': [
            {
              ...half('secondary', HELP),
              confidence: 'unconfirmed',
              note: `${UNDATED} Help centre and calculator say 0.05%; a pricing-page mirror says 0.1% (COSTS.md §6.8).`,
            },
          ],
          'equity-futures': [half('confirmed', HELP)],
          'equity-options': [flat20('confirmed', HELP)],
          'currency-futures': [half('secondary', MIRROR)],
          'currency-options': [flat20('secondary', MIRROR)],
          'commodity-futures': [half('secondary', MIRROR)],
          'commodity-options': [flat20('secondary', MIRROR)],
        },
        dpCharge: [
          {
            amount: '18.5',
            from: '2024-10-01',
            confidence: 'confirmed',
            source:
              'COSTS.md §1.8: ₹3.50 CDSL + ₹15 Upstox, https://upstox.com/calculator/brokerage-calculator',
            note: 'Dated from the CDSL uniform tariff of 2024-10-01 it includes; earlier DP charges were not researched.',
          },
        ],
        autoSquareOffFee: [
          {
            amount: '50',
            from: FROM,
            confidence: 'confirmed',
            source:
              'COSTS.md §2: https://help.upstox.com/support/solutions/articles/248671-what-are-auto-square-off-charges-',
            note: UNDATED,
          },
        ],
        gstOnIpft: false,
        misCutoffs: {
          equity: '15:15',
          derivatives: '15:20',
          currency: '16:30',
          commodity: { beforeClose: { '23:30': 40, '23:55': 30 } },
        },
      },
      'upstox plan',
    ),
  );
}
