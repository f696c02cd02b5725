import type { RateSchedule } from './types.js';

const STAMP =
  'COSTS.md §1.5: Indian Stamp Act 1899 as amended by the Finance Act 2019, uniform from 2020-07-01, https://zerodha.com/marketintel/bulletin/259741/uniform-stamp-duty-applicable-from-july-1-2020';

/** Stamp duty, paid by the buyer only, on value (premium for options). No cap was found. */
export const STAMP_DUTY_SCHEDULE: RateSchedule = {
  component: 'stampDuty',
  title: 'Stamp duty',
  basis: 'buy value (premium for options)',
  rows: [
    {
      venue: 'ALL',
      segments: ['equity-delivery'],
      side: 'BUY',
      percent: '0.015',
      from: '2020-07-01',
      confidence: 'confirmed',
      source: STAMP,
    },
    {
      venue: 'ALL',
      segments: ['equity-intraday'],
      side: 'BUY',
      percent: '0.003',
      from: '2020-07-01',
      confidence: 'confirmed',
      source: STAMP,
    },
    {
      venue: 'ALL',
      segments: ['equity-futures', 'commodity-futures'],
      side: 'BUY',
      percent: '0.002',
      from: '2020-07-01',
      confidence: 'confirmed',
      source: STAMP,
    },
    {
      venue: 'ALL',
      segments: ['equity-options', 'commodity-options'],
      side: 'BUY',
      percent: '0.003',
      from: '2020-07-01',
      confidence: 'confirmed',
      source: STAMP,
    },
    {
      venue: 'ALL',
      segments: ['currency-futures', 'currency-options'],
      side: 'BUY',
      percent: '0.0001',
      from: '2020-07-01',
      confidence: 'confirmed',
      source: STAMP,
    },
  ],
};
