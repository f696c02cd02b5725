import type { CalendarData } from '../calendar-data.js';
import * as S from './sources.js';

/** Regular sessions per segment with effective dates (IST). */
export const SESSION_RULES: CalendarData['sessionRules'] = [
  // Equity cash. The pre-open runs 09:00-09:15 (order entry to 09:08, then matching).
  // Rules without `from` are assumed for earlier dates (used only by the weekday fallback).
  {
    segment: 'cash',
    to: '2026-08-02',
    preOpen: { start: '09:00', end: '09:15' },
    open: '09:15',
    close: '15:30',
    closingSession: { start: '15:40', end: '16:00' },
    source: S.COSTS_4_1,
  },
  {
    // Closing auction for stocks with derivatives; others trade continuously to 15:30.
    segment: 'cash',
    from: '2026-08-03',
    preOpen: { start: '09:00', end: '09:15' },
    open: '09:15',
    close: '15:30',
    closingAuction: { start: '15:15', end: '15:35' },
    closingSession: { start: '15:50', end: '16:00' },
    source: S.COSTS_4_1_CAS,
  },
  // Equity derivatives.
  { segment: 'fno', to: '2025-12-07', open: '09:15', close: '15:30', source: S.COSTS_4_1 },
  {
    segment: 'fno',
    from: '2025-12-08',
    to: '2026-08-02',
    preOpen: { start: '09:00', end: '09:15' },
    open: '09:15',
    close: '15:30',
    source: S.COSTS_4_1_FO_PREOPEN,
  },
  {
    segment: 'fno',
    from: '2026-08-03',
    preOpen: { start: '09:00', end: '09:15' },
    open: '09:15',
    close: '15:40',
    source: S.COSTS_4_1_CAS,
  },
  // Currency derivatives.
  { segment: 'currency', open: '09:00', close: '17:00', source: S.COSTS_4_1_CURRENCY },
  // MCX non-agri commodities: the close follows US daylight saving. Windows run Monday..Sunday.
  {
    segment: 'commodity',
    to: '2024-03-10',
    open: '09:00',
    close: '23:55',
    source: S.MCX_DST_HOURS,
  },
  {
    segment: 'commodity',
    from: '2024-03-11',
    to: '2024-11-03',
    open: '09:00',
    close: '23:30',
    source: S.MCX_DST_HOURS,
  },
  {
    segment: 'commodity',
    from: '2024-11-04',
    to: '2025-03-09',
    open: '09:00',
    close: '23:55',
    source: S.MCX_DST_DERIVED,
  },
  {
    segment: 'commodity',
    from: '2025-03-10',
    to: '2025-11-02',
    open: '09:00',
    close: '23:30',
    source: S.MCX_DST_HOURS,
  },
  {
    segment: 'commodity',
    from: '2025-11-03',
    to: '2026-03-08',
    open: '09:00',
    close: '23:55',
    source: S.MCX_DST_DERIVED,
  },
  {
    segment: 'commodity',
    from: '2026-03-09',
    to: '2026-11-01',
    open: '09:00',
    close: '23:30',
    source: S.MCX_DST_DERIVED,
  },
  {
    segment: 'commodity',
    from: '2026-11-02',
    open: '09:00',
    close: '23:55',
    source: S.MCX_DST_DERIVED,
  },
];
