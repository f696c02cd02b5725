import { parseWith } from '@pravah/sdk';
import { definePlan } from './define-plan.js';
import { PlanSpecSchema } from './plan-spec.js';
import type { BrokerPlan } from './types.js';

const CHARGES =
  'COSTS.md §2: https://support.zerodha.com/category/account-opening/charges-at-zerodha/trading-account-charges/articles/what-is-the-brokerage-for-futures-and-options and 2024-26 charges-page copies';
const UNDATED =
  'COSTS.md gives no start date; applied from 2021-04-01, where the researched window starts.';
const FROM = '2021-04-01';

const capped = {
  rule: { percent: '0.03', cap: '20' },
  from: FROM,
  confidence: 'confirmed',
  source: CHARGES,
  note: UNDATED,
} as const;
const flat20 = {
  rule: { flat: '20' },
  from: FROM,
  confidence: 'confirmed',
  source: CHARGES,
  note: UNDATED,
} as const;

/** Options of {@link zerodha}. */
export interface ZerodhaOptions {
  /** Women primary holders pay ₹12.75 + GST DP charge instead of ₹13 (COSTS.md §1.8). */
  readonly womanPrimaryHolder?: boolean;
}

/**
 * Zerodha: ₹0 delivery; `min(₹20, 0.03%)` intraday, futures (equity, currency, commodity); ₹20
 * flat options; ₹13 + GST DP per security per day on delivery sells; ₹50 + GST per auto
 * squared-off order; GST on IPFT; MIS cut-offs 15:20 equity, 15:25 F&O, 16:45 currency, 25
 * minutes before the MCX close (COSTS.md §2, §1.8, §4.2).
 *
 * @example
 * ```ts
 * const c = charges({ exchange: 'NSE', instrumentType: 'EQ', product: 'MIS', side: 'BUY',
 *   quantity: 100, price: 1000, tradeDate: '2026-06-15' }, { plan: zerodha() });
 * zerodha().misCutoff('NFO'); // '15:25'
 * ```
 */
export function zerodha(options: ZerodhaOptions = {}): BrokerPlan {
  return definePlan(
    parseWith(
      PlanSpecSchema,
      {
        name: options.womanPrimaryHolder === true ? 'zerodha (woman primary holder)' : 'zerodha',
        brokerage: {
          'equity-delivery': [{ ...flat20, rule: { flat: '0' } }],
          'equity-intraday': [capped],
          'equity-futures': [capped],
          'equity-options': [flat20],
          'currency-futures': [capped],
          'currency-options': [flat20],
          'commodity-futures': [capped],
          'commodity-options': [flat20],
        },
        dpCharge: [
          {
            amount: options.womanPrimaryHolder === true ? '12.75' : '13',
            from: FROM,
            confidence: 'unconfirmed',
            source:
              'COSTS.md §1.8: https://support.zerodha.com/category/account-opening/charges-at-zerodha/articles/what-do-dp-charges-mean',
            note: 'Current page value; the switch from the long-standing ₹13.50 has no known date (COSTS.md §6.7).',
          },
        ],
        autoSquareOffFee: [
          {
            amount: '50',
            from: FROM,
            confidence: 'confirmed',
            source:
              'COSTS.md §2: https://support.zerodha.com/category/account-opening/charges-at-zerodha/articles/auto-square-off',
            note: UNDATED,
          },
        ],
        gstOnIpft: true,
        misCutoffs: {
          equity: '15:20',
          derivatives: '15:25',
          currency: '16:45',
          commodity: { beforeClose: 25 },
        },
      },
      'zerodha plan',
    ),
  );
}
