import type { GstRow } from './types.js';

/**
 * GST on broker and exchange services. Brokerage, DP charges and broker fees (auto square-off)
 * are always taxed; the rows say which statutory/exchange lines are; whether IPFT is taxed is a
 * broker choice (see `BrokerPlan.gstOnIpft`). STT/CTT and stamp duty are never taxed.
 */
export const GST_SCHEDULE: readonly GstRow[] = [
  {
    percent: '18',
    basis: ['exchangeTxn'],
    from: '2017-07-01',
    to: '2022-07-17',
    confidence: 'confirmed',
    source: 'COSTS.md §1.6: 18% on brokerage + exchange transaction charges',
  },
  {
    percent: '18',
    basis: ['exchangeTxn', 'sebi'],
    from: '2022-07-18',
    confidence: 'confirmed',
    source:
      'COSTS.md §1.4 and §1.6: GST on the SEBI fee from 2022-07-18, BSE notice https://bseindia.com/markets/MarketInfo/DispNewNoticesCirculars.aspx?page=20221031-4',
  },
];
