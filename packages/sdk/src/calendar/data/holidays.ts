import type { CalendarData } from '../calendar-data.js';
import type { MarketSegment } from '../segment.js';
import * as S from './sources.js';

type HolidayList = CalendarData['holidays'];

function list(segments: MarketSegment[], source: string, days: [string, string][]): HolidayList {
  return days.map(([date, name]) => ({ date, name, segments, source }));
}

const EQUITY: MarketSegment[] = ['cash', 'fno'];
const EQUITY_AND_MCX: MarketSegment[] = ['cash', 'fno', 'commodity'];

/**
 * Weekday trading holidays of NSE/BSE equity and equity derivatives (identical on both
 * exchanges), 2024-2026. A holiday with a muhurat session is listed here AND in the special
 * sessions: the regular session is off, the special one runs. For MCX only 2026 is covered;
 * MCX keeps its evening session on most of these days (see special sessions).
 */
export const HOLIDAYS: HolidayList = [
  ...list(EQUITY, S.NSE_2024_HOLIDAYS, [
    ['2024-01-26', 'Republic Day'],
    ['2024-03-08', 'Mahashivratri'],
    ['2024-03-25', 'Holi'],
    ['2024-03-29', 'Good Friday'],
    ['2024-04-11', 'Id-Ul-Fitr (Ramadan Eid)'],
    ['2024-04-17', 'Shri Ram Navami'],
    ['2024-05-01', 'Maharashtra Day'],
    ['2024-06-17', 'Bakri Id'],
    ['2024-07-17', 'Moharram'],
    ['2024-08-15', 'Independence Day / Parsi New Year'],
    ['2024-10-02', 'Mahatma Gandhi Jayanti'],
    ['2024-11-01', 'Diwali Laxmi Pujan (Muhurat session)'],
    ['2024-11-15', 'Gurunanak Jayanti'],
    ['2024-12-25', 'Christmas'],
  ]),
  ...list(EQUITY, S.NSE_2024_01_22, [
    ['2024-01-22', 'Special holiday (Maharashtra public holiday)'],
  ]),
  ...list(EQUITY, S.NSE_2024_05_20, [['2024-05-20', 'General Parliamentary Elections (Mumbai)']]),
  ...list(EQUITY, S.NSE_2024_11_20, [['2024-11-20', 'Maharashtra Assembly Elections']]),
  ...list(EQUITY, S.COSTS_4_3_2025, [
    ['2025-02-26', 'Mahashivratri'],
    ['2025-03-14', 'Holi'],
    ['2025-03-31', 'Id-Ul-Fitr'],
    ['2025-04-10', 'Shri Mahavir Jayanti'],
    ['2025-04-14', 'Dr. Ambedkar Jayanti'],
    ['2025-04-18', 'Good Friday'],
    ['2025-05-01', 'Maharashtra Day'],
    ['2025-08-15', 'Independence Day'],
    ['2025-08-27', 'Ganesh Chaturthi'],
    ['2025-10-02', 'Gandhi Jayanti / Dussehra'],
    ['2025-10-21', 'Diwali Laxmi Pujan (Muhurat session)'],
    ['2025-10-22', 'Diwali Balipratipada'],
    ['2025-11-05', 'Guru Nanak Jayanti'],
    ['2025-12-25', 'Christmas'],
  ]),
  ...list(EQUITY_AND_MCX, S.COSTS_4_3_2026, [
    ['2026-01-15', 'Maharashtra municipal elections'],
    ['2026-01-26', 'Republic Day'],
    ['2026-03-03', 'Holi'],
    ['2026-03-26', 'Shri Ram Navami'],
    ['2026-03-31', 'Shri Mahavir Jayanti'],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-14', 'Dr. Baba Saheb Ambedkar Jayanti'],
    ['2026-05-01', 'Maharashtra Day'],
    ['2026-05-28', 'Bakri Id'],
    ['2026-06-26', 'Muharram'],
    ['2026-09-14', 'Ganesh Chaturthi'],
    ['2026-10-02', 'Mahatma Gandhi Jayanti'],
    ['2026-10-20', 'Dussehra'],
    ['2026-11-10', 'Diwali Balipratipada'],
    ['2026-11-24', 'Prakash Gurpurb Sri Guru Nanak Dev'],
    ['2026-12-25', 'Christmas'],
  ]),
];
