import type { CalendarData } from '../calendar-data.js';
import * as S from './sources.js';

const MON = 1;
const TUE = 2;
const WED = 3;
const THU = 4;
const FRI = 5;

/**
 * Weekly and monthly expiry weekdays per underlying, by effective window of the expiry date.
 * A weekly expires on its weekday every week except the week of the monthly expiry; a monthly
 * on the last such weekday of the month. On a holiday either moves to the previous regular
 * trading day (COSTS.md §4.8). Since 2024-11-20 only NIFTY (NSE) and SENSEX (BSE) have
 * weeklies.
 */
export const EXPIRY_RULES: CalendarData['expiryRules'] = [
  {
    underlying: 'NIFTY',
    exchange: 'NFO',
    knownFrom: '2019-02-11',
    weekly: [
      { from: '2019-02-11', to: '2025-08-31', weekday: THU, source: S.NIFTY_WEEKLY_LAUNCH },
      { from: '2025-09-01', weekday: TUE, source: S.COSTS_4_8 },
    ],
    monthly: [
      { to: '2025-08-31', weekday: THU, source: S.COSTS_4_8 },
      { from: '2025-09-01', weekday: TUE, source: S.COSTS_4_8 },
    ],
  },
  {
    underlying: 'BANKNIFTY',
    exchange: 'NFO',
    knownFrom: '2023-09-04',
    weekly: [{ from: '2023-09-04', to: '2024-11-19', weekday: WED, source: S.NSE_EXPIRY_2024 }],
    monthly: [
      { to: '2024-02-29', weekday: THU, source: S.NSE_EXPIRY_2024 },
      { from: '2024-03-01', to: '2024-12-31', weekday: WED, source: S.NSE_EXPIRY_2024 },
      { from: '2025-01-01', to: '2025-08-31', weekday: THU, source: S.NSE_EXPIRY_2025 },
      { from: '2025-09-01', weekday: TUE, source: S.COSTS_4_8 },
    ],
  },
  {
    underlying: 'FINNIFTY',
    exchange: 'NFO',
    knownFrom: '2024-01-01',
    weekly: [{ to: '2024-11-19', weekday: TUE, source: S.NSE_EXPIRY_2024 }],
    monthly: [
      { to: '2024-12-31', weekday: TUE, source: S.NSE_EXPIRY_2024 },
      { from: '2025-01-01', to: '2025-08-31', weekday: THU, source: S.NSE_EXPIRY_2025 },
      { from: '2025-09-01', weekday: TUE, source: S.COSTS_4_8 },
    ],
  },
  {
    underlying: 'MIDCPNIFTY',
    exchange: 'NFO',
    knownFrom: '2024-01-01',
    weekly: [{ to: '2024-11-19', weekday: MON, source: S.NSE_EXPIRY_2024 }],
    monthly: [
      { to: '2024-12-31', weekday: MON, source: S.NSE_EXPIRY_2024 },
      { from: '2025-01-01', to: '2025-08-31', weekday: THU, source: S.NSE_EXPIRY_2025 },
      { from: '2025-09-01', weekday: TUE, source: S.COSTS_4_8 },
    ],
  },
  {
    underlying: 'NIFTYNXT50',
    exchange: 'NFO',
    knownFrom: '2024-04-24',
    weekly: [],
    monthly: [
      { to: '2024-12-31', weekday: FRI, source: S.NSE_EXPIRY_2024 },
      { from: '2025-01-01', to: '2025-08-31', weekday: THU, source: S.NSE_EXPIRY_2025 },
      { from: '2025-09-01', weekday: TUE, source: S.COSTS_4_8 },
    ],
  },
  {
    // NSE single-stock futures and options (monthly only).
    underlying: 'STOCKS',
    exchange: 'NFO',
    knownFrom: '2024-01-01',
    weekly: [],
    monthly: [
      { to: '2025-08-31', weekday: THU, source: S.NSE_EXPIRY_2025 },
      { from: '2025-09-01', weekday: TUE, source: S.COSTS_4_8 },
    ],
  },
  {
    underlying: 'SENSEX',
    exchange: 'BFO',
    knownFrom: '2024-01-01',
    weekly: [
      { to: '2025-01-03', weekday: FRI, source: S.BSE_EXPIRY_2025 },
      { from: '2025-01-04', to: '2025-08-31', weekday: TUE, source: S.BSE_EXPIRY_2025 },
      { from: '2025-09-01', weekday: THU, source: S.COSTS_4_8 },
    ],
    monthly: [
      { to: '2024-12-31', weekday: FRI, source: S.BSE_EXPIRY_2025 },
      { from: '2025-01-01', to: '2025-08-31', weekday: TUE, source: S.BSE_EXPIRY_2025 },
      { from: '2025-09-01', weekday: THU, source: S.COSTS_4_8 },
    ],
  },
  {
    underlying: 'BANKEX',
    exchange: 'BFO',
    knownFrom: '2024-01-01',
    weekly: [{ to: '2024-11-19', weekday: MON, source: S.BSE_EXPIRY_2025 }],
    monthly: [
      { to: '2024-12-31', weekday: MON, source: S.BSE_EXPIRY_2025 },
      { from: '2025-01-01', to: '2025-08-31', weekday: TUE, source: S.BSE_EXPIRY_2025 },
      { from: '2025-09-01', weekday: THU, source: S.COSTS_4_8 },
    ],
  },
  {
    // Whether SENSEX 50 had weeklies before 2024-11-20 is not confirmed, so data starts there.
    underlying: 'SENSEX50',
    exchange: 'BFO',
    knownFrom: '2024-11-20',
    weekly: [],
    monthly: [
      { to: '2024-12-31', weekday: THU, source: S.BSE_EXPIRY_2025 },
      { from: '2025-01-01', to: '2025-08-31', weekday: TUE, source: S.BSE_EXPIRY_2025 },
      { from: '2025-09-01', weekday: THU, source: S.COSTS_4_8 },
    ],
  },
];
