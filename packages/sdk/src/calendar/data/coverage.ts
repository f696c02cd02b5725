import type { CalendarData } from '../calendar-data.js';
import * as S from './sources.js';

/**
 * Date ranges whose holiday tables are complete, per segment. Outside them the calendar throws
 * CalendarRangeError unless the weekday fallback is switched on. Currency (CDS/BCD) has no
 * holiday table: its list follows RBI holidays and differs from the equity one (e.g. the
 * 2025-09-05 -> 2025-09-08 Id-e-Milad change, COSTS.md §4.3), and no complete list was found.
 */
export const COVERAGE: CalendarData['coverage'] = [
  { segment: 'cash', from: '2024-01-01', to: '2026-12-31', source: S.NSE_2024_HOLIDAYS },
  { segment: 'fno', from: '2024-01-01', to: '2026-12-31', source: S.NSE_2024_HOLIDAYS },
  { segment: 'commodity', from: '2026-01-01', to: '2026-12-31', source: S.MCX_2026_HOLIDAYS },
];
