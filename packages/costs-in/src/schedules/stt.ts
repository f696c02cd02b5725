import type { RateSchedule } from './types.js';

const FINANCE_ACT_2023 =
  'COSTS.md §1.1 (rate); start 2023-04-01 per Finance Act 2023 (STT on futures 0.01% -> 0.0125%, options 0.05% -> 0.0625%): https://www.greaterkashmir.com/national-2/finance-ministry-clarifies-on-hike-in-stt-on-options-trading, https://www.devdiscourse.com/article/headlines/2423213-cabinet-gives-post-facto-approval-to-amendment-to-finance-bill-2023';
const FINANCE_NO2_ACT_2024 =
  'COSTS.md §1.1: Finance (No.2) Act 2024 amending s.98 of Finance (No.2) Act 2004, https://www.taxtmi.com/acts?id=43885';
const FINANCE_ACT_2026 =
  'COSTS.md §1.1: Finance Act 2026 (assent 2026-03-30); NSE circular FATAX73524 of 2026-03-31, https://nsearchives.nseindia.com/content/circulars/FATAX73524.pdf';
const STT_CASH =
  'COSTS.md §1.1 (unchanged in every column); Zerodha statutory charges page https://support.zerodha.com/category/account-opening/charges-at-zerodha/articles/what-are-the-various-statutory-charges-like-stamp-duty-and-taxes-etc';
const WINDOW =
  'In force before this date too; the schedules start where the researched window (COSTS.md) starts.';

/**
 * Securities transaction tax (equity and equity derivatives) and commodities transaction tax
 * (MCX, non-agricultural), per side, on the trade's value (premium for options).
 */
export const STT_SCHEDULE: RateSchedule = {
  component: 'stt',
  title: 'STT / CTT',
  basis: 'value (premium for options)',
  rows: [
    {
      venue: 'ALL',
      segments: ['equity-delivery'],
      side: 'BOTH',
      percent: '0.1',
      from: '2021-04-01',
      confidence: 'confirmed',
      source: STT_CASH,
      note: WINDOW,
    },
    {
      venue: 'ALL',
      segments: ['equity-intraday'],
      side: 'SELL',
      percent: '0.025',
      from: '2021-04-01',
      confidence: 'confirmed',
      source: STT_CASH,
      note: WINDOW,
    },
    {
      venue: 'ALL',
      segments: ['equity-futures'],
      side: 'SELL',
      percent: '0.0125',
      from: '2023-04-01',
      to: '2024-09-30',
      confidence: 'confirmed',
      source: FINANCE_ACT_2023,
    },
    {
      venue: 'ALL',
      segments: ['equity-futures'],
      side: 'SELL',
      percent: '0.02',
      from: '2024-10-01',
      to: '2026-03-31',
      confidence: 'confirmed',
      source: FINANCE_NO2_ACT_2024,
    },
    {
      venue: 'ALL',
      segments: ['equity-futures'],
      side: 'SELL',
      percent: '0.05',
      from: '2026-04-01',
      confidence: 'confirmed',
      source: FINANCE_ACT_2026,
    },
    {
      venue: 'ALL',
      segments: ['equity-options'],
      side: 'SELL',
      percent: '0.0625',
      from: '2023-04-01',
      to: '2024-09-30',
      confidence: 'confirmed',
      source: FINANCE_ACT_2023,
    },
    {
      venue: 'ALL',
      segments: ['equity-options'],
      side: 'SELL',
      percent: '0.1',
      from: '2024-10-01',
      to: '2026-03-31',
      confidence: 'confirmed',
      source: FINANCE_NO2_ACT_2024,
    },
    {
      venue: 'ALL',
      segments: ['equity-options'],
      side: 'SELL',
      percent: '0.15',
      from: '2026-04-01',
      confidence: 'confirmed',
      source: FINANCE_ACT_2026,
    },
    {
      venue: 'ALL',
      segments: ['currency-futures', 'currency-options'],
      side: 'BOTH',
      percent: '0',
      from: '2021-04-01',
      confidence: 'confirmed',
      source: 'COSTS.md §1.1: currency derivatives pay no STT',
      note: WINDOW,
    },
    {
      venue: 'ALL',
      segments: ['commodity-futures'],
      side: 'SELL',
      percent: '0.01',
      from: '2021-04-01',
      confidence: 'confirmed',
      source:
        'COSTS.md §1.1: CTT on non-agri commodity futures, Zerodha statutory charges page (see STT cash)',
      note: 'Non-agricultural commodities only. No Finance Act 2026 change found (COSTS.md §6.1).',
    },
    {
      venue: 'ALL',
      segments: ['commodity-options'],
      side: 'SELL',
      percent: '0.05',
      from: '2021-04-01',
      confidence: 'confirmed',
      source: 'COSTS.md §1.1: CTT on commodity options sale, on premium',
      note: 'No Finance Act 2026 change found (COSTS.md §6.1).',
    },
  ],
};

/**
 * STT paid by the holder of an in-the-money option that is exercised at expiry, on the
 * settlement (intrinsic) value (COSTS.md §1.9).
 */
export const STT_ON_EXERCISE_SCHEDULE: RateSchedule = {
  component: 'sttOnExercise',
  title: 'STT on exercise',
  basis: 'intrinsic (settlement) value of an exercised long option',
  rows: [
    {
      venue: 'ALL',
      segments: ['equity-options'],
      side: 'BUY',
      percent: '0.125',
      from: '2023-04-01',
      to: '2026-03-31',
      confidence: 'confirmed',
      source:
        'COSTS.md §1.1 and §1.9; Zerodha https://support.zerodha.com/category/account-opening/resident-individual/ri-charges/articles/if-i-let-my-option-positions-get-exercised-are-there-extra-charges',
      note: 'Unchanged by the 2023 and 2024 Acts; in force earlier too.',
    },
    {
      venue: 'ALL',
      segments: ['equity-options'],
      side: 'BUY',
      percent: '0.15',
      from: '2026-04-01',
      confidence: 'confirmed',
      source: FINANCE_ACT_2026,
    },
  ],
};
