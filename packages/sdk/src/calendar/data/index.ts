import type { CalendarData } from '../calendar-data.js';
import { FREEZE_QUANTITIES, LOT_SIZES, MIS_SQUARE_OFF, TICK_SIZES } from './contract-specs.js';
import { COVERAGE } from './coverage.js';
import { EXPIRY_RULES } from './expiry-rules.js';
import { HOLIDAYS } from './holidays.js';
import { SESSION_RULES } from './session-rules.js';
import { SPECIAL_SESSIONS } from './special-sessions.js';

/** The NSE/BSE/MCX calendar data, 2024-2026, every fact with its source. */
export const NSE_CALENDAR_DATA: CalendarData = {
  name: 'NSE/BSE (equity, F&O), MCX 2026',
  coverage: COVERAGE,
  sessionRules: SESSION_RULES,
  holidays: HOLIDAYS,
  specialSessions: SPECIAL_SESSIONS,
  expiryRules: EXPIRY_RULES,
  lotSizes: LOT_SIZES,
  freezeQuantities: FREEZE_QUANTITIES,
  tickSizes: TICK_SIZES,
  misSquareOff: MIS_SQUARE_OFF,
};
