import type { RateSchedule } from './types.js';

/** SEBI turnover fee, both sides, on value (premium for options). */
export const SEBI_SCHEDULE: RateSchedule = {
  component: 'sebi',
  title: 'SEBI turnover fee',
  basis: 'value (premium for options)',
  rows: [
    {
      venue: 'ALL',
      segments: [
        'equity-delivery',
        'equity-intraday',
        'equity-futures',
        'equity-options',
        'currency-futures',
        'currency-options',
        'commodity-futures',
        'commodity-options',
      ],
      side: 'BOTH',
      percent: '0.0001',
      from: '2021-04-01',
      confidence: 'confirmed',
      source:
        'COSTS.md §1.4: ₹10 per crore, https://zeebiz.com/india/news-sebi-board-approves-lowering-of-fees-for-brokers-exchanges-88435',
      note: 'Starts after the temporary ₹5/crore cut of Jun-2020 to Mar-2021 (COSTS.md §1.4, §6.5). Agri commodities pay ₹1/crore (not modelled).',
    },
  ],
};
