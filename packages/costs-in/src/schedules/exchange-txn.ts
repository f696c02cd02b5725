import type { RateSchedule } from './types.js';

const NSE_OCT_2024 =
  'COSTS.md §1.2: NSE revision of 2024-10-01 under SEBI circular SEBI/HO/MRD/TPD-1/P/CIR/2024/92, https://www.ndtvprofit.com/markets/nse-revises-cash-fno-market-fees-october-1';
const NSE_MAR_2026 =
  'COSTS.md §1.2: NSE/FA/73061 of 2026-02-27, https://nsearchives.nseindia.com/content/circulars/FA73061.pdf';
const MAR_2026_SPLIT =
  'Combined txn + IPFT total is corroborated by brokers; the split comes from a circular summary (COSTS.md §6.3).';
const NSE_APR_2024 =
  'COSTS.md §1.2: upstox.com pricing page ("From 1st April 2024 to 30th September 2024")';
const NSE_APR_2023 =
  'COSTS.md §1.2: Angel One 2023 page; Kite API mock of Jul-2023 bills cash 0.00335% = 0.00325% + IPFT';
const BSE_OCT_2024 =
  'COSTS.md §1.2: https://www.financialexpress.com/market/bse-shares-jump-2-as-stock-exchanges-hike-transaction-charges-from-october-1-3625903/lite, https://angelone.in/exchange-transaction-charges';
const MCX_OCT_2024 =
  'COSTS.md §1.2: https://www.ndtvprofit.com/markets/mcx-revises-transaction-fees-on-fo-contracts-after-sebi-mandates-uniform-charge-structure';
const MCX_2023 =
  'COSTS.md §1.2 ("before that: futures group A 0.0026%, options 0.05%") and the Kite virtual-contract-note mock of Jul-2023 (P20)';
const MCX_2023_NOTE =
  'Group A futures. Start is the earliest evidence (P20, Jul-2023); earlier MCX rates were not researched.';

/**
 * Exchange transaction charges, per side, on value (premium for options). IPFT is not included:
 * it is its own component (see IPFT_SCHEDULE).
 */
export const EXCHANGE_TXN_SCHEDULE: RateSchedule = {
  component: 'exchangeTxn',
  title: 'Exchange transaction charge',
  basis: 'value (premium for options)',
  rows: [
    // NSE cash
    {
      venue: 'NSE',
      segments: ['equity-delivery', 'equity-intraday'],
      side: 'BOTH',
      percent: '0.00345',
      from: '2021-04-01',
      to: '2023-03-31',
      confidence: 'secondary',
      source:
        'COSTS.md §1.2 ("before 2023-04-01 cash was 0.00345%, which included the 6% hike of Jan-2021"), https://www.thehindu.com/business/nse-to-roll-back-6-increase-in-transaction-charges/article66657383.ece; Kite docs mock P19',
      note: 'In force from 2021-01-01; the schedules start 2021-04-01.',
    },
    {
      venue: 'NSE',
      segments: ['equity-delivery', 'equity-intraday'],
      side: 'BOTH',
      percent: '0.00325',
      from: '2023-04-01',
      to: '2024-03-31',
      confidence: 'secondary',
      source: NSE_APR_2023,
    },
    {
      venue: 'NSE',
      segments: ['equity-delivery', 'equity-intraday'],
      side: 'BOTH',
      percent: '0.00322',
      from: '2024-04-01',
      to: '2024-09-30',
      confidence: 'secondary',
      source: NSE_APR_2024,
    },
    {
      venue: 'NSE',
      segments: ['equity-delivery', 'equity-intraday'],
      side: 'BOTH',
      percent: '0.00297',
      from: '2024-10-01',
      to: '2026-02-28',
      confidence: 'confirmed',
      source: NSE_OCT_2024,
    },
    {
      venue: 'NSE',
      segments: ['equity-delivery', 'equity-intraday'],
      side: 'BOTH',
      percent: '0.0030699',
      from: '2026-03-01',
      confidence: 'secondary',
      source: NSE_MAR_2026,
      note: MAR_2026_SPLIT,
    },
    // NSE equity futures
    {
      venue: 'NSE',
      segments: ['equity-futures'],
      side: 'BOTH',
      percent: '0.0019',
      from: '2023-04-01',
      to: '2024-03-31',
      confidence: 'secondary',
      source: NSE_APR_2023,
      note: 'NSE F&O rates before 2023-04-01 were not researched.',
    },
    {
      venue: 'NSE',
      segments: ['equity-futures'],
      side: 'BOTH',
      percent: '0.00188',
      from: '2024-04-01',
      to: '2024-09-30',
      confidence: 'unconfirmed',
      source: NSE_APR_2024,
      note: "Zerodha's CEO quoted 0.00183% for this period (COSTS.md §6.2).",
    },
    {
      venue: 'NSE',
      segments: ['equity-futures'],
      side: 'BOTH',
      percent: '0.00173',
      from: '2024-10-01',
      to: '2026-02-28',
      confidence: 'confirmed',
      source: NSE_OCT_2024,
    },
    {
      venue: 'NSE',
      segments: ['equity-futures'],
      side: 'BOTH',
      percent: '0.0018299',
      from: '2026-03-01',
      confidence: 'secondary',
      source: NSE_MAR_2026,
      note: MAR_2026_SPLIT,
    },
    // NSE equity options (premium)
    {
      venue: 'NSE',
      segments: ['equity-options'],
      side: 'BOTH',
      percent: '0.05',
      from: '2023-04-01',
      to: '2024-03-31',
      confidence: 'secondary',
      source: NSE_APR_2023,
      note: 'NSE F&O rates before 2023-04-01 were not researched.',
    },
    {
      venue: 'NSE',
      segments: ['equity-options'],
      side: 'BOTH',
      percent: '0.0495',
      from: '2024-04-01',
      to: '2024-09-30',
      confidence: 'secondary',
      source: NSE_APR_2024,
    },
    {
      venue: 'NSE',
      segments: ['equity-options'],
      side: 'BOTH',
      percent: '0.03503',
      from: '2024-10-01',
      to: '2026-02-28',
      confidence: 'confirmed',
      source: NSE_OCT_2024,
    },
    {
      venue: 'NSE',
      segments: ['equity-options'],
      side: 'BOTH',
      percent: '0.03552',
      from: '2026-03-01',
      confidence: 'secondary',
      source: NSE_MAR_2026,
      note: MAR_2026_SPLIT,
    },
    // NSE currency
    {
      venue: 'NSE',
      segments: ['currency-futures'],
      side: 'BOTH',
      percent: '0.00035',
      from: '2024-10-01',
      confidence: 'confirmed',
      source: NSE_OCT_2024,
      note: 'Not revised by NSE/FA/73061. Earlier currency rates were not researched.',
    },
    {
      venue: 'NSE',
      segments: ['currency-options'],
      side: 'BOTH',
      percent: '0.0311',
      from: '2024-10-01',
      confidence: 'confirmed',
      source: NSE_OCT_2024,
      note: 'Not revised by NSE/FA/73061. Earlier currency rates were not researched.',
    },
    // BSE
    {
      venue: 'BSE',
      segments: ['equity-delivery', 'equity-intraday'],
      side: 'BOTH',
      percent: '0.00375',
      from: '2022-12-01',
      confidence: 'confirmed',
      source:
        'COSTS.md §1.2: BSE text (₹375/crore flat, groups A, B and other non-exclusive scrips) quoted on Zerodha page copies, https://capovex.in/charges.html',
      note: 'Groups A/B and non-exclusive scrips; X, XT, Z, ZP (0.1%), M/MT/TS/MS and SS/ST groups are not modelled.',
    },
    {
      venue: 'BSE',
      segments: ['equity-futures'],
      side: 'BOTH',
      percent: '0',
      from: '2024-10-01',
      confidence: 'confirmed',
      source: BSE_OCT_2024,
      note: 'Nil, unchanged through 2024-26; earlier BSE F&O rates were not researched.',
    },
    {
      venue: 'BSE',
      segments: ['equity-options'],
      variant: 'SENSEX/BANKEX',
      side: 'BOTH',
      percent: '0.0325',
      from: '2024-10-01',
      confidence: 'confirmed',
      source: BSE_OCT_2024,
    },
    {
      venue: 'BSE',
      segments: ['equity-options'],
      variant: 'SENSEX 50/stock',
      side: 'BOTH',
      percent: '0.005',
      from: '2024-10-01',
      confidence: 'confirmed',
      source: BSE_OCT_2024,
      note: 'Unchanged; start is where the researched window for BSE F&O begins.',
    },
    {
      venue: 'BSE',
      segments: ['currency-futures'],
      side: 'BOTH',
      percent: '0.00045',
      from: '2024-10-01',
      confidence: 'confirmed',
      source: BSE_OCT_2024,
    },
    {
      venue: 'BSE',
      segments: ['currency-options'],
      side: 'BOTH',
      percent: '0.001',
      from: '2024-10-01',
      confidence: 'confirmed',
      source: BSE_OCT_2024,
    },
    // MCX
    {
      venue: 'MCX',
      segments: ['commodity-futures'],
      side: 'BOTH',
      percent: '0.0026',
      from: '2023-07-01',
      to: '2024-09-30',
      confidence: 'secondary',
      source: MCX_2023,
      note: MCX_2023_NOTE,
    },
    {
      venue: 'MCX',
      segments: ['commodity-futures'],
      side: 'BOTH',
      percent: '0.0021',
      from: '2024-10-01',
      confidence: 'confirmed',
      source: MCX_OCT_2024,
    },
    {
      venue: 'MCX',
      segments: ['commodity-options'],
      side: 'BOTH',
      percent: '0.05',
      from: '2023-07-01',
      to: '2024-09-30',
      confidence: 'secondary',
      source: MCX_2023,
      note: MCX_2023_NOTE,
    },
    {
      venue: 'MCX',
      segments: ['commodity-options'],
      side: 'BOTH',
      percent: '0.0418',
      from: '2024-10-01',
      confidence: 'confirmed',
      source: MCX_OCT_2024,
    },
  ],
};
