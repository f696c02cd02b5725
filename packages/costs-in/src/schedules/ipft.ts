import type { RateSchedule } from './types.js';

const IPFT_2023 =
  'COSTS.md §1.3: NSE recalibration of 2023-04-01 from ₹0.01/crore, https://www.thehindu.com/business/nse-to-roll-back-6-increase-in-transaction-charges/article66657383.ece';
const IPFT_2026 =
  'COSTS.md §1.3: NSE/FA/73061 of 2026-02-27, https://nsearchives.nseindia.com/content/circulars/FA73061.pdf';
const NO_LEVY =
  'COSTS.md §1.3 ("applies to NSE trades only") and §6.10 (no BSE IPFT-type levy found)';

/**
 * NSE Investor Protection Fund Trust charge, per side, on value (premium for options). Zerodha
 * folds it into the exchange line of its contract note; it is kept apart here.
 */
export const IPFT_SCHEDULE: RateSchedule = {
  component: 'ipft',
  title: 'IPFT',
  basis: 'value (premium for options)',
  rows: [
    {
      venue: 'NSE',
      segments: ['equity-delivery', 'equity-intraday'],
      side: 'BOTH',
      percent: '0.0000001',
      from: '2021-04-01',
      to: '2023-03-31',
      confidence: 'secondary',
      source: IPFT_2023,
      note: '₹0.01 per crore before the April-2023 recalibration.',
    },
    {
      venue: 'NSE',
      segments: ['equity-delivery', 'equity-intraday', 'equity-futures'],
      side: 'BOTH',
      percent: '0.0001',
      from: '2023-04-01',
      to: '2026-02-28',
      confidence: 'confirmed',
      source: IPFT_2023,
      note: '₹10 per crore.',
    },
    {
      venue: 'NSE',
      segments: ['equity-delivery', 'equity-intraday', 'equity-futures'],
      side: 'BOTH',
      percent: '0.0000001',
      from: '2026-03-01',
      confidence: 'secondary',
      source: IPFT_2026,
      note: '₹0.01 per crore; the split comes from a circular summary (COSTS.md §6.3).',
    },
    {
      venue: 'NSE',
      segments: ['equity-options'],
      side: 'BOTH',
      percent: '0.0005',
      from: '2023-04-01',
      to: '2026-02-28',
      confidence: 'confirmed',
      source: IPFT_2023,
      note: '₹50 per crore of premium.',
    },
    {
      venue: 'NSE',
      segments: ['equity-options'],
      side: 'BOTH',
      percent: '0.00001',
      from: '2026-03-01',
      confidence: 'secondary',
      source: IPFT_2026,
      note: '₹1 per crore of premium; the split comes from a circular summary (COSTS.md §6.3).',
    },
    {
      venue: 'NSE',
      segments: ['currency-futures'],
      side: 'BOTH',
      percent: '0.00005',
      from: '2023-04-01',
      confidence: 'unconfirmed',
      source:
        'COSTS.md §1.3: ₹0.05 per lakh (Upstox, Angel One, https://help.upstox.com/support/solutions/articles/260397-what-are-ipft-charges-)',
      note: 'Zerodha lists "0.5 per lakh" (COSTS.md §6.4). Not revised in Mar-2026.',
    },
    {
      venue: 'NSE',
      segments: ['currency-options'],
      side: 'BOTH',
      percent: '0.002',
      from: '2023-04-01',
      confidence: 'secondary',
      source: 'COSTS.md §1.2 and §1.3: ₹2 per lakh of premium',
      note: 'Not revised in Mar-2026.',
    },
    {
      venue: 'BSE',
      segments: ['equity-delivery', 'equity-intraday'],
      side: 'BOTH',
      percent: '0',
      from: '2022-12-01',
      confidence: 'unconfirmed',
      source: NO_LEVY,
    },
    {
      venue: 'BSE',
      segments: ['equity-futures', 'equity-options', 'currency-futures', 'currency-options'],
      side: 'BOTH',
      percent: '0',
      from: '2024-10-01',
      confidence: 'unconfirmed',
      source: NO_LEVY,
    },
    {
      venue: 'MCX',
      segments: ['commodity-futures', 'commodity-options'],
      side: 'BOTH',
      percent: '0',
      from: '2023-07-01',
      confidence: 'unconfirmed',
      source: 'COSTS.md §1.3 ("applies to NSE trades only"); none on the MCX contract note (P8)',
    },
  ],
};
